// The patch-as-class discriminant: renders of one patch that differ a lot (a note, a level) end up
// together, different patches stay apart, and the same renders always give the same transform.
import Foundation
import Testing
@testable import SoundSpace

@Suite struct InvarianceTransformTests {
    /// 10 patches at x = 0...9 (a small wobble in x per render), each heard 3 ways that move y by -5, 0, +5:
    /// in the raw plane a render's nearest other render is another patch at the same y (1 away, not 5).
    static func renders() -> (Matrix, [Int]) {
        var rows: [[Float]] = [], patches: [Int] = []
        for p in 0..<10 {
            for (k, y) in [Float(-5), 0, 5].enumerated() {
                rows.append([Float(p) + 0.05 * Float(k - 1), y])
                patches.append(p)
            }
        }
        return (Matrix(checkedRows: rows.count, columns: 2, values: rows.flatMap { $0 }), patches)
    }

    static func nearestIsSamePatch(_ m: Matrix, _ patches: [Int]) -> Double {
        var hits = 0
        for i in 0..<m.rows {
            var best = -1, bestDistance = Float.infinity
            for j in 0..<m.rows where j != i {
                let d = zip(m.row(i), m.row(j)).reduce(Float(0)) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
                if d < bestDistance { bestDistance = d; best = j }
            }
            hits += patches[best] == patches[i] ? 1 : 0
        }
        return Double(hits) / Double(m.rows)
    }

    @Test func rendersOfOnePatchComeTogether() throws {
        let (m, patches) = Self.renders()
        #expect(Self.nearestIsSamePatch(m, patches) == 0)
        // The discriminant alone (step 0 would turn x and y into levels, and the coefficients below are raw-space facts).
        let t = try InvarianceTransform.fit(m, patches: patches, components: 1, regularisation: 0.01, quantileNormalised: false)
        let mapped = t.apply(m)
        #expect(mapped.columns == 1)
        #expect(Self.nearestIsSamePatch(mapped, patches) == 1)
        // The kept direction is x: between-patch variance (8.25 in x) far above within (~0.002 in x).
        #expect(t.ratios[0] > 100)
        #expect(abs(t.projection[1]) < 0.05 * abs(t.projection[0]))
    }

    @Test func theSameRendersGiveTheSameTransform() throws {
        let (m, patches) = Self.renders()
        let a = try InvarianceTransform.fit(m, patches: patches, components: 2)
        let b = try InvarianceTransform.fit(m, patches: patches, components: 2)
        #expect(a == b)
        #expect(a.components == 2 && a.dimension == 2)
    }

    @Test func onePatchIsRefused() {
        #expect(throws: SoundSpaceError.self) {
            try InvarianceTransform.fit(Matrix([[0, 1], [1, 0]]), patches: [3, 3], components: 1)
        }
    }

    /// A row of weight 2 counts as that row twice (how an atlas weights each synth equally in one fit).
    @Test func aWeightOfTwoIsTheRowTwice() throws {
        let (m, patches) = Self.renders()
        var doubled = (0..<m.rows).map { m.row($0) }, doubledPatches = patches
        doubled.append(m.row(4))
        doubledPatches.append(patches[4])
        let repeated = try InvarianceTransform.fit(Matrix(checkedRows: doubled.count, columns: 2, values: doubled.flatMap { $0 }),
                                                   patches: doubledPatches, components: 2)
        var weights = [Double](repeating: 1, count: m.rows)
        weights[4] = 2
        let weighted = try InvarianceTransform.fit(m, patches: patches, weights: weights, components: 2)
        for (a, b) in zip(repeated.means + repeated.deviations + repeated.ratios, weighted.means + weighted.deviations + weighted.ratios) {
            #expect(abs(a - b) < 1e-9 * max(1, abs(a)))
        }
        // Projection rows agree up to the sign an eigenvector may take.
        for k in 0..<2 {
            let a = repeated.projection[(2 * k)..<(2 * k + 2)], b = weighted.projection[(2 * k)..<(2 * k + 2)]
            let sign = zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } < 0 ? -1.0 : 1.0
            #expect(zip(a, b).allSatisfy { abs($0 - sign * $1) < 1e-6 * max(1, abs($0)) })
        }
        // Unit weights are no weights; a weight of 0 is refused.
        #expect(try InvarianceTransform.fit(m, patches: patches, weights: [Double](repeating: 1, count: m.rows), components: 2)
                == InvarianceTransform.fit(m, patches: patches, components: 2))
        weights[4] = 0
        #expect(throws: SoundSpaceError.self) { try InvarianceTransform.fit(m, patches: patches, weights: weights, components: 2) }
    }

    /// With step 0 only each dimension's order counts: squaring a positive dimension or stretching one
    /// render far out changes nothing for the others.
    @Test func levelsMakeTheTransformBlindToUnitsAndSkew() throws {
        let (m, patches) = Self.renders()
        let t = try InvarianceTransform.fit(m, patches: patches, components: 2)
        var skewed = (0..<m.rows).map { m.row($0) }
        for i in skewed.indices { skewed[i][0] = exp(skewed[i][0]) }   // monotone: same order
        let u = try InvarianceTransform.fit(Matrix(checkedRows: m.rows, columns: 2, values: skewed.flatMap { $0 }),
                                            patches: patches, components: 2)
        for i in 0..<m.rows {
            for (a, b) in zip(t.apply(m.row(i)), u.apply(skewed[i])) { #expect(abs(a - b) < 1e-4, "row \(i): \(a) vs \(b)") }
        }
        #expect(t.quantiles != nil)
        // Without step 0 the exponential reorders the distances (patch 9 is e^9 away from patch 0).
        let raw = try InvarianceTransform.fit(Matrix(checkedRows: m.rows, columns: 2, values: skewed.flatMap { $0 }),
                                              patches: patches, components: 2, quantileNormalised: false)
        #expect(zip(t.apply(m.row(0)), raw.apply(skewed[0])).contains { abs($0 - $1) > 0.1 })
    }
}
