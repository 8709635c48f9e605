// Precision/recall/density/coverage reproduce the prdc reference values exactly and hand-computable tiny cases.
import Foundation
import Testing
@testable import SoundSpace

@Suite struct CoverageMetricsTests {
    // Needs ../shared/fixtures/prdc (outside the package); skipped with this message when absent.
    @Test(.enabled(if: TestData.prdcFixtureExists, "../shared/fixtures/prdc absent: prdc cross-check skipped"))
    func reproducesPrdcPackage() throws {
        let folder = TestData.sharedDirectory.appendingPathComponent("fixtures/prdc")
        let real = try MatrixFile.read(folder.appendingPathComponent("real.csv"))
        let fake = try MatrixFile.read(folder.appendingPathComponent("fake.csv"))
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("expected.json"))) as? [String: Any]
        let results = try #require(json?["results"] as? [String: [String: Double]])
        let ks = [3, 5, 10]
        let all = try CoverageMetrics.compute(reference: real, candidate: fake, ks: ks)
        for (k, metrics) in zip(ks, all) {
            let expected = try #require(results["k=\(k)"])
            // Ratios of counts: equal to the last bit once counted the same way.
            #expect(metrics.precision == expected["precision"], "k = \(k)")
            #expect(metrics.recall == expected["recall"], "k = \(k)")
            #expect(metrics.density == expected["density"], "k = \(k)")
            #expect(metrics.coverage == expected["coverage"], "k = \(k)")
        }
    }

    @Test func tinyCaseByHand() throws {
        // Reference on a line at 0, 1, 2, 3 with k = 1: every radius is 1 (open balls).
        // Candidates at 0.5, 10, 11: 0.5 is strictly inside the balls of 0 and 1 -> precision 1/3,
        // density (2 balls) / (k·M = 3) = 2/3, coverage: balls of 0 and 1 hold a candidate -> 2/4.
        // Candidate radii (k = 1): 0.5 -> 9.5, 10 -> 1, 11 -> 1; reference points within 9.5 of 0.5: all -> recall 1.
        let reference = try Matrix([[0], [1], [2], [3]])
        let candidate = try Matrix([[0.5], [10], [11]])
        let metrics = try CoverageMetrics.compute(reference: reference, candidate: candidate, k: 1)
        #expect(metrics.precision == 1.0 / 3.0)
        #expect(metrics.density == 2.0 / 3.0)
        #expect(metrics.coverage == 0.5)
        #expect(metrics.recall == 1.0)
    }

    @Test func identicalSetsAreFullyCovered() throws {
        let points = TestData.gaussian(rows: 300, columns: 6, seed: 11)
        let shifted = try Matrix(rows: 300, columns: 6, values: points.values.map { $0 + 1000 })
        let same = try CoverageMetrics.compute(reference: points, candidate: points, k: 5)
        #expect(same.precision == 1 && same.recall == 1 && same.coverage == 1)
        let far = try CoverageMetrics.compute(reference: points, candidate: shifted, k: 5)
        #expect(far.precision == 0 && far.recall == 0 && far.coverage == 0 && far.density == 0)
        // Several k in one pass give what each k gives alone.
        let other = TestData.gaussian(rows: 250, columns: 6, seed: 12, offset: 0.3)
        let together = try CoverageMetrics.compute(reference: points, candidate: other, ks: [2, 7])
        #expect(together == [try CoverageMetrics.compute(reference: points, candidate: other, k: 2),
                             try CoverageMetrics.compute(reference: points, candidate: other, k: 7)])
    }

    /// Reference sets whose 64-row blocks do not split evenly over the work chunks leave the last chunks
    /// empty (566 rows: 9 blocks in chunks of 2 on 2 cores; 1,050 rows: 17 blocks on 4 cores). An empty
    /// chunk used to form a row range past the end and stop the process (seen on 2,048 random DX7 settings
    /// plus the ROMs). Identical sets must come out fully covered.
    @Test(arguments: [566, 1_050])
    func referenceSizesThatLeaveEmptyChunks(rows: Int) throws {
        let points = TestData.gaussian(rows: rows, columns: 4, seed: 5)
        let same = try CoverageMetrics.compute(reference: points, candidate: points, k: 5)
        #expect(same.precision == 1 && same.recall == 1 && same.coverage == 1)
    }

    @Test func badArgumentsThrowInsteadOfTrapping() throws {
        let a = try Matrix([[0, 0], [1, 1], [2, 2]])
        #expect(throws: SoundSpaceError.self) { try CoverageMetrics.compute(reference: a, candidate: a, k: 3) }
        #expect(throws: SoundSpaceError.self) { try CoverageMetrics.compute(reference: a, candidate: a, k: 0) }
        #expect(throws: SoundSpaceError.self) { try CoverageMetrics.compute(reference: a, candidate: try Matrix([[0], [1], [2]]), k: 1) }
    }
}
