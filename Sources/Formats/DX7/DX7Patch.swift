// Converts DX7 voices to and from `Patch` (synth id `dx7`) through Synths/dx7.xml: each parameter's
// `source="vced[N]"` (or `vced[N]+K`: the patch value is the stored value plus K, as the algorithm,
// stored 0-31 and shown 1-32) names its place in the 155-byte VCED layout, so ids and ranges live
// only in the XML.
import Synthesis

extension DX7VoiceData {
    /// The synth id of every DX7 patch.
    public static let synthID = "dx7"

    /// The schema's parameters that have a VCED place, with that place.
    static func vcedParameters(_ schema: SynthSchema) -> [(spec: ParameterSpec, index: Int, offset: Int)] {
        schema.parameters.compactMap { spec in
            guard let (index, offset) = spec.storedIndex(in: "vced"), index < Self.unpackedSize - 10 else { return nil }
            return (spec, index, offset)
        }
    }

    /// The voice as a patch of `schema`'s ids, values as stored (not clamped); `source` (file name)
    /// and `index` (0-based) go into the attributes.
    public func patch(schema: SynthSchema, source: String? = nil, index: Int? = nil) -> Patch {
        let stored = unpacked
        var values: [String: Double] = [:]
        for (spec, place, offset) in Self.vcedParameters(schema) { values[spec.id] = Double(Int(stored[place]) + offset) }
        var attributes: [String: String] = [:]
        if let source { attributes["source"] = source }
        if let index { attributes["index"] = String(index) }
        return Patch(synthID: Self.synthID, name: name, values: values, attributes: attributes)
    }

    /// The voice a patch describes. Values are rounded and clamped into the schema's ranges; missing
    /// or NaN values take the schema's defaults, so any patch gives a valid voice.
    public init(patch: Patch, schema: SynthSchema) {
        var stored = DX7VoiceData().unpacked
        for (spec, place, offset) in Self.vcedParameters(schema) {
            stored[place] = UInt8(clamping: Int(patch.value(spec).rounded()) - offset)
        }
        let nameASCII = patch.name.unicodeScalars.prefix(10).map { $0.isASCII && $0.value >= 0x20 ? UInt8($0.value) : 0x20 }
        stored.replaceSubrange((Self.unpackedSize - 10)..., with: nameASCII + [UInt8](repeating: 0x20, count: 10 - nameASCII.count))
        self.init(unpacked: stored[...])
    }

    /// Every stored value outside its parameter's range in `schema`, as `id value > max` (empty for a
    /// clean voice). Values are kept as stored; the engine clamps them as hexter does (FORMAT.md §3.1).
    public func outOfRangeFields(schema: SynthSchema) -> [String] {
        let stored = unpacked
        return Self.vcedParameters(schema).compactMap { spec, place, offset in
            let value = Int(stored[place]) + offset
            if Double(value) > spec.maximum { return "\(spec.id) \(value) > \(Int(spec.maximum))" }
            if Double(value) < spec.minimum { return "\(spec.id) \(value) < \(Int(spec.minimum))" }
            return nil
        }
    }
}
