// Reads LMMS instrument presets (.xpf, plain or qCompress'd) into a `Patch` keyed by the ids of the instrument's
// Synths/<plugin>.xml (`<element>.<attribute>`; the synth id is LMMS's plugin name), applying the upgrades LMMS 1.2.2 applies to old files
// (src/core/DataFile.cpp) and the compat rules of its loaders (InstrumentTrack.cpp, AutomatableModel.cpp).
import Foundation
import Synthesis

public enum LMMSPreset {
    /// Which of LMMS's file upgrades (DataFile::upgrade, keyed by `creatorversion`) to apply.
    public enum Upgrades: Sendable {
        /// As LMMS 1.2.2 opening the .xpf itself: every upgrade older than the file's creator version.
        case byCreatorVersion
        /// As the reference renders were made (../shared/fixtures/lmms-reference): presets in the old
        /// `multimediaproject` layout were upgraded with `lmms upgrade`; the others were embedded in a current
        /// song project, so LMMS ran no upgrade on them. Measured: BellArp, Jupiter and FatPMArp only match the
        /// references (distance 0.13, 0.04, 0.04 instead of 0.65, 0.60, 0.55) when their old `syncmode`
        /// attribute is not turned into a tempo sync.
        case legacyLayoutOnly
    }

    /// The upgrade rule used when none is given.
    public static let defaultUpgrades: Upgrades = .legacyLayoutOnly

    /// TripleOscillator's synth id (the reader's first instrument; others are read with their own schema).
    public static let synthID = "tripleoscillator"
    /// Root element names of LMMS data files, current and old.
    static let rootNames: Set<String> = ["lmms-project", "multimedia-project", "multimediaproject"]

    /// Reads a preset file. `schema` is the instrument's `Synths/<plugin>.xml`; only its parameters are read.
    public static func read(_ url: URL, schema: SynthSchema, upgrades: Upgrades = defaultUpgrades) throws -> Patch {
        let name = url.lastPathComponent
        let data: Data
        do { data = try InputFile.read(url, maximumBytes: XMLParser.maximumBytes) } catch {
            throw PresetError(file: name, problem: "\(error)")
        }
        return try parse(data, fileName: name, directory: url.deletingLastPathComponent(), schema: schema,
                         upgrades: upgrades)
    }

    /// Whether `data` looks like an LMMS data file (plain XML with an LMMS root, or qCompress'd).
    public static func sniff(_ data: Data) -> Bool {
        if Decompression.isQtCompressed(data) { return true }
        return XMLRootName.of(data).map(rootNames.contains) ?? false
    }

