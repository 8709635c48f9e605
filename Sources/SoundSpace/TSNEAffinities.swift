// The input similarities of t-SNE: Gaussian affinities on the k nearest neighbours, calibrated to a perplexity.

/// A symmetric sparse matrix of joint probabilities P (CSR: row i's entries are
/// `columns[rowStart[i]..<rowStart[i+1]]`), summing to 1 over all entries.
public struct SparseAffinities: Sendable {
    public let rowStart: [Int]
    public let columns: [Int32]
    public let values: [Float]

    /// P from the `3·perplexity` nearest neighbours of each point (van der Maaten 2014, "Accelerating
    /// t-SNE using tree-based algorithms", §4.1): per point, the Gaussian precision β is found by bisection
    /// so that the entropy of p(j|i) is log(perplexity) (nats); then P = (P(j|i) + P(i|j)) / 2N.
    /// Time O(N²·D / cores) for the exact kNN (about O(N·D) per NN-descent round above the limit) plus O(N·k·log) for calibration; memory O(N·k).
    /// - Throws: `SoundSpaceError` when perplexity is not in (0, N − 1).
    /// Up to `NearestNeighbors.exactLimit` points the neighbours are exact; above, NN-descent (seeded by `seed`).
    public static func perplexityBased(_ points: Matrix, perplexity: Double, seed: UInt64 = 0) throws -> SparseAffinities {
        let n = points.rows
        guard perplexity.isFinite, perplexity > 0, Double(n - 1) > perplexity else {
            throw SoundSpaceError("perplexity must be positive and below the number of points − 1 (perplexity \(perplexity), \(n) points)")
        }
        let k = Swift.min(n - 1, Int((3 * perplexity).rounded(.up)))
        let graph = try NearestNeighbors.graph(of: points, k: k, seed: seed)
        var conditional = [Float](repeating: 0, count: n * k)
        conditional.withUnsafeMutableBufferPointer { out in
            let shared = UncheckedSendable(out)
            Parallel.forEachChunk(count: n, chunkCount: Parallel.coreCount * 4) { _, rows in
                var weights = [Double](repeating: 0, count: k)
                for i in rows {
                    calibrateRow(graph.squaredDistances[(i * k)..<((i + 1) * k)], perplexity: perplexity, into: &weights)
                    for n in 0..<k { shared.value[i * k + n] = Float(weights[n]) }
                }
            }
        }
        return symmetrised(graph: graph, conditional: conditional, count: n)
    }

    /// Bisection on β so that H(p(·|i)) = log(perplexity), at most 200 steps, tolerance 1e-5 nats.
    static func calibrateRow(_ squaredDistances: ArraySlice<Float>, perplexity: Double, into weights: inout [Double]) {
        let target = _log(perplexity)
        let nearest = Double(squaredDistances.first ?? 0)
        var beta = 1.0, low = 0.0, high = Double.infinity
        let base = squaredDistances.startIndex
        for _ in 0..<200 {
            var sum = 0.0, weighted = 0.0
            for n in 0..<weights.count {
                // Shifting by the nearest distance avoids underflow and cancels in the normalisation.
                let delta = Double(squaredDistances[base + n]) - nearest
                let w = _exp(-beta * delta)
                weights[n] = w
                sum += w
                weighted += w * delta
            }
            let entropy = _log(sum) + beta * weighted / sum
            if abs(entropy - target) < 1e-5 { break }
            if entropy > target {
                low = beta
                beta = high.isInfinite ? beta * 2 : (beta + high) / 2
            } else {
                high = beta
                beta = (beta + low) / 2
            }
        }
        let sum = weights.reduce(0, +)
        for n in 0..<weights.count { weights[n] /= sum }
    }

    /// (P(j|i) + P(i|j)) / 2N as CSR with sorted columns, built by counting (no N×N).
    static func symmetrised(graph: NeighborGraph, conditional: [Float], count n: Int) -> SparseAffinities {
        let k = graph.k
        var degree = [Int](repeating: 0, count: n + 1)
        for i in 0..<n {
            for e in 0..<k {
                let j = Int(graph.indices[i * k + e])
                if j < 0 { continue }
                degree[i + 1] += 1
                degree[j + 1] += 1
            }
        }
        for i in 0..<n { degree[i + 1] += degree[i] }
        var fill = degree
        var entries = [(Int32, Float)](repeating: (0, 0), count: degree[n])
        for i in 0..<n {
            for e in 0..<k {
                let j = Int(graph.indices[i * k + e])
                if j < 0 { continue }
                let p = conditional[i * k + e]
                entries[fill[i]] = (Int32(j), p); fill[i] += 1
                entries[fill[j]] = (Int32(i), p); fill[j] += 1
            }
        }
        var rowStart = [0]
        var columns = [Int32]()
        var values = [Float]()
        columns.reserveCapacity(entries.count)
        values.reserveCapacity(entries.count)
        let scale = 1 / Float(2 * n)
        for i in 0..<n {
            var row = entries[degree[i]..<degree[i + 1]]
            row.sort { $0.0 < $1.0 }
            var e = row.startIndex
            while e < row.endIndex {
                var p = row[e].1
                var next = e + 1
                while next < row.endIndex && row[next].0 == row[e].0 { p += row[next].1; next += 1 }
                columns.append(row[e].0)
                values.append(p * scale)
                e = next
            }
            rowStart.append(columns.count)
        }
        return SparseAffinities(rowStart: rowStart, columns: columns, values: values)
    }
}
