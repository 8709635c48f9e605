// The one standardisation (EmbeddingStatistics): z-scores checked against values worked out by hand and
// against a plain two-pass mean/deviation computed here, not by the type under test.
import Foundation
import Testing
@testable import Features

@Suite struct EmbeddingStatisticsTests {
    /// Three rows: a column 1, 2, 3 (mean 2, population deviation sqrt(2/3)), a constant column and a
    /// column 1e6 + 0, 2, 4 (deviation 2 sqrt(2/3), all exact in Float). Both varying columns z-score to
    /// -sqrt(3/2), 0, +sqrt(3/2); the constant one to 0.
    @Test func zScoresMatchHandWorkedValues() throws {
        let rows: [[Float]] = [[1, 10, 1_000_000], [2, 10, 1_000_002], [3, 10, 1_000_004]]
        let statistics = try EmbeddingStatistics(rows, dimensions: 3)
        let z = statistics.standardisedRows(rows)
        let edge = Float((1.5).squareRoot())
        let expected: [Float] = [-edge, 0, -edge, 0, 0, 0, edge, 0, edge]
        for (got, want) in zip(z, expected) { #expect(abs(got - want) < 1e-5, "\(z)") }
        #expect(abs(statistics.mean[2] - 1_000_002) < 1e-6)
        let deviation = statistics.standardDeviation
        #expect(abs(deviation[0] - (2.0 / 3).squareRoot()) < 1e-12)
        #expect(deviation[1] == 0, "a constant column has no deviation")
        #expect(abs(deviation[2] - 2 * (2.0 / 3).squareRoot()) < 1e-9)
    }

    /// 500 seeded rows of 6 columns on very different scales against a two-pass computation in Double.
    @Test func agreesWithTwoPassComputation() throws {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func uniform() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        let scales: [Double] = [1e-3, 1, 440, 1e4, -7, 3e5]
        let rows = (0..<500).map { _ in scales.map { Float($0 * (1 + uniform())) } }
        let statistics = try EmbeddingStatistics(rows, dimensions: scales.count)
        let z = statistics.standardisedRows(rows)
        for column in scales.indices {
            let values = rows.map { Double($0[column]) }
            let mean = values.reduce(0, +) / Double(values.count)
            let deviation = (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count)).squareRoot()
            #expect(abs(statistics.mean[column] - mean) <= 1e-9 * abs(mean))
            #expect(abs(statistics.standardDeviation[column] - deviation) <= 1e-9 * deviation)
            for row in [0, 17, 499] {
                let want = (values[row] - mean) / deviation
                #expect(abs(Double(z[row * scales.count + column]) - want) < 1e-5)
            }
        }
    }

    /// Written and read back, the statistics standardise a new vector the same way; a column that was
    /// constant stays 0 whatever the new value.
    @Test func csvRoundTripKeepsTheRule() throws {
        var statistics = EmbeddingStatistics(names: ["a", "b"])
        for row: [Float] in [[1, 5], [3, 5]] { try statistics.add(row) }
        let read = try EmbeddingStatistics.parse(csv: statistics.csv(), name: "stats.csv")
        #expect(read.names == ["a", "b"])
        // Column a: mean 2, deviation 1, so 4 is +2; column b never varied.
        #expect(read.standardised([4, 9]) == [2, 0])
        #expect(statistics.standardised([4, 9]) == [2, 0])
    }

    /// A vector of the wrong length is one error line, and the statistics keep what they had.
    @Test func vectorOfAnotherLengthIsRefusedAndChangesNothing() throws {
        var statistics = EmbeddingStatistics(names: ["a", "b"])
        try statistics.add([1, 5])
        #expect { try statistics.add([1, 2, 3]) }
            throws: { ($0 as? EmbeddingError)?.description == "statistics of 2 dimensions given a vector of 3" }
        #expect(statistics.count == 1)
        #expect(statistics.mean == [1, 5])
    }

    @Test func negativeDeviationInCSVIsOneLine() {
        #expect { try EmbeddingStatistics.parse(csv: "name,mean,std\na,1,-2\n", name: "s.csv") }
            throws: { ($0 as? EmbeddingError)?.description == "s.csv: line 2 is not name,mean,std with finite values and std >= 0" }
    }
}
