// LMMS 1.2.2's `fast_rand` (include/lmms_math.h) as an instrument plugin sees it: a function-local static in a
// header, so each plugin library (Kicker, LB302, Monstro) has its own copy, starting at 1 when LMMS starts. A render
// plays in a fresh LMMS process, so the noise repeats from render to render.

/// next = next * 1103515245 + 12345 (unsigned long), seed 1.
struct LMMSPluginNoise {
    private var next: UInt64 = 1

    /// Oscillator::noiseSample: 1 - fast_rand() * 2 / 32767.
    @inline(__always) mutating func sample() -> Float {
        next = next &* 1_103_515_245 &+ 12345
        return 1 - Float(Int((next / 65536) % 32768)) * 2 / 32767
    }
}
