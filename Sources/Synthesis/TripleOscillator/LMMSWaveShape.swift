// The eight wave shapes of LMMS 1.2.2's Oscillator (include/Oscillator.h), sample by sample, as LMMS computes
// them: naive (not band-limited) shapes on a phase in cycles, with LMMS's truncating `fraction`.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// LMMS `Oscillator::WaveShapes`, in file order (the `wavetype` index of a preset).
public enum LMMSWaveShape: Int, Sendable, CaseIterable {
    case sine = 0, triangle, saw, square, moogSaw, exponential, whiteNoise, userWave
}

/// LMMS's `fraction(x) = x - (int)x`: truncates toward zero, so a negative phase gives a negative
/// fraction. Kept exactly, because frequency modulation can drive the phase below zero and the shapes
/// then leave -1...1 the way LMMS's do.
/// Beyond 2^23 a Float has no fractional part (and NaN gives 0), so the integer conversion never traps; it is
/// a single instruction where `rounded(.towardZero)` may be a libm call on baseline x86-64.
@inline(__always) func lmmsFraction(_ x: Float) -> Float {
    abs(x) < 8_388_608 ? x - Float(Int32(x)) : 0
}

/// LMMS's `absFraction(x)`: the fraction in 0..<1 for any sign.
@inline(__always) func lmmsAbsFraction(_ x: Float) -> Float {
    guard abs(x) < 8_388_608 else { return 0 }
    let truncated = Float(Int32(x))
    return x - (truncated > x ? truncated - 1 : truncated)
}

enum LMMSWave {
    @inline(__always) static func sine(_ phase: Float) -> Float { sinf(phase * 6.28318530717958647692) }

    @inline(__always) static func triangle(_ phase: Float) -> Float {
        let ph = lmmsFraction(phase)
        if ph <= 0.25 { return ph * 4 }
        if ph <= 0.75 { return 2 - ph * 4 }
        return ph * 4 - 4
    }

    @inline(__always) static func saw(_ phase: Float) -> Float { -1 + lmmsFraction(phase) * 2 }

    @inline(__always) static func square(_ phase: Float) -> Float { lmmsFraction(phase) > 0.5 ? -1 : 1 }

    @inline(__always) static func moogSaw(_ phase: Float) -> Float {
        let ph = lmmsFraction(phase)
        if ph < 0.5 { return -1 + ph * 4 }
        return 1 - 2 * ph
    }

    @inline(__always) static func exponential(_ phase: Float) -> Float {
        var ph = lmmsFraction(phase)
        if ph > 0.5 { ph = 1 - ph }
        return -1 + 8 * ph * ph
    }
}
