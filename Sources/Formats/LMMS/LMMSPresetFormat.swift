// LMMS instrument presets (`.xpf`, plain or qCompress'd) as `PresetFormat`s, one per instrument PresetAtlas plays.
// They share the extension; the sniffers tell them apart by the instrument the file names, so TripleOscillator's
// format takes every LMMS preset except those of an instrument with its own format (and refuses other
// instruments with one line naming them).
import Foundation
import Synthesis

extension PresetFormat {
    public static let lmmsTripleOscillator = PresetFormat(
        name: "LMMS preset", synthID: LMMSPreset.synthID, extensions: ["xpf"],
        sniff: { LMMSPreset.sniff($0) && !LMMSPreset.instrumentsWithOwnFormat.contains(LMMSPreset.instrumentName(in: $0) ?? "") },
        decode: { data, url, schema in
            // Presets of other LMMS instruments are refused by the reader with one line: their
            // parameters are not TripleOscillator's.
            [try LMMSPreset.parse(data, fileName: url.lastPathComponent, directory: url.deletingLastPathComponent(),
                                  schema: schema)]
        })

    public static let lmmsKicker = lmmsInstrument("kicker", name: "LMMS Kicker preset")
    public static let lmmsBitInvader = lmmsInstrument("bitinvader", name: "LMMS BitInvader preset")
    public static let lmmsOrganic = lmmsInstrument("organic", name: "LMMS Organic preset")
    public static let lmmsMonstro = lmmsInstrument("monstro", name: "LMMS Monstro preset")
    public static let lmmsLB302 = lmmsInstrument("lb302", name: "LMMS LB302 preset")
    public static let lmmsWatsyn = lmmsInstrument("watsyn", name: "LMMS Watsyn preset")

    /// The format of one LMMS instrument's presets (its synth id is the plugin name, as `<instrument name=…>`).
    static func lmmsInstrument(_ plugin: String, name: String) -> PresetFormat {
        PresetFormat(
            name: name, synthID: plugin, extensions: ["xpf"],
            sniff: { LMMSPreset.sniff($0) && LMMSPreset.instrumentName(in: $0) == plugin },
            decode: { data, url, schema in
                [try LMMSPreset.parse(data, fileName: url.lastPathComponent, directory: url.deletingLastPathComponent(),
                                      schema: schema)]
            })
    }
}

extension LMMSPreset {
    /// Instruments read by a format of their own (`PresetFormat.lmmsInstrument`), not TripleOscillator's.
    public static let instrumentsWithOwnFormat: Set<String> = ["kicker", "bitinvader", "organic", "lb302", "monstro", "watsyn"]

    /// The instrument attributes kept as text in `Patch.attributes["<plugin>.<name>"]` (drawn waves, saved as
    /// base64 floats), by plugin name.
    public static let instrumentTextAttributes: [String: [String]] = [
        "bitinvader": ["sampleShape"], "watsyn": ["a1_wave", "a2_wave", "b1_wave", "b2_wave"]]

    /// The instrument plugin a preset names (`<instrument name="…">`) in its plain or decompressed text; nil when
    /// the text has none (old layouts) or cannot be read (a compressed head cut short).
    public static func instrumentName(in data: Data) -> String? {
        if let name = instrumentName(inText: String(decoding: data, as: UTF8.self)) { return name }
        guard Decompression.isQtCompressed(data), let plain = try? Decompression.qtUncompress(data) else { return nil }
        return instrumentName(inText: String(decoding: plain, as: UTF8.self))
    }

    private static func instrumentName(inText text: String) -> String? {
        guard let open = text.range(of: "<instrument "), let close = text[open.upperBound...].firstIndex(of: ">"),
              let name = text[open.upperBound..<close].range(of: "name=") else { return oldLayoutInstrumentName(inText: text) }
        let rest = text[name.upperBound..<close]
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        return String(rest.dropFirst().prefix { $0 != quote })
    }

    /// Files before LMMS 1.1 hold the plugin's element directly in the track (`<instrumenttrack ...><bitinvader .../>`):
    /// the first child element that is not one of the track's own parts (as `instrument(of:)` reads it).
    private static func oldLayoutInstrumentName(inText text: String) -> String? {
        guard let track = text.range(of: "<instrumenttrack ") ?? text.range(of: "<channeltrack "),
              let trackEnd = text[track.upperBound...].firstIndex(of: ">") else { return nil }
        var rest = text[text.index(after: trackEnd)...]
        while let open = rest.firstIndex(of: "<") {
            let tag = rest[rest.index(after: open)...].prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
            guard !tag.isEmpty else { return nil }  // a closing tag or comment: the track has no plugin element
            if !trackParts.contains(String(tag)) { return String(tag) }
            rest = rest[rest.index(after: open)...]
        }
        return nil
    }

    /// The track's own child elements (InstrumentTrack.cpp), never an instrument.
    static let trackParts: Set<String> = ["eldata", "elvol", "elcut", "elres", "chordcreator", "arpeggiator", "arpandchords",
                                          "midiport", "fxchain", "effect", "automationpattern", "automation-pattern",
                                          "connection", "fx", "key", "attribute", "instrument"]
}
