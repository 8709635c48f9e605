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
        return [patch]
    }
}
