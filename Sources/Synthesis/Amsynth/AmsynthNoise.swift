// amsynth's noise: one linear congruential generator shared by every noise and sample-and-hold
// source of the plugin (Oscillator.cpp randf), seeded 22222 when the plugin is loaded.

/// r = r · 196314165 + 907633515 on 64 bits; output (float)r · 2/ULONG_MAX − 1, in [−1, 1].
struct AmsynthNoise {
    private(set) var state: UInt64

    /// amsynth's own state at load time is 22222: seed 1 (the default) gives exactly that, the
    /// sequence the reference renders (each the first note of a fresh process) drew from; other
    /// seeds start the same generator elsewhere.
    init(seed: UInt64) {
        state = 22_222 &+ (seed &- 1) &* 0x9E37_79B9_7F4A_7C15
    }

    @inline(__always) mutating func next() -> Float {
        state = state &* 196_314_165 &+ 907_633_515
        // 2 / (float)ULONG_MAX rounds to exactly 2^-63.
        return Float(state) * 0x1p-63 - 1
    }
}
