// `presetatlas map` as one library call: read the embeddings, compute a 2-D map (t-SNE, UMAP or PCA) or read one
// made elsewhere, write it, and measure its trustworthiness and continuity. The command only parses options.
import Foundation
import NumpyFormat

public struct MapRun: Sendable {
    public enum Method: String, Sendable, CaseIterable { case tsne, umap, pca }

    public var method: Method = .tsne
    /// t-SNE perplexity.
    public var perplexity = 30.0
    /// t-SNE iterations; the first min(250, iterations / 3) with early exaggeration.
    public var iterations = 750
    /// Seed of t-SNE's random initialisation (with `randomInitialisation`) and of UMAP's sampling.
    public var seed: UInt64 = 0
    /// UMAP's neighbourhood size, the point itself counted (umap-learn's n_neighbors).
    public var umapNeighbours = 15
    /// UMAP's min_dist: how tightly points may pack in the map.
    public var minDistance = 0.1
    /// UMAP's epochs; nil: 500 up to 10,000 points, 200 above.
    public var epochs: Int?
    /// Start t-SNE from seeded Gaussian noise instead of PCA.
    public var randomInitialisation = false
    /// Neighbourhood size k for trustworthiness and continuity.
    public var neighbours = 10
    /// Measure trustworthiness and continuity (O(N²) time).
    public var measuresQuality = true
    /// How t-SNE computes its repulsive forces (Barnes-Hut or FFT-interpolated); nil chooses by size.
    public var gradient: TSNE.Gradient?

    public init() {}

    public struct Outcome: Sendable {
        public var points: Int
        /// The projection computed; nil when an existing map was measured.
        public var method: Method?
        public var quality: MapQuality?
        /// Seconds each phase took ("tsne", "umap" or "pca", then "quality"), in order.
        public var phaseSeconds: [(phase: String, seconds: Double)] = []
    }

    /// Reads `embeddings` (.npy or CSV, one point per row), computes the map, or reads `existingMap` instead,
    /// writes it to `out` as float32 [N, 2] when given, and measures it.
    /// - Throws: `NumpyArrayError` for a file that cannot be read or written, `SoundSpaceError` for points
    ///   the projection or the measures cannot take.
    public func run(embeddings: URL, existingMap: URL? = nil, out: URL? = nil) throws -> Outcome {
        let points = try MatrixFile.read(embeddings)
        var outcome = Outcome(points: points.rows)
        let clock = ContinuousClock()
        var start = clock.now
        func finish(_ phase: String) {
            let elapsed = clock.now - start
            outcome.phaseSeconds.append((phase, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18))
            start = clock.now
        }
        let map: Matrix
        if let existingMap {
            map = try MatrixFile.read(existingMap)
        } else {
            map = try project(points)
            outcome.method = method
            finish(method.rawValue)
        }
        if let out { try NumpyArray(map).write(to: out) }
        if measuresQuality {
            start = clock.now
            outcome.quality = try MapQuality.measure(points: points, map: map, k: neighbours)
            finish("quality")
        }
        return outcome
    }

    private func project(_ points: Matrix) throws -> Matrix {
        switch method {
        case .pca:
            return try PCA.fit(points, components: Swift.min(2, points.columns)).transform(points)
        case .tsne:
            var tsne = TSNE(perplexity: perplexity, iterations: iterations, seed: seed)
            tsne.earlyExaggerationIterations = Swift.min(250, iterations / 3)
            if randomInitialisation { tsne.initialization = .random }
            tsne.gradient = gradient
            return try tsne.embed(points)
        case .umap:
            var umap = UMAP(neighbours: umapNeighbours, minDistance: minDistance, seed: seed)
            umap.epochs = epochs
            return try umap.embed(points)
        }
    }
}
