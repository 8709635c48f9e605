// PRDC from approximate neighbours (NN-descent and graph search), its error measured against exhaustive search.

/// Precision, recall, density and coverage of large sets, by the definitions of `CoverageMetrics`, where
/// each ball membership is decided only for near pairs:
/// - radii r_k from each set's own neighbour graph (exact up to `limit` points, NN-descent above; the k-th
///   distance re-ranked in Double);
/// - for each candidate its `crossLength` nearest references, for each reference its `crossLength` nearest
///   candidates; every pair in either list has both ball memberships decided in Double, counted once.
/// A pair in neither list (a ball so wide that its centre is not among the other point's nearest, or one
/// the search missed) is not counted; an approximate radius is never smaller than the exact one. Both errors are measured:
/// `sampleSize` points of each set are redone exhaustively (their own radius and recall@k from an exact
/// search, every ball of the other set checked through the distance tiles; the other points' radii as
/// estimated), and each metric's error is the mean difference plus 1.96 standard errors (with the finite
/// population correction, so it is the exact difference when the sample is the whole set).
/// Time O(N·K²·D) for NN-descent, O((N + M)·(√N + K)·D) for the searches, O(S·(N + M)·D) for the check.
struct ApproximateCoverage {
    let reference: Matrix
    let candidate: Matrix
    let k: Int
    let limit: Int
    let sampleSize: Int
    let seed: UInt64

    /// Own-set neighbour list length: the k-th distance plus a margin for the Double re-ranking.
    var ownLength: Int { Swift.max(16, k + 8) }
    /// Other-set neighbours whose balls are checked per point.
    var crossLength: Int { 4 * k + 8 }

    func estimate() throws -> CoverageEstimate {
        let referenceGraph = try NearestNeighbors.graph(of: reference, k: Swift.min(ownLength, reference.rows - 1), exactUpTo: limit, seed: seed)
        let candidateGraph = try NearestNeighbors.graph(of: candidate, k: Swift.min(ownLength, candidate.rows - 1), exactUpTo: limit,
                                                        seed: seed &+ 1)
        let referenceRadii = Self.squaredRadii(reference, graph: referenceGraph, k: k)
        let candidateRadii = Self.squaredRadii(candidate, graph: candidateGraph, k: k)
        let candidateToReference = try NearestNeighbors.across(queries: candidate, reference: reference, referenceGraph: referenceGraph,
                                                               k: Swift.min(crossLength, reference.rows), limit: limit, seed: seed)
        let referenceToCandidate = try NearestNeighbors.across(queries: reference, reference: candidate, referenceGraph: candidateGraph,
                                                               k: Swift.min(crossLength, candidate.rows), limit: limit, seed: seed &+ 1)
        let (inside, recalled, covered) = Self.memberships(referenceToCandidate: referenceToCandidate, candidateToReference: candidateToReference,
                                                           reference: reference, candidate: candidate,
                                                           referenceRadii: referenceRadii, candidateRadii: candidateRadii)
        let metrics = Self.metrics(inside: inside, recalled: recalled, covered: covered, k: k)

        let check = try SampleCheck(estimate: self, referenceGraph: referenceGraph, candidateGraph: candidateGraph,
                                    referenceRadii: referenceRadii, candidateRadii: candidateRadii)
        func indicator(_ yes: Bool) -> Double { yes ? 1 : 0 }
        let errors = CoverageMetrics(
            precision: check.candidateError { j, exhaustive in indicator(inside[j] > 0) - indicator(exhaustive > 0) },
            recall: check.referenceError { i, exhaustive in indicator(recalled[i]) - indicator(exhaustive.recalled) },
            density: check.candidateError { j, exhaustive in Double(inside[j] - exhaustive) / Double(k) },
            coverage: check.referenceError { i, exhaustive in indicator(covered[i]) - indicator(exhaustive.covered) })
        return CoverageEstimate(metrics: metrics, errors: errors, isApproximate: true, k: k,
                                neighbourRecall: check.neighbourRecall, sampleSize: check.recallSampleSize)
    }

