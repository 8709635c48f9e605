// UMAP's layout: stochastic gradient descent on the fuzzy cross-entropy, by edge sampling with negative samples.
import Foundation

/// Lays out a `UMAPGraph` in 2-D from a starting map, as umap-learn's `optimize_layout_euclidean` does:
/// each edge is sampled every max(w) / w_e epochs, pulls its point towards the neighbour with gradient
/// −2ab·d^(2(b−1)) / (1 + a·d^(2b)) and pushes it from `negativeSamplesPerEdge` random points with
/// 2γb / ((0.001 + d²)(1 + a·d^(2b))); every gradient component is clipped to ±4 and the learning rate falls
/// linearly to 0 over the epochs. Edges whose weight is below max(w) / epochs are never sampled.
///
/// Determinism (umap-learn's parallel loop is Hogwild, racy): points are split into 64 fixed chunks, each
/// drawing its negative samples from its own generator seeded by (seed, epoch, chunk); a point moves only
/// itself and reads every other point as it was at the start of the epoch. So the map depends on the
/// input, seed and settings only, never on the core count or on scheduling. umap-learn also moves the
/// neighbour of a sampled edge; here the graph is symmetric and the reverse edge is sampled in the same
/// epochs, so a point takes its attractive step twice instead (the same pull per epoch, no shared writes).
/// umap-learn applies an edge's pull and each negative sample's push one after another; here all of one
/// edge's steps are computed from the point's position before that edge and then added: their powf calls
/// overlap instead of forming one dependent chain (half the layout's time; trustworthiness unchanged, see
/// BENCHMARKS.md).
/// Time O(epochs · (E + N·negatives·mean sampling rate)) with E the edges; memory O(E + N).
struct UMAPLayout: Sendable {
    var curve: UMAPCurve
    var epochs: Int
    var learningRate: Float = 1
    var repulsion: Float = 1
    var negativeSamplesPerEdge = 5
    var seed: UInt64 = 0
    static let chunkCount = 64
    static let gradientClip: Float = 4

    /// Optimises `initial` [N, 2] for `graph` (N rows) and returns the map [N, 2].
    func optimize(_ graph: UMAPGraph, initial: Matrix) -> Matrix {
        let n = graph.count
        var positions = initial.values
        guard n > 1, epochs > 0, let maxWeight = graph.weights.max(), maxWeight > 0 else { return initial }
        let cutoff = maxWeight / Float(epochs)
        let epochsPerSample = graph.weights.map { $0 >= cutoff && $0 > 0 ? Double(maxWeight / $0) : -1 }
        var nextSample = epochsPerSample
        let negativesRate = Double(Swift.max(negativeSamplesPerEdge, 1))
        var nextNegative = epochsPerSample.map { $0 / negativesRate }
        var snapshot = positions
        let a = Float(curve.a), b = Float(curve.b)
        let clip = Self.gradientClip
        let negativesPerEdge = negativeSamplesPerEdge
        let repulsion = self.repulsion
        for epoch in 0..<epochs {
            let alpha = learningRate * (1 - Float(epoch) / Float(epochs))
            let now = Double(epoch)
            snapshot.withUnsafeMutableBufferPointer { $0.baseAddress!.update(from: positions, count: 2 * n) }
            positions.withUnsafeMutableBufferPointer { live in snapshot.withUnsafeBufferPointer { frozen in
                nextSample.withUnsafeMutableBufferPointer { next in nextNegative.withUnsafeMutableBufferPointer { nextNeg in
                    graph.rowStart.withUnsafeBufferPointer { rowStart in graph.columns.withUnsafeBufferPointer { columns in
                        epochsPerSample.withUnsafeBufferPointer { period in
                            let shared = UncheckedSendable((live, frozen, next, nextNeg, rowStart, columns, period))
                            Parallel.forEachChunk(count: n, chunkCount: Self.chunkCount) { chunk, rows in
                                let (live, frozen, next, nextNeg, rowStart, columns, period) = shared.value
                                var generator = SeededGenerator(seed: Self.chunkSeed(seed, epoch: epoch, chunk: chunk))
                                for i in rows {
                                    var x = live[2 * i], y = live[2 * i + 1]
                                    for e in rowStart[i]..<rowStart[i + 1] where period[e] > 0 && next[e] <= now {
                                        // The edge's pull and its negative samples' pushes are all taken from the
                                        // position before this edge, then added in a fixed order: their powf calls
                                        // are independent and overlap, instead of each waiting for the last.
                                        let baseX = x, baseY = y
                                        let j = Int(columns[e])
                                        let dx = baseX - frozen[2 * j], dy = baseY - frozen[2 * j + 1]
                                        let d2 = dx * dx + dy * dy
                                        if d2 > 0 {
                                            let power = powf(d2, b)
                                            let coefficient = -2 * a * b * (power / d2) / (a * power + 1)
                                            x += 2 * alpha * Swift.min(Swift.max(coefficient * dx, -clip), clip)
                                            y += 2 * alpha * Swift.min(Swift.max(coefficient * dy, -clip), clip)
                                        }
                                        next[e] += period[e]
                                        let negativePeriod = period[e] / Double(negativesPerEdge)
                                        let negatives = Int((now - nextNeg[e]) / negativePeriod)
                                        for _ in 0..<Swift.max(negatives, 0) {
                                            let k = generator.nextIndex(below: n)
                                            if k == i { continue }
                                            let dx = baseX - frozen[2 * k], dy = baseY - frozen[2 * k + 1]
                                            let d2 = dx * dx + dy * dy
                                            guard d2 > 0 else { continue }
                                            let coefficient = 2 * repulsion * b / ((0.001 + d2) * (a * powf(d2, b) + 1))
                                            x += alpha * Swift.min(Swift.max(coefficient * dx, -clip), clip)
                                            y += alpha * Swift.min(Swift.max(coefficient * dy, -clip), clip)
                                        }
                                        nextNeg[e] += Double(Swift.max(negatives, 0)) * negativePeriod
                                    }
                                    live[2 * i] = x
                                    live[2 * i + 1] = y
                                }
                            }
                        }
                    } }
                } }
            } }
        }
        return Matrix(checkedRows: n, columns: 2, values: positions)
    }

    /// One generator seed per (seed, epoch, chunk), spread by SplitMix-style multiplication.
    static func chunkSeed(_ seed: UInt64, epoch: Int, chunk: Int) -> UInt64 {
        (seed &* 0x9E37_79B9_7F4A_7C15) ^ (UInt64(epoch) &* 0xBF58_476D_1CE4_E5B9) ^ (UInt64(chunk) &* 0x94D0_49BB_1331_11EB)
    }
}
