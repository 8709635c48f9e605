// Int(saturating:): the numbers that make Swift's Int(Double) trap come back bounded.
import Testing
import Synthesis

@Suite struct SaturatingConversionTests {
    @Test func finiteValuesTruncateTowardZeroLikeInt() {
        #expect(Int(saturating: 7.9) == 7)
        #expect(Int(saturating: -7.9) == -7)
        #expect(Int(saturating: 0) == 0)
    }

    @Test func valuesBeyondIntSaturate() {
        #expect(Int(saturating: .infinity) == Int.max)
        #expect(Int(saturating: -.infinity) == Int.min)
        #expect(Int(saturating: 1e308) == Int.max)
        #expect(Int(saturating: 99999999999999999999) == Int.max)
        #expect(Int(saturating: -1e19) == Int.min)
        // 2^63 is the first Double that does not fit; the largest one below it does.
        #expect(Int(saturating: 0x1p63) == Int.max)
        #expect(Int(saturating: 0x1p63.nextDown) == 0x7FFF_FFFF_FFFF_FC00)
        #expect(Int(saturating: -0x1p63) == Int.min)
    }

    @Test func nanBecomesTheGivenFallback() {
        #expect(Int(saturating: .nan) == 0)
        #expect(Int(saturating: .nan, nan: -1) == -1)
    }
}