    static func metrics(inside: [Int32], recalled: [Bool], covered: [Bool], k: Int) -> CoverageMetrics {
        let m = Double(inside.count), n = Double(recalled.count)
        return CoverageMetrics(precision: Double(inside.filter { $0 > 0 }.count) / m,
                               recall: Double(recalled.filter { $0 }.count) / n,
                               density: (1.0 / Double(k)) * (Double(inside.reduce(0) { $0 + Int($1) }) / m),
                               coverage: Double(covered.filter { $0 }.count) / n)
    }

    /// The k-th nearest other point's squared distance, in Double, from each point's neighbour list.
    static func squaredRadii(_ points: Matrix, graph: NeighborGraph, k: Int) -> [Double] {
        let d = points.columns
        return points.values.withUnsafeBufferPointer { v in
            (0..<points.rows).map { i in
                let exact = graph.neighbors(of: i).filter { $0 >= 0 }
                    .map { DistanceTiles.exactSquaredDistance(v.baseAddress! + i * d, v.baseAddress! + Int($0) * d, dimensions: d) }
                    .sorted()
                return k - 1 < exact.count ? exact[k - 1] : .infinity
            }
        }
    }

    /// Ball memberships of every listed reference-candidate pair, each pair counted once whichever list
    /// found it: per candidate the reference balls holding it; per reference whether a candidate ball holds
    /// it and whether its own ball holds a candidate. Distances in Double (in parallel), counting in a fixed order.
    static func memberships(referenceToCandidate: NeighborGraph, candidateToReference: NeighborGraph,
                            reference: Matrix, candidate: Matrix, referenceRadii: [Double],
                            candidateRadii: [Double]) -> (inside: [Int32], recalled: [Bool], covered: [Bool]) {
        let n = reference.rows, m = candidate.rows
        let fromReference = pairDistances(queries: reference, neighbours: referenceToCandidate, targets: candidate)
        let fromCandidate = pairDistances(queries: candidate, neighbours: candidateToReference, targets: reference)
        var inside = [Int32](repeating: 0, count: m)
        var recalled = [Bool](repeating: false, count: n), covered = recalled
        let kr = referenceToCandidate.k, kc = candidateToReference.k
        for i in 0..<n {
            for s in 0..<kr where referenceToCandidate.indices[i * kr + s] >= 0 {
                let j = Int(referenceToCandidate.indices[i * kr + s]), distance = fromReference[i * kr + s]
                if distance < referenceRadii[i] { inside[j] += 1; covered[i] = true }
                if distance < candidateRadii[j] { recalled[i] = true }
            }
        }
        for j in 0..<m {
            for s in 0..<kc where candidateToReference.indices[j * kc + s] >= 0 {
                let i = Int(candidateToReference.indices[j * kc + s]), distance = fromCandidate[j * kc + s]
                if distance < candidateRadii[j] { recalled[i] = true }
                // Pairs the reference's own list holds were counted above.
                if distance < referenceRadii[i] && !referenceToCandidate.neighbors(of: i).contains(Int32(j)) {
                    inside[j] += 1
                    covered[i] = true
                }
            }
        }
        return (inside, recalled, covered)
    }

    /// Double squared distance of every query to each of its listed neighbours (infinity for -1), in list layout.
    static func pairDistances(queries: Matrix, neighbours: NeighborGraph, targets: Matrix) -> [Double] {
        let d = queries.columns, k = neighbours.k
        var distances = [Double](repeating: .infinity, count: queries.rows * k)
        queries.values.withUnsafeBufferPointer { q in
            targets.values.withUnsafeBufferPointer { t in
                distances.withUnsafeMutableBufferPointer { out in
                    let shared = UncheckedSendable((out.baseAddress!, q.baseAddress!, t.baseAddress!))
                    Parallel.forEachChunk(count: queries.rows, chunkCount: 64) { _, rows in
                        let (out, q, t) = shared.value
                        for i in rows {
                            for s in 0..<k where neighbours.indices[i * k + s] >= 0 {
                                out[i * k + s] = DistanceTiles.exactSquaredDistance(q + i * d, t + Int(neighbours.indices[i * k + s]) * d,
                                                                                    dimensions: d)
                            }
                        }
                    }
                }
            }
        }
        return distances
    }
}
