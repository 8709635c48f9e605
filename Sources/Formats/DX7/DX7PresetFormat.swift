// DX7 voice files (SysEx bulk and single-voice dumps, raw packed banks such as hexter's `.dx7`) as a
// `PresetFormat`.
import Foundation
import Synthesis

extension PresetFormat {
    public static let dx7 = PresetFormat(
        name: "DX7 SysEx", synthID: DX7VoiceData.synthID, extensions: ["syx", "dx7"],
        sniff: { DX7SysEx.looksLikeDX7($0) },
        decode: { data, url, schema in
            let name = url.lastPathComponent
            let bank: DX7Bank
            do { bank = try DX7SysEx.decode([UInt8](data), fileName: name) } catch let error as DX7FormatError {
                throw PresetError(file: name, problem: error.problem)
            }
            // One patch per voice (index = position in the file); what was tolerated (bad checksum,
            // masked bits, values out of the schema's range) rides along as the first patch's "dx7.warnings".
            var patches = bank.voices.enumerated().map { $0.element.patch(schema: schema, source: name, index: $0.offset) }
            let warnings = bank.warnings + bank.voices.enumerated().compactMap { k, voice in
                let problems = voice.outOfRangeFields(schema: schema)
                if problems.isEmpty { return nil }
                return "voice \(k + 1) (\(voice.name)): out of range, clamped when played: " + problems.joined(separator: ", ")
            }
            if !warnings.isEmpty, !patches.isEmpty {
                patches[0].attributes["dx7.warnings"] = warnings.joined(separator: "; ")
            }
            return patches
        })
}
