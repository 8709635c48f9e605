// A small seeded random generator (xoshiro256**, seeded through SplitMix64) so every SoundSpace result is reproducible.

/// xoshiro256** (Blackman & Vigna 2018, "Scrambled linear pseudorandom number generators"), its 256-bit
/// state filled from one 64-bit seed by SplitMix64 as the authors recommend. Same seed, same stream, on
/// every platform. Not cryptographic. Each call is O(1).
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: (UInt64, UInt64, UInt64, UInt64)

    public init(seed: UInt64) {
        var splitMix = seed
        func nextSplitMix() -> UInt64 {
            // SplitMix64 constants from Steele, Lea & Flood 2014.
            splitMix &+= 0x9E37_79B9_7F4A_7C15
            var z = splitMix
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        state = (nextSplitMix(), nextSplitMix(), nextSplitMix(), nextSplitMix())
    }

    public mutating func next() -> UInt64 {
        let result = rotateLeft(state.1 &* 5, 7) &* 9
        let shifted = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= shifted
        state.3 = rotateLeft(state.3, 45)
        return result
    }

    /// Uniform in [0, 1) with 53 random bits.
    public mutating func nextUnitDouble() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// Standard normal deviate (Box-Muller; one of the pair is discarded to keep the generator stateless beyond its seed stream).
    public mutating func nextGaussian() -> Double {
        let u1 = Swift.max(nextUnitDouble(), 0x1.0p-60)
        let u2 = nextUnitDouble()
        return (-2 * _log(u1)).squareRoot() * _cos(2 * Double.pi * u2)
    }

    /// Uniform integer in 0..<upperBound (upperBound > 0), by Lemire's unbiased multiply-shift.
    public mutating func nextIndex(below upperBound: Int) -> Int {
        Int(truncatingIfNeeded: next(upperBound: UInt64(upperBound)))
    }

    private func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
}
