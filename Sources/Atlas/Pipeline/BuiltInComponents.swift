// The real parts of an atlas run: the engines and preset readers of the renderable synths in
// `SynthRegistry`, the native preset format, the Features embedding and the SoundSpace
// algorithms, plus where the default sources are.
import Features
import Foundation
import Formats
import SoundSpace
import Synthesis

public enum BuiltInComponents {
    /// The package root: the folder holding `Synths/`.
    public static func packageRoot() throws -> URL {
        try SynthDefinition.directory().deletingLastPathComponent()
    }

    /// The factory banks fetched by `scripts/install-deps.sh` and this project's own `Presets/`.
    public static func defaultSources(root: URL) -> [URL] {
        ["/.cache/factory/usr/share/lmms/presets/TripleOscillator", "/.cache/factory/usr/share/lmms/presets/Kicker",
         "/.cache/factory/usr/share/lmms/presets/BitInvader", "/.cache/factory/usr/share/lmms/presets/Organic",
         "/.cache/factory/usr/share/lmms/presets/Monstro",
         "/.cache/factory/usr/share/lmms/presets/LB302", "/.cache/factory/usr/share/lmms/presets/Watsyn",
         "/.cache/factory/usr/share/hexter",
         "/.cache/factory/usr/share/amsynth/banks", "/Presets"]
            .map { URL(fileURLWithPath: root.path + $0) }
            .filter { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// Every renderable synth of `SynthRegistry` with its preset readers, the descriptor embedding and
    /// t-SNE maps.
    public static func make() throws -> AtlasComponents {
        let rendering = PresetRendering()
        var models: [String: any SynthModel] = [:]
        var readers: [any PresetReader] = []
        for synth in SynthRegistry.renderable {
            models[synth.id] = try rendering.engine(synth.id)
            readers += synth.formats.map { LoaderPresetReader(format: $0, rendering: rendering) }
        }
        readers.insert(NativePresetReader(schemas: models.mapValues(\.schema)), at: 0)
        return AtlasComponents(models: models, readers: readers, embedder: DescriptorEmbedder(),
                               analysis: SoundSpaceAnalysis())
    }
}

/// The whole file when `head` may be cut short (sniffers may look at a file's length or end).
private func wholeFile(_ url: URL, head: Data, limit: Int) -> Data {
    guard head.count >= 4096 else { return head }
    let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.intValue ?? 0
    guard size <= limit else { return head }
    return (try? Data(contentsOf: url)) ?? head
}

/// One preset format of a registered synth (`SynthRegistry`), so the report names each collection.
struct LoaderPresetReader: PresetReader {
    let format: PresetFormat
    let rendering: PresetRendering
    var formatName: String { format.name }
    func canRead(_ url: URL, head: Data) -> Bool {
        format.sniff(wholeFile(url, head: head, limit: PresetLoader.maximumFileBytes))
    }
    func read(_ url: URL) throws -> [Patch] {
        try PresetLoader.load(url, formats: [format], schema: { try rendering.schema($0) })
    }
}

/// The documented descriptor embedding of `Features` (EmbeddingLayout), one extractor per thread.
final class DescriptorEmbedder: Embedder, @unchecked Sendable {
    var identifier: String { "features descriptors v\(EmbeddingLayout.version) \(EmbeddingLayout.dimensions.count)" }
    /// A new version of the descriptors replaces the old: an atlas made before is embedded again.
    var supersedesEarlierVersions: Bool { true }
    private let lock = NSLock()
    private var idle: [EmbeddingExtractor] = []

    func embed(_ audio: AudioBuffer, settings: RenderSettings) throws -> [Float] {
        let extractor = try take(sampleRateHz: audio.sampleRateHz)
        defer { giveBack(extractor) }
        return try extractor.embedding(audio.mono, noteOnSeconds: 0, noteOffSeconds: settings.holdSeconds)
    }

    private func take(sampleRateHz: Double) throws -> EmbeddingExtractor {
        lock.lock()
        defer { lock.unlock() }
        if let i = idle.firstIndex(where: { $0.sr == sampleRateHz }) { return idle.remove(at: i) }
        return try EmbeddingExtractor(sr: sampleRateHz)
    }

    private func giveBack(_ extractor: EmbeddingExtractor) {
        lock.lock()
        idle.append(extractor)
        lock.unlock()
    }
}

/// The map of a real run: SoundSpace's t-SNE.
struct SoundSpaceAnalysis: SpaceAnalysis {
    var perplexity = 30.0
    var projectionName: String { "t-SNE, perplexity \(Int(perplexity))" }

    func project(_ points: Matrix, seed: UInt64) throws -> Matrix {
        // Perplexity must stay below N - 1: small atlases get a smaller one.
        let usable = min(perplexity, Double(max(points.rows - 2, 1)) / 3)
        return try TSNE(perplexity: usable, seed: seed).embed(points)
    }
}
