// What an atlas run makes: how many random patches, which sampler, sweep steps, seed, probe, shard.
import Foundation
import Synthesis

/// A deterministic K-th of N slice of the work, chosen by a stable hash of each patch's key.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    /// 1...count.
    public var index: Int
    public var count: Int

    public static let whole = Shard(index: 1, count: 1)

    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// Parses `K/N` with 1 <= K <= N (a Slurm array task id or a Kubernetes completion index + 1).
    public init?(parsing text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, k >= 1, k <= n else { return nil }
        self.init(index: k, count: n)
    }

    /// Whether this shard renders and embeds the patch with this key.
    public func owns(patchKey: String) -> Bool {
        count == 1 || Int(stableHash64(patchKey) % UInt64(count)) == index - 1
    }

    public var description: String { "\(index)/\(count)" }
}

/// The settings that decide an atlas's content. Stored in the atlas: a resumed run must use the same.
public struct AtlasSettings: Sendable, Equatable {
    public var randomCount: Int
    public var sampler: SamplingMethod
    public var sweepSteps: Int
    public var seed: UInt64
    public var render: RenderSettings
    /// Seconds of each preview kept for listening in the report (from note-on).
    public var previewSeconds: Double
    /// Sample rate of the mono Ogg Vorbis previews.
    public var previewSampleRateHz: Double
    /// How many of each synth's random settings keep a preview: the first N (independent draws, so a
    /// uniform sample of them). Presets, init patches and sweeps always keep theirs. Encoding a preview
    /// costs more than rendering and embedding a DX7 note (libvorbis was 49 % of an atlas's CPU at 5,000
    /// random settings), and nobody listens to 100,000 random sounds one by one.
    public var randomPreviews: Int = AtlasSettings.defaultRandomPreviews
    public static let defaultRandomPreviews = 20_000
    /// With two or more notes, every patch is rendered at each and embedded as one point (MultiNoteProbe);
    /// `render.note` is then the note of its preview and levels. Empty: `render.note` alone.
    public var probeNotes: [Int] = []

    public init(randomCount: Int = 300, sampler: SamplingMethod = .uniform, sweepSteps: Int = 5, seed: UInt64 = 1,
                render: RenderSettings = .probe,
                previewSeconds: Double = 1.5, previewSampleRateHz: Double = 22_050) {
        self.randomCount = randomCount
        self.sampler = sampler
        self.sweepSteps = sweepSteps
        self.seed = seed
        self.render = render
        self.previewSeconds = previewSeconds
        self.previewSampleRateHz = previewSampleRateHz
    }

    /// The settings as text pairs, as stored in the atlas's `setting` table.
    public func pairs(embedder: String) -> [String: String] {
        var pairs = [
            "randomCount": "\(randomCount)", "sampler": sampler.rawValue, "sweepSteps": "\(sweepSteps)",
            "seed": "\(seed)", "note": "\(render.note)", "velocity": "\(render.velocity)",
            "holdSeconds": "\(render.holdSeconds)", "tailSeconds": "\(render.tailSeconds)",
            "sampleRateHz": "\(render.sampleRateHz)", "tempoBPM": "\(render.tempoBPM)",
            "renderSeed": "\(render.seed)", "previewSeconds": "\(previewSeconds)",
            "previewSampleRateHz": "\(previewSampleRateHz)",
            "embedder": embedder,
        ]
        // Only multi-note atlases store it, so single-note stores made before it existed still resume.
        if probeNotes.count > 1 { pairs["notes"] = probeNotes.map(String.init).joined(separator: ",") }
        // Likewise only atlases where the limit leaves random settings without a preview.
        if randomCount > randomPreviews { pairs["randomPreviews"] = "\(randomPreviews)" }
        return pairs
    }
}
