// UMAP's fuzzy simplicial set: each point's neighbours weighted by its own distance scale, then symmetrised.
import Foundation

/// The weighted neighbour graph UMAP lays out (McInnes, Healy & Melville 2018, section 3), symmetric,
/// stored by rows: the neighbours of i are `columns[rowStart[i]..<rowStart[i + 1]]`, ascending, with
/// membership strengths `weights` in (0, 1].
///
/// Per point i with neighbour distances d_1 ≤ … ≤ d_m (m = neighbours − 1 others, the point itself being
/// umap-learn's first "neighbour"): ρ_i = d_1, and σ_i found by bisection (64 steps at most) so that
/// Σ_j exp(−max(0, d_j − ρ_i) / σ_i) = log2(neighbours), floored at 1e-3 times the mean neighbour distance;
/// w_ij = exp(−max(0, d_j − ρ_i) / σ_i). Symmetrised by fuzzy union w_ij + w_ji − w_ij·w_ji.
/// Time O(N·k·64) for the scales plus O(N·k·log(N·k)) for the union; memory O(N·k).
public struct UMAPGraph: Sendable {
    public let rowStart: [Int]
    public let columns: [Int32]
    public let weights: [Float]

    public var count: Int { rowStart.count - 1 }

    /// Builds the fuzzy set from a neighbour graph (self excluded, nearest first) whose k is neighbours − 1.
    public static func fuzzySet(_ graph: NeighborGraph) -> UMAPGraph {
        let n = graph.count, k = graph.k
        let distances = graph.squaredDistances.map { $0.isFinite ? Double($0).squareRoot() : .infinity }
        let finite = distances.filter(\.isFinite)
        let meanDistance = finite.reduce(0, +) / Double(finite.count + n)
        let target = log2(Double(k + 1))
        var directed = [(key: UInt64, weight: Float)]()
        directed.reserveCapacity(2 * n * k)
        for i in 0..<n {
            let row = distances[(i * k)..<((i + 1) * k)].filter(\.isFinite)
            let (rho, sigma) = scale(of: row, target: target, meanDistance: meanDistance)
            for slot in 0..<k {
                let j = Int(graph.indices[i * k + slot])
                guard j >= 0, j != i else { continue }
                let excess = distances[i * k + slot] - rho
                let weight = Float(excess <= 0 || sigma == 0 ? 1 : exp(-excess / sigma))
                directed.append((UInt64(i) << 32 | UInt64(j), weight))
                directed.append((UInt64(j) << 32 | UInt64(i), weight))
            }
        }
        // Each ordered pair now appears once (one side listed the other) or twice (both did): union the two.
        directed.sort { $0.key < $1.key }
        var rowStart = [Int](repeating: 0, count: n + 1)
        var columns = [Int32](), weights = [Float]()
        columns.reserveCapacity(directed.count); weights.reserveCapacity(directed.count)
        var position = 0
        while position < directed.count {
            let key = directed[position].key
            var weight = directed[position].weight
            if position + 1 < directed.count && directed[position + 1].key == key {
                let other = directed[position + 1].weight
                weight = weight + other - weight * other
                position += 1
            }
            position += 1
            rowStart[Int(key >> 32) + 1] += 1
            columns.append(Int32(truncatingIfNeeded: key & 0xFFFF_FFFF))
            weights.append(weight)
        }
        for i in 0..<n { rowStart[i + 1] += rowStart[i] }
        return UMAPGraph(rowStart: rowStart, columns: columns, weights: weights)
    }

    /// ρ (nearest non-zero distance) and σ of one point's sorted neighbour distances.
    static func scale(of distances: [Double], target: Double, meanDistance: Double) -> (rho: Double, sigma: Double) {
        let rho = distances.first { $0 > 0 } ?? 0
        var low = 0.0, high = Double.infinity, sigma = 1.0
        for _ in 0..<64 {
            var sum = 0.0
            for d in distances { sum += d - rho > 0 ? exp(-(d - rho) / sigma) : 1 }
            if abs(sum - target) < 1e-5 { break }
            if sum > target {
                high = sigma
                sigma = (low + high) / 2
            } else {
                low = sigma
                sigma = high.isInfinite ? sigma * 2 : (low + high) / 2
            }
        }
        // Means over the point itself (distance 0) and its neighbours, as umap-learn counts them.
        let ownMean = distances.reduce(0, +) / Double(distances.count + 1)
        // umap-learn's floor: a point whose neighbours all sit at ρ would otherwise get σ → 0.
        let floor = 1e-3 * (rho > 0 ? ownMean : meanDistance)
        return (rho, Swift.max(sigma, floor))
    }
}
