// The exhaustive re-check of approximate PRDC on a seeded sample of points: exact radii, recall@k, every ball.

/// For `sampleSize` seeded points of each set (all of a smaller set): their exact k nearest neighbours in
/// their own set (exact radius, recall@k of the approximate list), and every ball of the other set checked
/// through the distance tiles (`CoverageMetrics.crossCounts`), the other points' radii as estimated.
/// Time O(S·(N + M)·D / cores); memory O(S·k) plus the tiles.
struct SampleCheck {
    struct ReferenceOutcome {
        var recalled: Bool
        var covered: Bool
    }

    let referenceSample: [Int]
    let candidateSample: [Int]
    /// Per sampled reference: inside some candidate ball; its exact ball holds a candidate.
    let referenceOutcomes: [ReferenceOutcome]
    /// Per sampled candidate: reference balls holding it.
    let candidateInside: [Int32]
    let referencePopulation: Int
    let candidatePopulation: Int
    /// The lower recall@k of the approximate sets' neighbour lists, and the points it was measured on.
    let neighbourRecall: Double
    let recallSampleSize: Int

    init(estimate: ApproximateCoverage, referenceGraph: NeighborGraph, candidateGraph: NeighborGraph,
         referenceRadii: [Double], candidateRadii: [Double]) throws {
        let reference = estimate.reference, candidate = estimate.candidate, k = estimate.k
        var generator = SeededGenerator(seed: estimate.seed ^ 0x00C0_FFEE_5A4D_1E00)
        referenceSample = Self.sample(reference.rows, estimate.sampleSize, using: &generator)
        candidateSample = Self.sample(candidate.rows, estimate.sampleSize, using: &generator)
        referencePopulation = reference.rows
        candidatePopulation = candidate.rows
        let referenceOwn = try Self.exactOwn(reference, sample: referenceSample, graph: referenceGraph, k: k, radii: referenceRadii,
                                             isApproximate: reference.rows > estimate.limit)
        let candidateOwn = try Self.exactOwn(candidate, sample: candidateSample, graph: candidateGraph, k: k, radii: candidateRadii,
                                             isApproximate: candidate.rows > estimate.limit)
        let referencePass = CoverageMetrics.crossCounts(reference: reference.selecting(rows: referenceSample), referenceRadii: [referenceOwn.radii],
                                                        candidate: candidate, candidateRadii: [candidateRadii])
        referenceOutcomes = referenceSample.indices.map {
            ReferenceOutcome(recalled: referencePass.referenceRecalled[$0], covered: referencePass.referenceCovered[$0])
        }
        let candidatePass = CoverageMetrics.crossCounts(reference: reference, referenceRadii: [referenceRadii],
                                                        candidate: candidate.selecting(rows: candidateSample),
                                                        candidateRadii: [[Double](repeating: 0, count: candidateSample.count)])
        candidateInside = candidatePass.candidateInsideCount
        let measured = [(referenceOwn.recall, referenceSample.count), (candidateOwn.recall, candidateSample.count)]
            .compactMap { recall, size in recall.map { ($0, size) } }
        let worst = measured.min { $0.0 < $1.0 }
        neighbourRecall = worst?.0 ?? 1
        recallSampleSize = worst?.1 ?? 0
    }

    /// Error bound of a reference-side metric from per-sampled-point differences (approximate − exhaustive).
    func referenceError(_ difference: (Int, ReferenceOutcome) -> Double) -> Double {
        Self.errorBound(referenceSample.indices.map { difference(referenceSample[$0], referenceOutcomes[$0]) }, population: referencePopulation)
    }

    /// Error bound of a candidate-side metric from per-sampled-point differences (approximate − exhaustive count).
    func candidateError(_ difference: (Int, Int32) -> Double) -> Double {
        Self.errorBound(candidateSample.indices.map { difference(candidateSample[$0], candidateInside[$0]) }, population: candidatePopulation)
    }

    /// |mean| + 1.96 standard errors of the mean, with the finite population correction (0 for a census).
    static func errorBound(_ differences: [Double], population: Int) -> Double {
        let s = Double(differences.count)
        guard s > 0 else { return 0 }
        let mean = differences.reduce(0, +) / s
        guard s > 1, population > 1 else { return abs(mean) }
        let variance = differences.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (s - 1)
        let correction = Swift.max(0, (Double(population) - s) / (Double(population) - 1))
        return abs(mean) + 1.96 * (variance / s * correction).squareRoot()
    }

    /// `count` distinct indices of 0..<population in ascending order (all when count ≥ population).
    static func sample(_ population: Int, _ count: Int, using generator: inout SeededGenerator) -> [Int] {
        guard count < population else { return Array(0..<population) }
        var order = Array(0..<population)
        for i in 0..<count { order.swapAt(i, i + generator.nextIndex(below: population - i)) }
        return Array(order.prefix(count)).sorted()
    }

    /// Exact radius of each sampled point and recall@k of its approximate list; for an exact set, its radii
    /// as they are and no recall.
    static func exactOwn(_ points: Matrix, sample: [Int], graph: NeighborGraph, k: Int, radii: [Double],
                         isApproximate: Bool) throws -> (radii: [Double], recall: Double?) {
        guard isApproximate else { return (sample.map { radii[$0] }, nil) }
        let d = points.columns
        let found = try NearestNeighbors.exact(queries: points.selecting(rows: sample), reference: points,
                                               k: Swift.min(points.rows, k + 1 + 8))
        var exactRadii = [Double](repeating: 0, count: sample.count)
        var hits = 0
        points.values.withUnsafeBufferPointer { v in
            func ranked(_ i: Int, _ neighbours: ArraySlice<Int32>) -> [(Double, Int32)] {
                neighbours.filter { $0 >= 0 && Int($0) != i }
                    .map { (DistanceTiles.exactSquaredDistance(v.baseAddress! + i * d, v.baseAddress! + Int($0) * d, dimensions: d), $0) }
                    .sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
            }
            for (s, i) in sample.enumerated() {
                let exact = ranked(i, found.neighbors(of: s))
                exactRadii[s] = exact[k - 1].0
                let truth = Set(exact.prefix(k).map(\.1))
                hits += ranked(i, graph.neighbors(of: i)).prefix(k).filter { truth.contains($0.1) }.count
            }
        }
        return (exactRadii, Double(hits) / Double(k * sample.count))
    }
}
