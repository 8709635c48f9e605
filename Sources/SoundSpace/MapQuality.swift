// Trustworthiness and continuity of a 2-D map: how well it keeps the neighbourhoods of the full space.

/// Trustworthiness and continuity at k (Venna & Kaski 2001, "Neighborhood preservation in nonlinear
/// projection methods"), both in [0, 1], 1 = neighbourhoods kept:
///   T(k) = 1 − 2 / (N·k·(2N − 3k − 1)) · Σ_i Σ_{j ∈ U_k(i)} (r(i, j) − k)
/// with U_k(i) the map's k nearest neighbours of i that are not among its k nearest in the full space
/// and r(i, j) the rank of j by distance from i in the full space (1 = nearest); continuity swaps the roles
/// of the spaces. Same definition as scikit-learn's `trustworthiness`.
public struct MapQuality: Sendable, Equatable, Codable {
    public var k: Int
    public var trustworthiness: Double
    public var continuity: Double

    /// Measures `map` [N, m] against `points` [N, D].
    ///
    /// Ranks are counted tile by tile (never an N×N matrix): time O(N²·(D + m) / cores), memory O(N·k).
    /// - Throws: `SoundSpaceError` when the row counts differ or 2N − 3k − 1 ≤ 0.
    public static func measure(points: Matrix, map: Matrix, k: Int = 10) throws -> MapQuality {
        let n = points.rows
        guard map.rows == n else { throw SoundSpaceError("map has \(map.rows) rows, points \(n)") }
        guard k >= 1, 2 * n - 3 * k - 1 > 0 else { throw SoundSpaceError("k = \(k) too large for \(n) points") }
        // Neighbour sets ordered in Double: a float32 near-tie at the k-th place would swap which point is
        // an intruder, and intruders' ranks run into the hundreds.
        let fullNeighbors = try NearestNeighbors.exactRefined(queries: points, reference: points, k: k, excludingSelf: true)
        let mapNeighbors = try NearestNeighbors.exactRefined(queries: map, reference: map, k: k, excludingSelf: true)
        let intruders = difference(mapNeighbors, minus: fullNeighbors)
        let missing = difference(fullNeighbors, minus: mapNeighbors)
        let scale = 2 / (Double(n) * Double(k) * Double(2 * n - 3 * k - 1))
        return MapQuality(k: k,
                          trustworthiness: 1 - scale * rankPenalty(space: points, targets: intruders, k: k),
                          continuity: 1 - scale * rankPenalty(space: map, targets: missing, k: k))
    }

    /// Per point, the neighbours in `a` that are not in `b` (at most k each, -1 padded).
    static func difference(_ a: NeighborGraph, minus b: NeighborGraph) -> [Int32] {
        let k = a.k
        var out = [Int32](repeating: -1, count: a.indices.count)
        for i in 0..<a.count {
            let kept = Set(b.neighbors(of: i))
            var slot = 0
            for j in a.neighbors(of: i) where j >= 0 && !kept.contains(j) {
                out[i * k + slot] = j
                slot += 1
            }
        }
        return out
    }

    /// Σ_i Σ_{j ∈ targets(i)} (rank of j from i in `space` − k), rank = 1 + #{l ≠ i : d(i, l) < d(i, j)}.
    /// Each point's targets are sorted by distance; every tile entry below the largest target distance is
    /// counted into a small per-point histogram whose prefix sums give the ranks.
    static func rankPenalty(space: Matrix, targets: [Int32], k: Int) -> Double {
        let n = space.rows, d = space.columns
        // Target squared distances as the tile kernel computes them (same float formula, so ties agree).
        let norms = DistanceTiles.squaredNorms(space)
        var targetDistance = [Float](repeating: .infinity, count: n * k)
        var targetCount = [Int](repeating: 0, count: n)
        for i in 0..<n {
            var distances = [Float]()
            for slot in 0..<k {
                let j = Int(targets[i * k + slot])
                if j < 0 { break }
                // Same operations in the same order as DistanceTiles' kernel (sequential dot, (|y|² + |x|²) − 2·dot),
                // so a target's own tile entry is never counted as closer than itself.
                var dot: Float = 0
                for c in 0..<d { dot += space.values[i * d + c] * space.values[j * d + c] }
                distances.append(Swift.max(0, (norms[j] + norms[i]) - 2 * dot))
            }
            distances.sort()
            targetCount[i] = distances.count
            for (slot, value) in distances.enumerated() { targetDistance[i * k + slot] = value }
        }
        let packed = ReferenceRows(space)
        var histogram = [Int32](repeating: 0, count: n * k)
        let blocks = (n + DistanceTiles.queryBlock - 1) / DistanceTiles.queryBlock
        histogram.withUnsafeMutableBufferPointer { histogramBuffer in
            space.values.withUnsafeBufferPointer { values in
                norms.withUnsafeBufferPointer { normBuffer in
                    let shared = UncheckedSendable(histogramBuffer)
                    Parallel.forEachChunk(count: blocks, chunkCount: blocks) { _, blockRange in
                        let rows = (blockRange.lowerBound * DistanceTiles.queryBlock)..<Swift.min(n, blockRange.upperBound * DistanceTiles.queryBlock)
                        let counts = shared.value
                        DistanceTiles.forEachTile(queries: values, queryNorms: normBuffer, queryRows: rows, reference: packed) {
                            queryStart, queryCount, referenceStart, referenceCount, tile in
                            for q in 0..<queryCount {
                                let i = queryStart + q
                                let m = targetCount[i]
                                if m == 0 { continue }
                                let thresholds = i * k
                                let largest = targetDistance[thresholds + m - 1]
                                let tileRow = tile + q * DistanceTiles.referenceTile
                                for r in 0..<referenceCount where tileRow[r] < largest {
                                    if referenceStart + r == i { continue }
                                    var slot = 0
                                    while tileRow[r] >= targetDistance[thresholds + slot] { slot += 1 }
                                    counts[thresholds + slot] += 1
                                }
                            }
                        }
                    }
                }
            }
        }
        var penalty = 0.0
        for i in 0..<n {
            var closer = 0
            for slot in 0..<targetCount[i] {
                closer += Int(histogram[i * k + slot])
                penalty += Double(Swift.max(0, closer + 1 - k))
            }
        }
        return penalty
    }
}
