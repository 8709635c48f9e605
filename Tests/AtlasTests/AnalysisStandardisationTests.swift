// The atlas's analysis z-scores embeddings by the same rule as `embed`; checked on values worked out by hand.
import Foundation
import Testing
@testable import Atlas
import SoundSpace

@Suite struct AnalysisStandardisationTests {
    /// Columns 1, 2, 3 (mean 2, population deviation sqrt(2/3), so z = -sqrt(3/2), 0, sqrt(3/2)) and 10, 10, 10
    /// (constant: z = 0, deviation stored as 0, which `explore` reads back as "constant").
    @Test func standardiseMatchesHandWorkedValues() throws {
        let (z, means, deviations) = try AnalysisStage.standardise([[1, 10], [2, 10], [3, 10]], dimension: 2)
        let edge = Float((1.5).squareRoot())
        #expect(z.rows == 3 && z.columns == 2)
        for (got, want) in zip(z.values, [-edge, 0, 0, 0, edge, 0] as [Float]) { #expect(abs(got - want) < 1e-5, "\(z.values)") }
        #expect(means == [2, 10])
        #expect(abs(deviations[0] - Float((2.0 / 3).squareRoot())) < 1e-6 && deviations[1] == 0)
    }

    /// Rows of different lengths are one error line, not a crash.
    @Test func rowsOfDifferentLengthsAreOneLine() {
        #expect(throws: (any Error).self) { try AnalysisStage.standardise([[1, 2], [3]], dimension: 2) }
    }
}
