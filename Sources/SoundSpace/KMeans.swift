// Seeded k-means++ clustering: the cells over which occupancy of sound space is counted.

/// k-means (Lloyd) started by k-means++ seeding (Arthur & Vassilvitskii 2007, "k-means++: the advantages
/// of careful seeding"): first centre uniform, each next one drawn with probability ∝ D(x)², from a seeded
/// generator, so a seed gives the same cells every run.
///
/// Time: seeding O(N·k·D), each Lloyd iteration O(N·k·D / cores) through exact 1-NN tiles; memory O(N + k·D).
/// An emptied cluster is re-seeded at the point farthest from its centre (deterministic).
public struct KMeans: Sendable {
    /// Cell centres [k, D].
    public let centroids: Matrix
    /// Cell of every input point.
    public let labels: [Int32]
    /// Lloyd iterations run until no label changed (or the limit).
    public let iterations: Int
    /// Σ of squared distances to the assigned centre.
    public let inertia: Double

    /// - Throws: `SoundSpaceError` when there are fewer points than clusters or clusters < 1.
    public static func fit(_ points: Matrix, clusters k: Int, seed: UInt64, maxIterations: Int = 100) throws -> KMeans {
        let n = points.rows, d = points.columns
        guard k >= 1, n >= k else { throw SoundSpaceError("k-means: \(k) clusters asked of \(n) points") }
        var generator = SeededGenerator(seed: seed)
        var centres = [Float]()
        centres.reserveCapacity(k * d)
        var nearestSquared = [Double](repeating: .infinity, count: n)
        var chosen = generator.nextIndex(below: n)
        for c in 0..<k {
            centres.append(contentsOf: points.values[(chosen * d)..<((chosen + 1) * d)])
            if c == k - 1 { break }
            var total = 0.0
            for i in 0..<n {
                var s = 0.0
                for dim in 0..<d {
                    let delta = Double(points.values[i * d + dim]) - Double(centres[c * d + dim])
                    s += delta * delta
                }
                nearestSquared[i] = Swift.min(nearestSquared[i], s)
                total += nearestSquared[i]
            }
            // D² sampling; if every point coincides with a centre, fall back to uniform.
            if total > 0 {
                var target = generator.nextUnitDouble() * total
                chosen = n - 1
                for i in 0..<n {
                    target -= nearestSquared[i]
                    if target < 0 { chosen = i; break }
                }
            } else {
                chosen = generator.nextIndex(below: n)
            }
        }
        var labels = [Int32](repeating: -1, count: n)
        var iterations = 0
        var graph = NeighborGraph(k: 1, indices: [], squaredDistances: [])
        while iterations < maxIterations {
            iterations += 1
            graph = try NearestNeighbors.exact(queries: points, reference: Matrix(checkedRows: k, columns: d, values: centres), k: 1)
            let changed = graph.indices != labels
            labels = graph.indices
            if !changed { break }
            var sums = [Double](repeating: 0, count: k * d)
            var counts = [Int](repeating: 0, count: k)
            for i in 0..<n {
                let cell = Int(labels[i])
                counts[cell] += 1
                for dim in 0..<d { sums[cell * d + dim] += Double(points.values[i * d + dim]) }
            }
            for cell in 0..<k {
                if counts[cell] == 0 {
                    let farthest = graph.squaredDistances.indices.max { graph.squaredDistances[$0] < graph.squaredDistances[$1] } ?? 0
                    for dim in 0..<d { centres[cell * d + dim] = points.values[farthest * d + dim] }
                } else {
                    for dim in 0..<d { centres[cell * d + dim] = Float(sums[cell * d + dim] / Double(counts[cell])) }
                }
            }
        }
        let inertia = graph.squaredDistances.reduce(0.0) { $0 + Double($1) }
        return KMeans(centroids: Matrix(checkedRows: k, columns: d, values: centres), labels: labels, iterations: iterations, inertia: inertia)
    }

    /// The nearest centre of each point. O(N·k·D / cores).
    public func assign(_ points: Matrix) throws -> [Int32] {
        try NearestNeighbors.exact(queries: points, reference: centroids, k: 1).indices
    }
}
