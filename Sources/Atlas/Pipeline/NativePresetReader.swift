// Reads this project's own preset banks (`Presets/<synth>/*.xml`, the native format) for the atlas.
import Foundation
import Formats
import Synthesis

public struct NativePresetReader: PresetReader {
    public let schemas: [String: SynthSchema]
    public var formatName: String { "PresetAtlas bank" }

    public init(schemas: [String: SynthSchema]) { self.schemas = schemas }

    public func canRead(_ url: URL, head: Data) -> Bool { NativePreset.looksLikeNativePreset(head) }

    public func read(_ url: URL) throws -> [Patch] {
        // Read once without a schema to learn the synth, then check the values against that synth's schema.
        let loose = try NativePreset.read(url)
        guard let schema = schemas[loose.patch.synthID] else {
            throw NativePresetError(description: "\(url.path): synth \(loose.patch.synthID) is not built in")
        }
        let preset = try NativePreset.read(url, schema: schema)
        var patch = preset.patch
        patch.attributes[CatalogStage.authorAttribute] = preset.author
        // A user wave named here is confined as an LMMS preset's is: no file outside the preset's folder
        // and LMMS's sample folders reaches a render (or a shared report).
        for (key, file) in patch.attributes where key.contains("userwavefile") && !file.isEmpty {
            let kept: String?
            do { kept = try LMMSUserWave.resolve(file, near: url.deletingLastPathComponent()) } catch {
                throw NativePresetError(description: "\(url.path): \(error)")
            }
            guard let kept else { throw NativePresetError(description: "\(url.path): user wave file '\(file)' not found") }
            patch.attributes[key] = kept
        }
        return [patch]
    }
}