    /// Parses preset bytes; `directory` is where relative user-wave paths are looked up first.
    public static func parse(_ raw: Data, fileName: String, directory: URL?, schema: SynthSchema,
                             upgrades: Upgrades = defaultUpgrades) throws -> Patch {
        func fail(_ problem: String) -> PresetError { PresetError(file: fileName, problem: problem) }
        var data = raw
        if !looksLikeXML(data) && Decompression.isQtCompressed(data) {
            do { data = try Decompression.qtUncompress(data) } catch {
                throw fail("compressed LMMS file that does not decompress (\(error))")
            }
        }
        let root: XMLElement
        do { root = try XMLParser.parse(data) } catch {
            throw fail("not LMMS XML (\(error))")
        }
        guard rootNames.contains(root.name) else {
            throw fail("not an LMMS preset (root element <\(root.name)>)")
        }
        let fileVersion = LMMSVersion(root.attributes["creatorversion"] ?? "1.2.2")
        let legacyLayout = root.name == "multimediaproject"
        // Without an upgrade the file is read as if it were written by LMMS 1.2.2.
        let version = upgrades == .byCreatorVersion || legacyLayout ? fileVersion : LMMSVersion("1.2.2")
        guard let settings = root.child("instrumenttracksettings") ?? root.child("channelsettings") else {
            throw fail("not an LMMS instrument preset (no <instrumenttracksettings>)")
        }
        guard let track = settings.child("instrumenttrack") ?? settings.child("channeltrack") else {
            throw fail("LMMS preset without an instrument track")
        }
        let (instrumentName, plugin) = instrument(of: track)
        guard let instrumentName else { throw fail("LMMS preset without an instrument") }
        guard instrumentName == schema.id, let plugin else {
            throw fail("uses instrument '\(instrumentName)', not supported")
        }

        // Elements by the name used in parameter ids.
        var elements: [String: XMLElement] = ["track": track, schema.id: plugin]
        if let eldata = track.child("eldata") {
            elements["eldata"] = eldata
            for target in ["elvol", "elcut", "elres"] { elements[target] = eldata.child(target) }
        }
        // Before 0.4.0 one <arpandchords> held both; LMMS clones it into both elements.
        let combined = track.child("arpandchords")
        elements["arpeggiator"] = track.child("arpeggiator") ?? combined
        elements["chordcreator"] = track.child("chordcreator") ?? combined

        var values: [String: Double] = [:]
        for spec in schema.parameters {
            guard let dot = spec.id.firstIndex(of: ".") else { continue }
            let elementName = String(spec.id[..<dot]), attribute = String(spec.id[spec.id.index(after: dot)...])
            guard let element = elements[elementName], let value = modelValue(element, attribute) else { continue }
            values[spec.id] = value
        }
        applyUpgrades(&values, version: version, elements: elements)
        LMMSInstrumentLoadRules.apply(instrument: schema.id, to: &values, plugin: plugin, version: version)

        let patchName = settings.attributes["name"] ?? track.attributes["name"]
            ?? (fileName as NSString).deletingPathExtension
        var attributes: [String: String] = ["format": "lmms-xpf", "creatorversion": root.attributes["creatorversion"] ?? ""]
        if let chain = track.child("fxchain") {
            attributes["fx_effects"] = String(chain.children("effect").count)
        }
        if let chain = LMMSEffectChainReader.chain(of: track) {
            attributes[LMMSEffectChainSettings.attributeKey] = chain.encoded
        }
        // The wave shapes as the engine will see them: clamped by the schema, so 1e308 is the user wave (7).
        func shape(_ id: String) -> Int {
            guard let spec = schema.parameter(id) else { return Int(saturating: values[id] ?? 0) }
            return Int(saturating: spec.clamped(values[id] ?? spec.defaultValue))
        }
        for osc in 0..<3 where shape("tripleoscillator.wavetype\(osc)") == 7 {
            let file = plugin.attributes["userwavefile\(osc)"] ?? ""
            if file.isEmpty { continue }  // LMMS plays an empty user wave as silence
            guard let resolved = try userWave(file, near: directory, fail: fail) else {
                throw fail("user wave file '\(file)' of oscillator \(osc + 1) not found")
            }
            attributes["tripleoscillator.userwavefile\(osc)"] = resolved
        }
        for (number, target) in ["elvol", "elcut", "elres"].enumerated() where shape("\(target).lshp") == 4 {
            let file = elements[target]?.attributes["userwavefile"] ?? ""
            if file.isEmpty { continue }
            guard let resolved = try userWave(file, near: directory, fail: fail) else {
                throw fail("user wave file '\(file)' of the \(["volume", "cutoff", "resonance"][number]) LFO not found")
            }
            attributes["\(target).userwavefile"] = resolved
        }
        // Waves an instrument draws and saves as text (BitInvader's sampleShape) stay as LMMS wrote them; the
        // engine decodes them, and the writer can hand them back unchanged.
        for name in instrumentTextAttributes[schema.id] ?? [] {
            if let text = plugin.attributes[name] { attributes["\(schema.id).\(name)"] = text }
        }
        return Patch(synthID: schema.id, name: patchName, values: values, attributes: attributes)
    }

