// Precision, recall, density and coverage of a candidate set against a reference set (Kynkäänniemi 2019; Naeem 2020).

/// The four fidelity/diversity ratios of CANDIDATE points against REFERENCE points, each in [0, 1]
/// (density may exceed 1).
///
/// Definitions (Naeem, Oh, Uh, Choi & Yoo 2020, "Reliable Fidelity and Diversity Metrics for Generative
/// Models", eq. 1-4, after Kynkäänniemi et al. 2019), with r_k(x) the distance from x to its k-th nearest
/// other point of its own set and B(x, r) the open ball:
/// - precision: fraction of candidates inside some B(reference_i, r_k(reference_i));
/// - recall: fraction of references inside some B(candidate_j, r_k(candidate_j));
/// - density: (1 / kM) Σ_j #{i : candidate_j ∈ B(reference_i, r_k(reference_i))};
/// - coverage: fraction of references whose ball B(reference_i, r_k(reference_i)) holds some candidate.
/// Like the authors' `prdc` package, r_k is the (k+1)-th smallest distance counting the point itself.
public struct CoverageMetrics: Sendable, Equatable, Codable {
    public var precision: Double
    public var recall: Double
    public var density: Double
    public var coverage: Double

    public init(precision: Double, recall: Double, density: Double, coverage: Double) {
        self.precision = precision
        self.recall = recall
        self.density = density
        self.coverage = coverage
    }

    /// Computes the four metrics exactly: distances are filtered in float32 by `DistanceTiles` and every
    /// comparison that float32 cannot decide (within its error band) is redone in Double, so the counts
    /// are those of exact arithmetic on the given float32 values.
    ///
    /// Time O((N² + M² + N·M)·D / cores); memory O((N + M)·k) plus one tile per core (never N×M).
    /// - Throws: `SoundSpaceError` if a set has fewer than k + 1 points, k < 1, or dimensions differ.
    public static func compute(reference: Matrix, candidate: Matrix, k: Int) throws -> CoverageMetrics {
        try compute(reference: reference, candidate: candidate, ks: [k])[0]
    }

    /// The metrics at several k from one neighbour search and one pass over the pairs (the cost of the
    /// largest k alone, plus one comparison per extra k). Results in the order of `ks`.
    public static func compute(reference: Matrix, candidate: Matrix, ks: [Int]) throws -> [CoverageMetrics] {
        guard let largest = ks.max(), let smallest = ks.min(), smallest >= 1 else {
            throw SoundSpaceError("k must be at least 1 (got \(ks))")
        }
        guard reference.rows > largest, candidate.rows > largest else {
            throw SoundSpaceError("need more than k = \(largest) points in each set (reference \(reference.rows), candidate \(candidate.rows))")
        }
        guard reference.columns == candidate.columns, reference.columns > 0 else {
            throw SoundSpaceError("dimension mismatch: reference has \(reference.columns), candidate \(candidate.columns)")
        }
        let referenceRadii = try kthNeighborSquaredRadii(reference, ks: ks)
        let candidateRadii = try kthNeighborSquaredRadii(candidate, ks: ks)
        let counts = crossCounts(reference: reference, referenceRadii: referenceRadii,
                                 candidate: candidate, candidateRadii: candidateRadii)
        let n = reference.rows, m = candidate.rows
        return ks.indices.map { index in
            let inside = counts.candidateInsideCount[(index * m)..<((index + 1) * m)]
            let k = Double(ks[index])
            return CoverageMetrics(
                precision: Double(inside.filter { $0 > 0 }.count) / Double(m),
                recall: Double(counts.referenceRecalled[(index * n)..<((index + 1) * n)].filter { $0 }.count) / Double(n),
                // Same operation order as prdc, (1/k)·mean(counts), so the result matches it to the last bit.
                density: (1.0 / k) * (Double(inside.reduce(0) { $0 + Int($1) }) / Double(m)),
                coverage: Double(counts.referenceCovered[(index * n)..<((index + 1) * n)].filter { $0 }.count) / Double(n))
        }
    }

    /// Exact squared radius to the (k+1)-th nearest point counting the point itself (distance 0), i.e. the
    /// k-th nearest other point, for each k in `ks`. Candidates come from one float32 kNN with a margin of
    /// 8 extra neighbours beyond the largest k, then their distances are recomputed in Double and re-sorted.
    /// O(N²·D / cores).
    static func kthNeighborSquaredRadii(_ points: Matrix, ks: [Int]) throws -> [[Double]] {
        let margin = 8
        let candidates = Swift.min(points.rows, (ks.max() ?? 1) + 1 + margin)
        let graph = try NearestNeighbors.exact(queries: points, reference: points, k: candidates)
        let d = points.columns
        var radii = [[Double]](repeating: [Double](repeating: 0, count: points.rows), count: ks.count)
        points.values.withUnsafeBufferPointer { v in
            let base = v.baseAddress!
            var exact = [Double](repeating: 0, count: candidates)
            for i in 0..<points.rows {
                for n in 0..<candidates {
                    let j = Int(graph.indices[i * candidates + n])
                    exact[n] = j < 0 ? .infinity : DistanceTiles.exactSquaredDistance(base + i * d, base + j * d, dimensions: d)
                }
                // The point itself is always among the candidates at float distance ≈ 0 and exact distance 0.
                exact.sort()
                for (index, k) in ks.enumerated() { radii[index][i] = exact[k] }
            }
        }
        return radii
    }

