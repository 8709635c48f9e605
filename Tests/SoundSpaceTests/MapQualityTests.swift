// Trustworthiness and continuity against a case worked by hand and against the obvious extremes.
import Testing
@testable import SoundSpace

@Suite struct MapQualityTests {
    @Test func handWorkedCase() throws {
        // Full space: a line at 0, 1, 3, 6, 10, 15 (distinct gaps, no ties). The map moves point 5 to 0.4.
        // k = 1. Map intruders: p0 gets p5 (full-space rank 5), p1 gets p5 (rank 5), p5 gets p0 (rank 5):
        // Σ(r − k) = 12, T = 1 − 2/(6·1·(12 − 3 − 1))·12 = 0.5.
        // Missing neighbours: p0 loses p1 (map rank 2), p1 loses p0 (map rank 2), p5 loses p4 (map rank 5):
        // Σ(r − k) = 1 + 1 + 4 = 6, C = 1 − 12/48 = 0.75.
        let full = try Matrix([[0], [1], [3], [6], [10], [15]])
        let map = try Matrix([[0], [1], [3], [6], [10], [0.4]])
        let quality = try MapQuality.measure(points: full, map: map, k: 1)
        #expect(abs(quality.trustworthiness - 0.5) < 1e-12)
        #expect(abs(quality.continuity - 0.75) < 1e-12)
    }

    @Test func identityMapIsPerfect() throws {
        let points = TestData.gaussian(rows: 150, columns: 2, seed: 3)
        let quality = try MapQuality.measure(points: points, map: points, k: 10)
        #expect(quality.trustworthiness == 1 && quality.continuity == 1)
    }

    @Test func shuffledMapIsNearChance() throws {
        // A map unrelated to the data: trustworthiness of a random map is about 0.5 (Venna & Kaski 2001).
        let points = TestData.gaussian(rows: 400, columns: 8, seed: 4)
        let unrelated = TestData.gaussian(rows: 400, columns: 2, seed: 5)
        let quality = try MapQuality.measure(points: points, map: unrelated, k: 10)
        #expect(quality.trustworthiness > 0.4 && quality.trustworthiness < 0.6)
        #expect(quality.continuity > 0.4 && quality.continuity < 0.6)
    }

    @Test func rejectsMismatchedAndTooLargeK() throws {
        let points = TestData.gaussian(rows: 10, columns: 3, seed: 1)
        #expect(throws: SoundSpaceError.self) { try MapQuality.measure(points: points, map: try Matrix([[0, 0]]), k: 2) }
        #expect(throws: SoundSpaceError.self) { try MapQuality.measure(points: points, map: points, k: 7) }
    }
}
