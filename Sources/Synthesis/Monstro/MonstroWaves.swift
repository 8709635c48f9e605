// LMMS 1.2.2 Monstro's oscillator waves (Monstro.h `oscillate`): the band-limited ones read LMMS's BandLimitedWave
// tables (the same as LB302's, `LB302BandLimitedWave`) at a wavelength taken from the phase step; the "digital"
// ones and the rest are Oscillator.h's naive shapes; noise is the plugin's `fast_rand`.

/// The four band-limited tables, built as they are first needed, shared by a render's notes.
final class MonstroWaveTables {
    var saw = LB302BandLimitedWave(.saw), square = LB302BandLimitedWave(.square)
    var triangle = LB302BandLimitedWave(.triangle), moog = LB302BandLimitedWave(.moog)
}

enum MonstroWaves {
    /// One sample of wave `wave` (Monstro.h's list, WAVE_SINE = 0 ... WAVE_MOOG_D = 14) at `phase` (cycles); `wavelength` in frames picks the band-limited table.
    @inline(__always) static func oscillate(_ wave: Int, phase: Float, wavelength: Float, tables: MonstroWaveTables,
                                            noise: inout LMMSPluginNoise) -> Float {
        switch wave {
        case 1: return tables.triangle.sample(phase: phase, wavelength: wavelength)
        case 2: return tables.saw.sample(phase: phase, wavelength: wavelength)
        case 3: return -tables.saw.sample(phase: phase, wavelength: wavelength)
        case 4: return tables.square.sample(phase: phase, wavelength: wavelength)
        case 5: return tables.moog.sample(phase: phase, wavelength: wavelength)
        case 6: return softSquare(phase)
        case 7: return abs(LMMSWave.sine(phase))
        case 8: return LMMSWave.exponential(phase)
        case 9: return noise.sample()
        case 10: return LMMSWave.triangle(phase)
        case 11: return LMMSWave.saw(phase)
        case 12: return -LMMSWave.saw(phase)
        case 13: return LMMSWave.square(phase)
        case 14: return LMMSWave.moogSaw(phase)
        default: return LMMSWave.sine(phase)
        }
    }

    /// WAVE_SQRSOFT: a square whose edges are half sine cycles a tenth of the period long. LMMS compares the phase
    /// with the double 0.1 and adds the double 0.75 before passing a float on.
    @inline(__always) static func softSquare(_ phase: Float) -> Float {
        let ph = lmmsFraction(phase)
        if Double(ph) < 0.1 || (ph >= 0.5 && Double(ph) < 0.6) { return LMMSWave.sine(Float(Double(ph * 5) + 0.75)) }
        return ph < 0.5 ? 1 : -1
    }
}