    /// Per k (index `kIndex`), flat: `candidateInsideCount[kIndex * M + j]`, `referenceRecalled[kIndex * N + i]`.
    struct CrossCounts {
        var candidateInsideCount: [Int32]   // per candidate: reference balls containing it
        var referenceRecalled: [Bool]       // per reference: inside some candidate ball
        var referenceCovered: [Bool]        // per reference: its ball holds some candidate
    }

    /// One pass over all reference × candidate pairs, tile by tile, deciding both ball memberships of
    /// each pair at every k. Each worker owns whole reference rows and its own candidate counters, summed
    /// at the end in chunk order (deterministic).
    static func crossCounts(reference: Matrix, referenceRadii: [[Double]], candidate: Matrix, candidateRadii: [[Double]]) -> CrossCounts {
        let n = reference.rows, m = candidate.rows, d = reference.columns
        let kCount = referenceRadii.count
        let packed = ReferenceRows(candidate)
        let referenceNorms = DistanceTiles.squaredNorms(reference)
        let candidateNorms = DistanceTiles.squaredNorms(candidate)
        // Float32 error of |x|² + |y|² − 2x·y is well below 1e-5·(|x|² + |y|²) for D up to thousands;
        // pairs closer than that to a radius are decided in Double.
        let relativeBand: Float = 1e-5
        let referenceRadiiF = referenceRadii.map { $0.map { Float($0) } }
        let candidateRadiiF = candidateRadii.map { $0.map { Float($0) } }
        var recalled = [Bool](repeating: false, count: kCount * n)
        var covered = [Bool](repeating: false, count: kCount * n)
        let blocks = (n + DistanceTiles.queryBlock - 1) / DistanceTiles.queryBlock
        let chunkCount = Swift.min(blocks, Parallel.coreCount * 4)
        var perChunkCounts = [[Int32]](repeating: [], count: chunkCount)
        recalled.withUnsafeMutableBufferPointer { recalledBuffer in
            covered.withUnsafeMutableBufferPointer { coveredBuffer in
                perChunkCounts.withUnsafeMutableBufferPointer { chunkCounts in
                    reference.values.withUnsafeBufferPointer { refValues in
                        candidate.values.withUnsafeBufferPointer { candValues in
                            referenceNorms.withUnsafeBufferPointer { refNorms in
                                let shared = UncheckedSendable((recalledBuffer, coveredBuffer, chunkCounts))
                                Parallel.forEachChunk(count: blocks, chunkCount: chunkCount) { chunk, blockRange in
                                    // The last chunks can be empty (blocks not a multiple of the chunk size); an empty
                                    // block range would start past the last row, so it has nothing to count.
                                    guard !blockRange.isEmpty else { return }
                                    let (recalledOut, coveredOut, countsOut) = shared.value
                                    var counts = [Int32](repeating: 0, count: kCount * m)
                                    let rows = (blockRange.lowerBound * DistanceTiles.queryBlock)..<Swift.min(n, blockRange.upperBound * DistanceTiles.queryBlock)
                                    let refBase = refValues.baseAddress!, candBase = candValues.baseAddress!
                                    counts.withUnsafeMutableBufferPointer { countBuffer in
                                        DistanceTiles.forEachTile(queries: refValues, queryNorms: refNorms, queryRows: rows, reference: packed) {
                                            queryStart, queryCount, candidateStart, candidateCount, tile in
                                            for kIndex in 0..<kCount {
                                                let radiiF = referenceRadiiF[kIndex], radii = referenceRadii[kIndex]
                                                let candidateRF = candidateRadiiF[kIndex], candidateR = candidateRadii[kIndex]
                                                for q in 0..<queryCount {
                                                    let i = queryStart + q
                                                    let tileRow = tile + q * DistanceTiles.referenceTile
                                                    let radiusI = radiiF[i], normI = refNorms[i]
                                                    var isRecalled = recalledOut[kIndex * n + i], isCovered = coveredOut[kIndex * n + i]
                                                    for r in 0..<candidateCount {
                                                        let j = candidateStart + r
                                                        let d2 = tileRow[r]
                                                        let band = relativeBand * (normI + candidateNorms[j])
                                                        // Is candidate j inside reference i's ball?
                                                        var inside = d2 < radiusI - band
                                                        if !inside && d2 <= radiusI + band {
                                                            inside = DistanceTiles.exactSquaredDistance(refBase + i * d, candBase + j * d, dimensions: d) < radii[i]
                                                        }
                                                        if inside { countBuffer[kIndex * m + j] += 1; isCovered = true }
                                                        // Is reference i inside candidate j's ball?
                                                        if !isRecalled {
                                                            let radiusJ = candidateRF[j]
                                                            var within = d2 < radiusJ - band
                                                            if !within && d2 <= radiusJ + band {
                                                                within = DistanceTiles.exactSquaredDistance(refBase + i * d, candBase + j * d, dimensions: d) < candidateR[j]
                                                            }
                                                            isRecalled = within
                                                        }
                                                    }
                                                    recalledOut[kIndex * n + i] = isRecalled
                                                    coveredOut[kIndex * n + i] = isCovered
                                                }
                                            }
                                        }
                                    }
                                    countsOut[chunk] = counts
                                }
                            }
                        }
                    }
                }
            }
        }
        var total = [Int32](repeating: 0, count: kCount * m)
        for counts in perChunkCounts where !counts.isEmpty {
            for e in 0..<(kCount * m) { total[e] += counts[e] }
        }
        return CrossCounts(candidateInsideCount: total, referenceRecalled: recalled, referenceCovered: covered)
    }
}
