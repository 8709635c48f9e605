// Opens any supported preset file by its content (not its extension) and hands it to the right reader.
// Other formats (DX7 .syx, ...) add one case each to the switch.
import Foundation
import Synthesis

public enum PresetLoader {
    /// The formats this loader recognises.
    public enum Format: String, Sendable { case lmms }

    /// Sniffs the bytes. nil: not a format we read.
    public static func format(of data: Data) -> Format? {
        if LMMSPreset.sniff(data) { return .lmms }
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
        case nil:
            throw PresetError(file: name, problem: "not a preset format PresetAtlas reads (LMMS .xpf)")
        }
    }
}
