// The parts an atlas run plugs together: synth engines, preset readers, an embedder, and the
// sound-space analysis. Small protocols, so the pipeline is tested with stand-ins and wired to the
// real modules in `BuiltInComponents.swift`.
import Foundation
import SoundSpace
import Synthesis

/// Turns rendered audio into a fixed-length embedding vector.
public protocol Embedder: Sendable {
    /// Names the embedding and its layout version; stored, so a resumed run never mixes two embeddings.
    var identifier: String { get }
    /// Whether a store made by an earlier version of this embedder (identifier "<name> v<N> ...", same
    /// name, smaller N) is rendered and embedded again rather than refused. False unless an embedder says so.
    var supersedesEarlierVersions: Bool { get }
    /// - Parameter settings: the probe the audio was rendered with (note-on at 0, note-off at its hold time).
    func embed(_ audio: AudioBuffer, settings: RenderSettings) throws -> [Float]
    /// The embedding of one patch's render; embedders that look vectors up by patch (ImportedEmbedder)
    /// use the key, every other embedder the audio alone.
    func embed(_ audio: AudioBuffer, settings: RenderSettings, patchKey: String) throws -> [Float]
}

extension Embedder {
    public var supersedesEarlierVersions: Bool { false }

    public func embed(_ audio: AudioBuffer, settings: RenderSettings, patchKey: String) throws -> [Float] {
        try embed(audio, settings: settings)
    }
}

/// Reads preset files of one format into patches (a bank file gives many).
public protocol PresetReader: Sendable {
    /// Shown in the report as the presets' collection (`LMMS factory`, `DX7 ROM`).
    var formatName: String { get }
    /// Whether this reader takes the file, judged by its extension and first bytes.
    func canRead(_ url: URL, head: Data) -> Bool
    /// Every patch in the file, in file order. Throws one line naming the file and the problem.
    func read(_ url: URL) throws -> [Patch]
}

/// The map projection of the analysis stage (t-SNE in a real run; tests use a quick stand-in). Every
/// other measurement is SoundSpace's own (CoverageMetrics, CellOccupancy, Novelty, Reach).
public protocol SpaceAnalysis: Sendable {
    /// Names the projection (`t-SNE perplexity 30`), shown on the map.
    var projectionName: String { get }
    /// 2-D coordinates of every row (a `rows x 2` matrix).
    func project(_ points: Matrix, seed: UInt64) throws -> Matrix
}

/// Everything an atlas run uses besides its settings.
public struct AtlasComponents: Sendable {
    public var models: [String: any SynthModel]
    public var readers: [any PresetReader]
    public var embedder: any Embedder
    public var analysis: any SpaceAnalysis
    /// At most this many patches per synth are rendered again to learn the invariance transform
    /// (InvarianceStage); 0 leaves the analysis in the plain standardised embedding.
    public var invariancePatches = InvarianceStage.maximumPatches

    public init(models: [String: any SynthModel], readers: [any PresetReader], embedder: any Embedder,
                analysis: any SpaceAnalysis) {
        self.models = models
        self.readers = readers
        self.embedder = embedder
        self.analysis = analysis
    }
}
