// The instrument-wide oscillator values LMMS 1.2.2 Monstro derives from its knobs (MonstroInstrument's
// updateVolume*, updateFreq*, updatePO*, updateSamplerate) and the matrix amounts as renderOutput scales them.
// Per-channel values are SIMD2 (left, right).

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct MonstroOscillatorParameters {
    /// Per oscillator: volume after panning, frequency ratio to the note, phase offset in cycles.
    let volume: [SIMD2<Float>], ratio: [SIMD2<Float>], phaseOffset: [SIMD2<Float>]
    /// Oscillator 1's pulse width as a fraction of the cycle; oscillator 3's sub mix 0...1.
    let pulseWidth: Float, sub: Float
    let volumeRoutes: [MonstroRoute], phaseRoutes: [MonstroRoute], pitchRoutes: [MonstroRoute]
    let pulseWidthRoute: MonstroRoute, subRoute: MonstroRoute
    let osc2Wave: Int, osc3Waves: (Int, Int)
    let syncOnRise: Bool, syncOnFall: Bool
    /// Index 0: oscillator 2, 1: oscillator 3.
    let hardSync: [Bool], reverseSync: [Bool]
    let modulation: MonstroSettings.Osc23Modulation
    /// The output's one-pole smoothing weight of the previous sample (3/7 at 44.1 kHz).
    let integrator: Float
    /// FM's phase step per unit of oscillator 2 (0.25 at 44.1 kHz).
    let fmCorrection: Float
    /// Frames after a sync over which the band-limited waves use shorter tables (5 at 44.1 kHz).
    let counterMax: Int
    let sampleRateHz: Float

    init(_ s: MonstroSettings, sampleRateHz: Float) {
        // leftCh / rightCh, in double: panning takes level from the other side.
        func level(_ o: MonstroSettings.Oscillator, left: Bool) -> Float {
            let pan = Double(o.panning)
            let side = left ? (pan <= 0 ? 1 : 1 - pan / 100) : (pan >= 0 ? 1 : 1 + pan / 100)
            return Float(side * Double(o.volume) / 100)
        }
        volume = s.oscillators.map { SIMD2(level($0, left: true), level($0, left: false)) }
        ratio = s.oscillators.map { o in
            let coarse = powf(2, o.coarseSemitones / 12)
            return SIMD2(coarse * powf(2, o.fineLeftCents / 1200), coarse * powf(2, o.fineRightCents / 1200))
        }
        phaseOffset = s.oscillators.map { SIMD2($0.stereoPhaseDegrees / 720, Float(Double($0.stereoPhaseDegrees) * -1 / 720)) }
        pulseWidth = s.pulseWidth * 0.01
        sub = (s.osc3Sub + 100) / 200
        volumeRoutes = s.volumeRoutes.map { MonstroRoute($0) }
        phaseRoutes = s.phaseRoutes.map { MonstroRoute($0, lfoScale: 0.5) }
        pitchRoutes = s.pitchRoutes.map { MonstroRoute($0, envelopeScale: 2) }
        pulseWidthRoute = MonstroRoute(s.pulseWidthRoute, lfoScale: 0.5)
        subRoute = MonstroRoute(s.subRoute, lfoScale: 0.5)
        osc2Wave = s.osc2Wave
        osc3Waves = (s.osc3Waves[0], s.osc3Waves[1])
        syncOnRise = s.syncOnRise
        syncOnFall = s.syncOnFall
        hardSync = s.hardSync
        reverseSync = s.reverseSync
        modulation = s.osc23Modulation
        let integratorAt44k: Float = 3.0 / 7.0
        integrator = 0.5 - (0.5 - integratorAt44k) * 44100 / sampleRateHz
        fmCorrection = 44100 / sampleRateHz * 0.25
        counterMax = Int(sampleRateHz) * 5 / 44100
        self.sampleRateHz = sampleRateHz
    }
}
