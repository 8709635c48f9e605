// Coverage that does not swing with a hidden choice. PRDC's coverage and recall depend on how many random
// settings the presets are compared against (k-NN balls shrink as the reference grows: 0.547 against 300
// random DX7 settings, 0.142 against 4,096). Here both sides have the same size: the audible random
// settings and the presets, the larger side subsampled, over several seeded draws whose spread is
// reported as an interval beside the median.
import SoundSpace
import Synthesis

struct BalancedCoverage: Equatable {
    /// Points on each side of every draw.
    var size: Int
    /// Median over the draws, and the 5th and 95th percentiles.
    var coverage: Double, coverageLow: Double, coverageHigh: Double
    var recall: Double, recallLow: Double, recallHigh: Double

    static let draws = 20

    /// - Parameters: presets and audible random settings, rows of the standardised embedding.
    static func measure(presets: Matrix, audibleRandom: Matrix, k: Int,
                        seed: UInt64) throws -> BalancedCoverage? {
        let size = min(presets.rows, audibleRandom.rows)
        guard size > k else { return nil }
        // Equal sizes already: one draw is the whole data, so there is no spread to report.
        let draws = presets.rows == audibleRandom.rows ? 1 : Self.draws
        var generator = SplitMix64(seed: seed ^ 0xC0FE_C0FE)
        var coverages: [Double] = [], recalls: [Double] = []
        for _ in 0..<draws {
            let fake = subsample(presets, to: size, using: &generator)
            let real = subsample(audibleRandom, to: size, using: &generator)
            let prdc = try CoverageMetrics.compute(reference: real, candidate: fake, k: k)
            coverages.append(prdc.coverage)
            recalls.append(prdc.recall)
        }
        let (c, r) = (coverages.sorted(), recalls.sorted())
        return BalancedCoverage(size: size, coverage: quantile(c, 0.5), coverageLow: quantile(c, 0.05),
                                coverageHigh: quantile(c, 0.95), recall: quantile(r, 0.5), recallLow: quantile(r, 0.05),
                                recallHigh: quantile(r, 0.95))
    }

    /// The metric rows stored for one synth (names read by the report).
    func metrics(scope: String) -> [(scope: String, name: String, value: Double)] {
        [(scope, "balanced.size", Double(size)),
         (scope, "balanced.coverage", coverage), (scope, "balanced.coverage.low", coverageLow),
         (scope, "balanced.coverage.high", coverageHigh),
         (scope, "balanced.recall", recall), (scope, "balanced.recall.low", recallLow),
         (scope, "balanced.recall.high", recallHigh)]
    }

    /// `count` rows drawn without replacement (all rows, in order, when there are no more).
    static func subsample(_ m: Matrix, to count: Int, using generator: inout SplitMix64) -> Matrix {
        guard count < m.rows else { return m }
        var indices = Array(0..<m.rows)
        for i in 0..<count {   // partial Fisher-Yates
            let j = i + Int(generator.next() % UInt64(m.rows - i))
            indices.swapAt(i, j)
        }
        return m.selecting(rows: Array(indices.prefix(count)).sorted())
    }

    /// Linear-interpolated quantile of sorted values.
    static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        guard sorted.count > 1 else { return sorted.first ?? .nan }
        let position = q * Double(sorted.count - 1), lower = Int(position)
        let upper = min(lower + 1, sorted.count - 1), t = position - Double(lower)
        return sorted[lower] * (1 - t) + sorted[upper] * t
    }
}
