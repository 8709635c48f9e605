// One target of LMMS 1.2.2 Monstro's modulation matrix and the three ways Monstro.cpp applies it (its macros
// modulatefreq, modulateabs/modulatephs and modulatevol), with each source skipped when its amount is 0 as there.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The four sources' values at one frame.
struct MonstroModulatorValues {
    var env1: Float, env2: Float, lfo1: Float, lfo2: Float
}

/// A target's amounts as renderOutput scales them (pitch doubles the envelopes' amounts; phase, pulse width and
/// sub halve the LFOs').
struct MonstroRoute {
    let env1: Float, env2: Float, lfo1: Float, lfo2: Float
    /// Whether any amount is non-zero (LMMS skips the target otherwise, clamps included).
    let isActive: Bool

    init(_ r: MonstroSettings.Route, envelopeScale: Float = 1, lfoScale: Float = 1) {
        env1 = r.env1 * envelopeScale
        env2 = r.env2 * envelopeScale
        lfo1 = r.lfo1 * lfoScale
        lfo2 = r.lfo2 * lfoScale
        isActive = env1 != 0 || env2 != 0 || lfo1 != 0 || lfo2 != 0
    }

    /// modulateabs / modulatephs: the weighted sources added.
    @inline(__always) func added(to x: Float, _ m: MonstroModulatorValues) -> Float {
        var result = x
        if env1 != 0 { result += m.env1 * env1 }
        if env2 != 0 { result += m.env2 * env2 }
        if lfo1 != 0 { result += m.lfo1 * lfo1 }
        if lfo2 != 0 { result += m.lfo2 * lfo2 }
        return result
    }

    /// modulatefreq: the frequency times 2^(weighted sources), kept in 18...48000 Hz.
    @inline(__always) func frequency(_ hz: Float, _ m: MonstroModulatorValues) -> Float {
        min(max(hz * powf(2, added(to: 0, m)), 18), 48000)
    }

    /// modulatevol: an envelope with a positive amount scales between 1 - amount and 1, a negative one between 1
    /// and 1 + amount; an LFO scales by 1 + amount * LFO; the result is kept in -2...2 (MODCLIP).
    @inline(__always) func volume(_ x: Float, _ m: MonstroModulatorValues) -> Float {
        var result = x
        if env1 > 0 { result *= 1 - env1 + env1 * m.env1 }
        if env1 < 0 { result *= 1 + env1 * m.env1 }
        if env2 > 0 { result *= 1 - env2 + env2 * m.env2 }
        if env2 < 0 { result *= 1 + env2 * m.env2 }
        if lfo1 != 0 { result *= 1 + lfo1 * m.lfo1 }
        if lfo2 != 0 { result *= 1 + lfo2 * m.lfo2 }
        return min(max(result, -2), 2)
    }
}
