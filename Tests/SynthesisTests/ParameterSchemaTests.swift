// The schema's value mappings: clamping, normalisation round trips, defaults.
import Testing
@testable import Synthesis

@Suite struct ParameterSchemaTests {
    let cutoff = ParameterSpec(id: "cutoff", label: "Cutoff", minimum: 20, maximum: 20_000, defaultValue: 1000,
                               scale: .log, unit: "Hz")
    let wave = ParameterSpec(id: "wave", label: "Wave", minimum: 0, maximum: 6, defaultValue: 0, scale: .enum)

    @Test func logScaleMidpointIsGeometricMean() {
        #expect(abs(cutoff.value(atNormalised: 0.5) - (20.0 * 20_000).squareRoot()) < 1e-6)
        #expect(abs(cutoff.normalised(cutoff.value(atNormalised: 0.3)) - 0.3) < 1e-12)
    }

    @Test func nanBecomesDefaultAndInfinitiesClamp() {
        #expect(cutoff.clamped(.nan) == 1000)
        #expect(cutoff.clamped(.infinity) == 20_000)
        #expect(cutoff.clamped(-5) == 20)
    }

    @Test func enumStepsAreEquallyLikely() {
        var counts = [Int](repeating: 0, count: 7)
        for i in 0..<7000 { counts[Int(wave.value(atNormalised: (Double(i) + 0.5) / 7000))] += 1 }
        #expect(counts.allSatisfy { $0 == 1000 })
        #expect(wave.value(atNormalised: 1) == 6)
    }
}
