// UMAP: a 2-D map from a fuzzy neighbour graph laid out by sampled gradient descent (seeded, deterministic).

/// Uniform manifold approximation and projection (McInnes, Healy & Melville 2018) with umap-learn's
/// defaults: 15 neighbours, min_dist 0.1, spread 1, 500 epochs up to 10,000 points and 200 above,
/// 5 negative samples per edge sample, learning rate 1 falling linearly to 0.
///
/// Steps: neighbour graph (`NearestNeighbors.graph`: exact up to `exactNeighboursUpTo` points, NN-descent
/// above), fuzzy simplicial set (`UMAPGraph`), curve parameters a, b (`UMAPCurve`), then `UMAPLayout`.
/// Initialisation: PCA, scaled as umap-learn's `init="pca"` (largest coordinate 10, Gaussian noise of
/// 1e-4 from the seed) and then each axis to [0, 10] as umap-learn does before every layout; not umap-learn's
/// default spectral start, which needs a sparse eigensolver. Same input, seed and settings give the same
/// map, bit for bit, on any number of cores.
public struct UMAP: Sendable {
    /// Neighbourhood size, the point itself counted (umap-learn's n_neighbors).
    public var neighbours = 15
    public var minDistance = 0.1
    public var spread = 1.0
    /// nil: 500 up to 10,000 points, 200 above.
    public var epochs: Int? = nil
    public var negativeSampleRate = 5
    public var seed: UInt64 = 0
    /// Points up to which the neighbour graph is exact; NN-descent above.
    public var exactNeighboursUpTo = UMAP.exactLimit

    /// Exact neighbours cost O(N²·D); NN-descent is cheaper from about this size on (64 dimensions, 2 cores).
    public static let exactLimit = 20_000

    public init(neighbours: Int = 15, minDistance: Double = 0.1, seed: UInt64 = 0) {
        self.neighbours = neighbours
        self.minDistance = minDistance
        self.seed = seed
    }

    /// Maps `points` [N, D] to [N, 2].
    /// - Throws: `SoundSpaceError` for fewer than 4 points, neighbours outside 2..<N, or a bad min_dist.
    public func embed(_ points: Matrix) throws -> Matrix {
        let n = points.rows
        guard n >= 4 else { throw SoundSpaceError("UMAP needs at least 4 points (got \(n))") }
        guard neighbours >= 2, neighbours <= n else { throw SoundSpaceError("UMAP: neighbours must be 2...\(n) (got \(neighbours))") }
        if let epochs, epochs < 0 { throw SoundSpaceError("UMAP: epochs must be at least 0 (got \(epochs))") }
        let curve = try UMAPCurve.fitted(minDistance: minDistance, spread: spread)
        let neighbourGraph = try NearestNeighbors.graph(of: points, k: neighbours - 1, exactUpTo: exactNeighboursUpTo, seed: seed)
        let graph = UMAPGraph.fuzzySet(neighbourGraph)
        var layout = UMAPLayout(curve: curve, epochs: epochs ?? (n <= 10_000 ? 500 : 200))
        layout.negativeSamplesPerEdge = negativeSampleRate
        layout.seed = seed
        return layout.optimize(graph, initial: try initialMap(points))
    }

    /// PCA coordinates scaled to a largest magnitude of 10, jittered by N(0, 1e-4), each axis then spread over [0, 10].
    func initialMap(_ points: Matrix) throws -> Matrix {
        var start: Matrix
        var generator = SeededGenerator(seed: seed)
        if points.columns >= 2 {
            start = try PCA.fit(points, components: 2).transform(points)
        } else {
            start = Matrix(checkedRows: points.rows, columns: 2, values: (0..<(2 * points.rows)).map { _ in Float(generator.nextUnitDouble()) })
        }
        let largest = start.values.reduce(0) { Swift.max($0, abs($1)) }
        let expansion = largest > 0 ? 10 / largest : 1
        start.values = start.values.map { Float(Double($0 * expansion) + 1e-4 * generator.nextGaussian()) }
        for axis in 0..<2 {
            let column = (0..<start.rows).map { start[$0, axis] }
            let low = column.min() ?? 0, width = (column.max() ?? 0) - low
            for i in 0..<start.rows { start[i, axis] = width > 0 ? 10 * (start[i, axis] - low) / width : 0 }
        }
        return start
    }
}