    private static func looksLikeXML(_ data: Data) -> Bool {
        guard let first = data.first(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF }) else { return false }
        return first == UInt8(ascii: "<")
    }

    /// The instrument's plugin name and element: `<instrument name="x"><x .../></instrument>`, or (old files)
    /// the first child element that is not one of the track's known parts (InstrumentTrack.cpp compat code).
    static func instrument(of track: XMLElement) -> (String?, XMLElement?) {
        if let holder = track.child("instrument") {
            let name = holder.attributes["name"] ?? holder.children.first?.name
            return (name, holder.children.first { $0.name == name } ?? holder.children.first)
        }
        let known: Set<String> = ["eldata", "chordcreator", "arpeggiator", "arpandchords", "midiport", "fxchain",
                                  "automationpattern", "automation-pattern", "connection", "fx"]
        if let plugin = track.children.first(where: { !known.contains($0.name) && $0.attributes["id"] == nil }) {
            return (plugin.name, plugin)
        }
        return (nil, nil)
    }

    /// AutomatableModel::loadSettings: a child element `<name value=…>` wins over the attribute.
    static func modelValue(_ element: XMLElement, _ name: String) -> Double? {
        if let child = element.child(name), let text = child.attributes["value"] { return number(text) }
        if let text = element.attributes[name] { return number(text) }
        return nil
    }

    private static func number(_ text: String) -> Double? {
        Double(text.trimmingCharacters(in: .whitespaces))
    }

    /// The DataFile upgrades that touch TripleOscillator presets, in LMMS's order.
    static func applyUpgrades(_ values: inout [String: Double], version: LMMSVersion, elements: [String: XMLElement]) {
        let combined = elements["arpeggiator"].map { $0.name == "arpandchords" } ?? false
        if combined, let element = elements["arpeggiator"] {
            // 0.2.1-20070501: arpdir 0 meant "off"; 0.2.1-20070508: chord-enabled/arp-enabled appear;
            // 0.3.0-rc2: arpdir shifts down again.
            var arpDirection = Int(saturating: modelValue(element, "arpdir") ?? 0)
            var arpDisabled: Bool? = nil
            if version < LMMSVersion("0.2.1-20070501"), element.attributes["arpdir"] != nil {
                if arpDirection > 0 { arpDirection -= 1 } else { arpDisabled = true }
            }
            if version < LMMSVersion("0.2.1-20070508") {
                if let chordDisabled = element.attributes["chorddisabled"] {
                    values["chordcreator.chord-enabled"] = (Int(chordDisabled) ?? 0) == 0 ? 1 : 0
                    values["arpeggiator.arp-enabled"] = (arpDisabled ?? ((Int(element.attributes["arpdisabled"] ?? "0") ?? 0) != 0)) ? 0 : 1
                } else if element.attributes["chord-enabled"] == nil {
                    values["chordcreator.chord-enabled"] = 1
                    values["arpeggiator.arp-enabled"] = arpDirection != 0 ? 1 : 0
                }
            }
            if version < LMMSVersion("0.3.0-rc2"), arpDirection > 0 { arpDirection -= 1 }
            values["arpeggiator.arpdir"] = Double(arpDirection)
        }
        if version < LMMSVersion("0.2.1-20070508"), let volume = values["track.vol"] {
            values["track.vol"] = (volume * 0.585786438).rounded()
        }
        if version < LMMSVersion("1.1.91"), let direction = values["arpeggiator.arpdir"] {
            // ArpDirRandom and ArpDirDownAndUp swapped places.
            if direction == 3 { values["arpeggiator.arpdir"] = 4 } else if direction == 4 { values["arpeggiator.arpdir"] = 3 }
        }
        for target in ["elvol", "elcut", "elres"] {
            guard let element = elements[target] else { continue }
            // EnvelopeAndLfoParameters::loadSettings: old files store the sustain reversed as "sus".
            if let sus = modelValue(element, "sus") { values["\(target).sustain"] = 1 - sus }
            if version < LMMSVersion("1.2.0-rc2.42"), values["\(target).lspd_syncmode"] == nil,
               element.attributes["lspd_numerator"] != nil, let mode = element.attributes["syncmode"].flatMap(Double.init) {
                values["\(target).lspd_syncmode"] = mode
            }
        }
        if version < LMMSVersion("1.2.0-rc2.42"), let arp = elements["arpeggiator"], values["arpeggiator.arptime_syncmode"] == nil,
           arp.attributes["arptime_numerator"] != nil, let mode = arp.attributes["syncmode"].flatMap(Double.init) {
            values["arpeggiator.arptime_syncmode"] = mode
        }
    }

    /// A user wave path as LMMS resolves it, confined to the preset's folder and LMMS's sample folders
    /// (`LMMSUserWave`); nil when not found there.
    static func userWave(_ file: String, near directory: URL?, fail: (String) -> Error) throws -> String? {
        do { return try LMMSUserWave.resolve(file, near: directory) } catch let refused as LMMSUserWave.Refused {
            throw fail(refused.problem)
        }
    }
}
