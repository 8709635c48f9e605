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
    public static let instrumentsWithOwnFormat: Set<String> = ["kicker"]

    /// The instrument plugin a preset names (`<instrument name="…">`) in its plain or decompressed text; nil when
    /// the text has none (old layouts) or cannot be read (a compressed head cut short).
    public static func instrumentName(in data: Data) -> String? {
        if let name = instrumentName(inText: String(decoding: data, as: UTF8.self)) { return name }
        guard Decompression.isQtCompressed(data), let plain = try? Decompression.qtUncompress(data) else { return nil }
        return instrumentName(inText: String(decoding: plain, as: UTF8.self))
    }

    private static func instrumentName(inText text: String) -> String? {
        guard let open = text.range(of: "<instrument "), let close = text[open.upperBound...].firstIndex(of: ">"),
              let name = text[open.upperBound..<close].range(of: "name=") else { return nil }
        let rest = text[name.upperBound..<close]
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        return String(rest.dropFirst().prefix { $0 != quote })
    }
}
