// PRDC at any size: exact up to a limit, approximate neighbours above it, with the error measured on a sample.
import Foundation

/// Precision, recall, density and coverage with how they were found: exactly, or from approximate neighbours
/// with each metric's error against an exhaustive search on a sample of points.
public struct CoverageEstimate: Sendable, Equatable, Codable {
    public var metrics: CoverageMetrics
    /// Half-width of each metric's error (|mean difference| + 1.96 standard errors, approximate against
    /// exhaustive search on the sample); all 0 when exact.
    public var errors: CoverageMetrics
    public var isApproximate: Bool
    public var k: Int
    /// recall@k of the approximate neighbour lists against exact ones on the sampled points (1 when exact).
    public var neighbourRecall: Double
    /// Points per set checked exhaustively (0 when exact).
    public var sampleSize: Int

    public init(metrics: CoverageMetrics, errors: CoverageMetrics, isApproximate: Bool, k: Int, neighbourRecall: Double, sampleSize: Int) {
        self.metrics = metrics
        self.errors = errors
        self.isApproximate = isApproximate
        self.k = k
        self.neighbourRecall = neighbourRecall
        self.sampleSize = sampleSize
    }

    /// An exact result.
    public init(exact metrics: CoverageMetrics, k: Int) {
        self.init(metrics: metrics, errors: CoverageMetrics(precision: 0, recall: 0, density: 0, coverage: 0),
                  isApproximate: false, k: k, neighbourRecall: 1, sampleSize: 0)
    }

    /// One figure with how it was found: `coverage 0.1420 ± 0.0030, approximate kNN, recall@5 0.991 on 20000 points`
    /// or `coverage 0.1420, exact kNN`.
    public func describe(_ name: String, _ value: Double, error: Double) -> String {
        let figure = String(format: "%.4f", value)
        guard isApproximate else { return "\(name) \(figure), exact kNN" }
        return "\(name) \(figure) ± \(String(format: "%.4f", error)), approximate kNN, recall@\(k) "
            + "\(String(format: "%.3f", neighbourRecall)) on \(sampleSize) points"
    }

    /// The four figures, one line each, in the order precision, recall, density, coverage.
    public var lines: [String] {
        [describe("precision", metrics.precision, error: errors.precision),
         describe("recall", metrics.recall, error: errors.recall),
         describe("density", metrics.density, error: errors.density),
         describe("coverage", metrics.coverage, error: errors.coverage)]
    }
}

extension CoverageMetrics {
    /// The metrics of `compute`, exactly when neither set has more than `limit` points; above it from
    /// approximate neighbours (`ApproximateCoverage`), with errors measured against exhaustive search on
    /// `sampleSize` points of each set. Seeded: the same input and seed give the same estimate.
    /// - Throws: `SoundSpaceError` as `compute` does.
    public static func estimate(reference: Matrix, candidate: Matrix, k: Int, exactUpTo limit: Int = NearestNeighbors.exactLimit,
                                sampleSize: Int = 20_000, seed: UInt64 = 0) throws -> CoverageEstimate {
        if reference.rows <= limit && candidate.rows <= limit {
            return CoverageEstimate(exact: try compute(reference: reference, candidate: candidate, k: k), k: k)
        }
        guard k >= 1 else { throw SoundSpaceError("k must be at least 1 (got [\(k)])") }
        guard reference.rows > k, candidate.rows > k else {
            throw SoundSpaceError("need more than k = \(k) points in each set (reference \(reference.rows), candidate \(candidate.rows))")
        }
        guard reference.columns == candidate.columns, reference.columns > 0 else {
            throw SoundSpaceError("dimension mismatch: reference has \(reference.columns), candidate \(candidate.columns)")
        }
        return try ApproximateCoverage(reference: reference, candidate: candidate, k: k, limit: limit,
                                       sampleSize: Swift.max(1, sampleSize), seed: seed).estimate()
    }
}
