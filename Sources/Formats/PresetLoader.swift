// Opens any supported preset file by its content (not its extension) and hands it to the right reader.
// Other formats (DX7 .syx, ...) add one case each to the switch.
import Foundation
import Synthesis

public enum PresetLoader {
    /// The formats this loader recognises.
    public enum Format: String, Sendable { case lmms, dx7, amsynth }

    /// Sniffs the bytes. nil: not a format we read.
    public static func format(of data: Data) -> Format? {
        if LMMSPreset.sniff(data) { return .lmms }
        if DX7SysEx.looksLikeDX7(data) { return .dx7 }
        if AmsynthBank.sniff(data) { return .amsynth }
        return nil
    }

    /// Reads one preset file into patches (a bank gives several). `schemas` maps synth ids to schemas,
    /// as `SynthDefinition.named` loads them.
    public static func load(_ url: URL, schema: (String) throws -> SynthSchema) throws -> [Patch] {
        let name = url.lastPathComponent
        let data: Data
        do { data = try Data(contentsOf: url, options: .mappedIfSafe) } catch {
            throw PresetError(file: name, problem: "cannot read the file (\(error.localizedDescription))")
        }
        if data.count > XMLParser.maximumBytes {
            throw PresetError(file: name, problem: "file of \(data.count) bytes is larger than any preset we read")
        }
        switch format(of: data) {
        case .lmms:
            return [try LMMSPreset.parse(data, fileName: name, directory: url.deletingLastPathComponent(),
                                         schema: try schema(LMMSPreset.synthID))]
        case .dx7:
            // A bank gives one patch per voice (index = position in the file); what was tolerated
            // (bad checksum, masked bits) rides along as the first patch's "dx7.warnings".
            let bank: DX7Bank
            do { bank = try DX7SysEx.decode([UInt8](data), fileName: name) } catch let error as DX7FormatError {
                throw PresetError(file: name, problem: error.problem)
            }
            var patches = bank.voices.enumerated().map { $0.element.patch(source: name, index: $0.offset) }
            if !bank.warnings.isEmpty, !patches.isEmpty { patches[0].attributes["dx7.warnings"] = bank.warnings.joined(separator: "; ") }
            return patches
        case .amsynth:
            // One patch per preset, in file order; bad lines ride along as "amsynth.warnings".
            let schema = try schema(AmsynthBank.synthID)
            return try AmsynthBank.parse(data, fileName: name, schema: schema).patches(schema: schema, source: name)
        case nil:
            throw PresetError(file: name, problem: "not a preset format PresetAtlas reads (LMMS .xpf, DX7 .syx/.dx7, amsynth .bank)")
        }
    }
}
