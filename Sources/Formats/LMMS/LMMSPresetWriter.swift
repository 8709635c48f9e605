// Writes a TripleOscillator patch as the .xpf preset LMMS 1.2.2 saves (InstrumentTrack::savePreset): an
// <lmms-project type="instrumenttracksettings"> holding one <instrumenttrack> with the instrument, the
// envelope/LFO/filter data, chords, arpeggio, MIDI port and an empty FX chain, in 1.2.x's layout
// (`sustain`, not the pre-1.0 reversed `sus`; tempo sync as `*_syncmode`), so LMMS runs no upgrade on it.
import Foundation
import Synthesis

public enum LMMSPresetWriter {
    /// Where each schema id's element sits (`<element>.<attribute>`), in the order LMMS nests them.
    static let elementOrder = ["track", "tripleoscillator", "eldata", "elvol", "elcut", "elres", "chordcreator", "arpeggiator"]

    /// The preset's XML. Every schema parameter is written (defaults included), so the file says everything;
    /// numbers in Swift's shortest round-tripping form, so `LMMSPreset` reads back the same doubles.
    /// Throws for what an .xpf written here cannot carry: another synth, or an FX chain.
    public static func xml(_ patch: Patch, schema: SynthSchema) throws -> String {
        guard patch.synthID == LMMSPreset.synthID, schema.id == LMMSPreset.synthID else {
            throw PresetError(file: patch.name, problem: "an .xpf holds a TripleOscillator patch, not \(patch.synthID)")
        }
        guard patch.attributes[LMMSEffectChainSettings.attributeKey] == nil else {
            throw PresetError(file: patch.name, problem: "FX chains are not written to .xpf; remove the chain first")
        }
        var attributes: [String: [(String, String)]] = [:]
        for spec in schema.parameters {
            guard let dot = spec.id.firstIndex(of: "."), elementOrder.contains(String(spec.id[..<dot])) else {
                throw PresetError(file: patch.name, problem: "schema parameter \(spec.id) has no place in an .xpf")
            }
            attributes[String(spec.id[..<dot]), default: []].append((String(spec.id[spec.id.index(after: dot)...]),
                                                                     number(patch.value(spec), spec)))
        }
        func list(_ element: String, _ extra: [(String, String)] = []) -> String {
            ((attributes[element] ?? []) + extra).map { " \($0.0)=\"\(xmlEscaped($0.1))\"" }.joined()
        }
        func userWave(_ key: String) -> String { patch.attributes[key] ?? "" }
        let waves = (0..<3).map { ("userwavefile\($0)", userWave("tripleoscillator.userwavefile\($0)")) }
        let lfo = { (target: String) in "      <\(target)\(list(target, [("userwavefile", userWave("\(target).userwavefile"))]))/>" }
        return """
        <?xml version="1.0"?>
        <!DOCTYPE lmms-project>
        <lmms-project version="1.0" creator="LMMS" creatorversion="1.2.2" type="instrumenttracksettings">
          <head/>
          <instrumenttracksettings muted="0" solo="0" type="0" name="\(xmlEscaped(patch.name))">
            <instrumenttrack\(list("track", [("fxch", "0"), ("usemasterpitch", "1"), ("pitchrange", "1")]))>
              <instrument name="tripleoscillator">
                <tripleoscillator\(list("tripleoscillator", waves))/>
              </instrument>
              <eldata\(list("eldata"))>
        \(lfo("elvol"))
        \(lfo("elcut"))
        \(lfo("elres"))
              </eldata>
              <chordcreator\(list("chordcreator"))/>
              <arpeggiator\(list("arpeggiator"))/>
              <midiport inputcontroller="0" inputchannel="0" outputcontroller="0" outputchannel="1" readable="0" writable="0" basevelocity="63" fixedinputvelocity="-1" fixedoutputvelocity="-1" fixedoutputnote="-1" outputprogram="1"/>
              <fxchain numofeffects="0" enabled="0"/>
            </instrumenttrack>
          </instrumenttracksettings>
        </lmms-project>

        """
    }

    /// Writes the preset to `url` atomically.
    public static func write(_ patch: Patch, schema: SynthSchema, to url: URL) throws {
        try Data(xml(patch, schema: schema).utf8).write(to: url, options: .atomic)
    }

    /// The patch as `LMMSPreset` reads back the file written here: every schema value set, as spelt in the
    /// file, and no FX chain (which `xml` does not write).
    public static func asWritten(_ patch: Patch, schema: SynthSchema) -> Patch {
        var written = patch
        written.attributes[LMMSEffectChainSettings.attributeKey] = nil
        for spec in schema.parameters { written.values[spec.id] = Double(number(patch.value(spec), spec)) ?? spec.defaultValue }
        return written
    }

    /// Stepped parameters as integers (LMMS's IntModel/BoolModel read them with toInt), others round-tripping.
    static func number(_ value: Double, _ spec: ParameterSpec) -> String {
        switch spec.scale {
        case .int, .enum, .bool: return String(Int(saturating: value.rounded()))
        case .linear, .log: return value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
        }
    }
}
