// The seeded random source standing in for LMMS's global `fast_rand()` (include/lmms_math.h): the same
// linear congruential step and output range, but owned by one render and seeded, so a patch plus a seed
// gives the same noise on every run.

/// LMMS's `fast_rand` generator: `next = next * 1103515245 + 12345`, output `(next / 65536) % 32768`.
struct LMMSRandom {
    private var state: UInt64

    init(seed: UInt64) {
        // Mix the seed so that nearby seeds do not start on nearby states.
        var z = seed &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        state = z ^ (z >> 31)
    }

    /// 0...32767, as `fast_rand()`.
    @inline(__always) mutating func next() -> Int {
        state = state &* 1_103_515_245 &+ 12345
        return Int((state / 65536) % 32768)
    }

    /// White noise in -1...1 as `Oscillator::noiseSample`: `1 - fast_rand() * 2 / FAST_RAND_MAX`.
    @inline(__always) mutating func noiseSample() -> Float {
        1 - Float(next()) * 2 / 32767
    }

    /// 0..<1 for the arpeggiator's skip/miss/random choices (LMMS uses `rand() / (RAND_MAX + 1)`).
    @inline(__always) mutating func unit() -> Float {
        Float(next()) / 32768
    }
}
