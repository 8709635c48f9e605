// The Vendi score against closed forms: 1 for copies, n for points far apart, and the two-point case.
import Foundation
import SoundSpace
import Testing

@Suite struct VendiScoreTests {
    @Test func copiesOfOnePointScoreOne() throws {
        let copies = try Matrix(rows: 5, columns: 3, values: [Float](repeating: 0.7, count: 15))
        let result = VendiScore.gaussian(copies, bandwidth: 1)
        #expect(abs(result.score - 1) < 1e-9)
        #expect(result.rowsUsed == 5)
    }

    @Test func pointsFarApartScoreTheirCount() throws {
        // Four corners 100 bandwidths apart: the kernel is the identity to Double precision.
        let corners = try Matrix([[0, 0], [100, 0], [0, 100], [100, 100]])
        #expect(abs(VendiScore.gaussian(corners, bandwidth: 1).score - 4) < 1e-9)
    }

    @Test func twoPointsMatchTheClosedForm() throws {
        // K = [[1, a], [a, 1]]; K/2 has eigenvalues (1 ± a)/2; VS = exp(-Σ p log p).
        let distance = 1.3, bandwidth = 0.9
        let a = exp(-distance * distance / (2 * bandwidth * bandwidth))
        let p = (1 + a) / 2, q = (1 - a) / 2
        let expected = exp(-(p * log(p) + q * log(q)))
        let points = try Matrix([[0, 0], [Float(distance), 0]])
        #expect(abs(VendiScore.gaussian(points, bandwidth: bandwidth).score - expected) < 1e-6)
    }

    @Test func aClusterAndAnOutlierCountAsAboutTwo() throws {
        // Ten copies of one sound and one other sound: between 1 and 2 distinct sounds, nearer 1.
        let points = try Matrix([[Float]](repeating: [0, 0], count: 10) + [[50, 50]])
        let score = VendiScore.gaussian(points, bandwidth: 1).score
        let p = 10.0 / 11, q = 1.0 / 11
        #expect(abs(score - exp(-(p * log(p) + q * log(q)))) < 1e-9)
    }

    @Test func largeSetsAreSubsampledAndSaySo() throws {
        var generator = SeededGenerator(seed: 3)
        let rows = (0..<70).map { _ in [Float.random(in: 0...1, using: &generator)] }
        let result = VendiScore.gaussian(try Matrix(rows), bandwidth: 0.1, seed: 9, largestSet: 40)
        #expect(result.rowsUsed == 40)
        #expect(result.score > 1 && result.score < 40)
        // The same seed picks the same rows.
        #expect(VendiScore.gaussian(try Matrix(rows), bandwidth: 0.1, seed: 9, largestSet: 40).score == result.score)
    }

    @Test func medianPairwiseDistanceOfALine() throws {
        // Points 0, 1, 2, 3: pairwise distances 1,1,1,2,2,3 -> median (upper) 2.
        #expect(VendiScore.medianPairwiseDistance(try Matrix([[0], [1], [2], [3]])) == 2)
    }
}
