// LMMS TripleOscillator presets (`.xpf`, plain or qCompress'd) as a `PresetFormat`.
import Foundation
import Synthesis

extension PresetFormat {
    public static let lmmsTripleOscillator = PresetFormat(
        name: "LMMS preset", synthID: LMMSPreset.synthID, extensions: ["xpf"],
        sniff: { LMMSPreset.sniff($0) },
        decode: { data, url, schema in
            // Presets of other LMMS instruments are refused by the reader with one line: their
            // parameters are not TripleOscillator's.
            [try LMMSPreset.parse(data, fileName: url.lastPathComponent, directory: url.deletingLastPathComponent(),
                                  schema: schema)]
        })
}
