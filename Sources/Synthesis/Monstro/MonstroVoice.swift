// One LMMS 1.2.2 Monstro note (Monstro.cpp `MonstroSynth::renderOutput`), a period at a time: the modulators first,
// then per frame oscillator 1 (a pulse whose edges can sync 2 and 3), oscillator 2, oscillator 3 (two waves mixed,
// modulated by 2), summed and smoothed by a one-pole "integrator". Each oscillator runs separately for the left
// and right channel (stereo detune, panning and phase offsets). Noise is drawn in LMMS's order: the LFOs' for the
// whole period, then per frame oscillator 2 left, right, oscillator 3's first wave left, right, its second.

struct MonstroVoice {
    private let p: MonstroOscillatorParameters
    private let modulatorParameters: MonstroModulatorParameters
    private let noteFrequencyHz: Float
    private var modulators: MonstroModulators
    /// The oscillators' phases without their offsets, kept in 0..<1 between periods.
    private var phase1 = SIMD2<Float>(), phase2 = SIMD2<Float>(), phase3 = SIMD2<Float>()
    /// Oscillators 2 and 3's last phases (for the phase step that picks a table).
    private var lastPhase2 = SIMD2<Float>(), lastPhase3 = SIMD2<Float>()
    /// Oscillator 1's last pulse value (its edges) and the last output before smoothing.
    private var lastPulse = SIMD2<Float>(), lastOutput = SIMD2<Float>()
    /// Reverse sync state and the frames left with shortened tables after a sync, for oscillators 2 and 3.
    private var inverted2 = [false, false], inverted3 = [false, false]
    private var syncCounter2 = [0, 0], syncCounter3 = [0, 0]
    private var lfo: [[Float]] = [[], []], env: [[Float]] = [[], []]

    init(oscillators: MonstroOscillatorParameters, modulators: MonstroModulatorParameters, noteFrequencyHz: Float,
         noise: inout LMMSPluginNoise) {
        p = oscillators
        modulatorParameters = modulators
        self.noteFrequencyHz = noteFrequencyHz
        self.modulators = MonstroModulators(noise: &noise)
    }

    /// renderOutput: `frames` frames into `left`/`right`. `framesPlayed`: the note's frames before this period;
    /// `releaseAt`: the frame from which the note is released (nil: not released).
    mutating func play(left: UnsafeMutablePointer<Float>, right: UnsafeMutablePointer<Float>, frames: Int, framesPlayed: Int,
                       releaseAt: Int?, tables: MonstroWaveTables, noise: inout LMMSPluginNoise) {
        for i in 0..<2 where lfo[i].count < frames {
            lfo[i] = [Float](repeating: 0, count: frames)
            env[i] = [Float](repeating: 0, count: frames)
        }
        modulators.render(modulatorParameters, lfo: &lfo, env: &env, frames: frames, framesPlayed: framesPlayed,
                          releaseAt: releaseAt, noise: &noise)
        let offset1 = p.phaseOffset[0], offset2 = p.phaseOffset[1], offset3 = p.phaseOffset[2]
        var o1 = phase1 + offset1, o2 = phase2 + offset2, o3 = phase3 + offset3
        let base1 = p.ratio[0] * noteFrequencyHz, base2 = p.ratio[1] * noteFrequencyHz, base3 = p.ratio[2] * noteFrequencyHz
        for f in 0..<frames {
            let m = MonstroModulatorValues(env1: env[0][f], env2: env[1][f], lfo1: lfo[0][f], lfo2: lfo[1][f])
            let out1 = oscillator1(m, phases: &o1, base: base1, restart2: &o2, restart3: &o3)
            let out2 = oscillator2(m, phases: &o2, base: base2, tables: tables, noise: &noise)
            let out3 = oscillator3(m, phases: &o3, base: base3, osc2: out2, tables: tables, noise: &noise)
            let mixed = out1 + out3 + (p.modulation == .mix ? out2 : SIMD2())
            // linearInterpolate(current, last, integrator).
            let smoothed = mixed + (lastOutput - mixed) * p.integrator
            left[f] = smoothed[0]
            right[f] = smoothed[1]
            lastOutput = mixed
        }
        phase1 = SIMD2(lmmsAbsFraction(o1[0] - offset1[0]), lmmsAbsFraction(o1[1] - offset1[1]))
        phase2 = SIMD2(lmmsAbsFraction(o2[0] - offset2[0]), lmmsAbsFraction(o2[1] - offset2[1]))
        phase3 = SIMD2(lmmsAbsFraction(o3[0] - offset3[0]), lmmsAbsFraction(o3[1] - offset3[1]))
    }

    /// The pulse, its sync edges (which restart or invert 2 and 3), the edge zeroed ("amp delta cap"), volume.
    private mutating func oscillator1(_ m: MonstroModulatorValues, phases: inout SIMD2<Float>, base: SIMD2<Float>,
                                      restart2: inout SIMD2<Float>, restart3: inout SIMD2<Float>) -> SIMD2<Float> {
        var width = p.pulseWidth
        if p.pulseWidthRoute.isActive {
            // Monstro.cpp clamps the fraction to its percent limits, 0.25...99.75.
            width = min(max(p.pulseWidthRoute.added(to: width, m), 0.25), 99.75)
        }
        var out = SIMD2<Float>()
        for c in 0..<2 {
            let frequency = p.pitchRoutes[0].isActive ? p.pitchRoutes[0].frequency(base[c], m) : base[c]
            let phase = p.phaseRoutes[0].isActive ? p.phaseRoutes[0].added(to: phases[c], m) : phases[c]
            var pulse: Float = lmmsAbsFraction(phase) < width ? 1 : -1
            let rose = pulse > lastPulse[c], fell = pulse < lastPulse[c]
            if (p.syncOnRise && rose) || (p.syncOnFall && fell) {
                if p.hardSync[0] { restart2[c] = p.phaseOffset[1][c]; syncCounter2[c] = p.counterMax }
                if p.hardSync[1] { restart3[c] = p.phaseOffset[2][c]; syncCounter3[c] = p.counterMax }
                if p.reverseSync[0] { inverted2[c].toggle(); syncCounter2[c] = p.counterMax }
                if p.reverseSync[1] { inverted3[c].toggle(); syncCounter3[c] = p.counterMax }
            }
            let previous = lastPulse[c]
            lastPulse[c] = pulse
            if previous != pulse { pulse = 0 }
            pulse *= p.volume[0][c]
            if p.volumeRoutes[0].isActive { pulse = p.volumeRoutes[0].volume(pulse, m) }
            out[c] = pulse
            phases[c] += 1 / (p.sampleRateHz / frequency)
        }
        return out
    }

    /// The phase after modulation in 0..<1 and the wavelength its step implies (shortened after a sync).
    @inline(__always) private static func phaseAndWavelength(_ phase: Float, last: Float, counter: inout Int) -> (Float, Float) {
        let wrapped = lmmsAbsFraction(phase)
        var step = abs(wrapped - last)
        if step > 0.5 { step = 1 - step }
        var wavelength = 1 / step
        if counter > 0 {
            wavelength /= Float(counter)
            counter -= 1
        }
        return (wrapped, wavelength)
    }

    private mutating func oscillator2(_ m: MonstroModulatorValues, phases: inout SIMD2<Float>, base: SIMD2<Float>,
                                      tables: MonstroWaveTables, noise: inout LMMSPluginNoise) -> SIMD2<Float> {
        var out = SIMD2<Float>()
        for c in 0..<2 {
            let frequency = p.pitchRoutes[1].isActive ? p.pitchRoutes[1].frequency(base[c], m) : base[c]
            let modulated = p.phaseRoutes[1].isActive ? p.phaseRoutes[1].added(to: phases[c], m) : phases[c]
            let (phase, wavelength) = Self.phaseAndWavelength(modulated, last: lastPhase2[c], counter: &syncCounter2[c])
            var sample = MonstroWaves.oscillate(p.osc2Wave, phase: phase, wavelength: wavelength, tables: tables, noise: &noise)
            sample *= p.volume[1][c]
            if p.volumeRoutes[1].isActive { sample = p.volumeRoutes[1].volume(sample, m) }
            if inverted2[c] { sample = -sample }
            out[c] = sample
            lastPhase2[c] = phase
            phases[c] += 1 / (p.sampleRateHz / frequency)
        }
        return out
    }

    private mutating func oscillator3(_ m: MonstroModulatorValues, phases: inout SIMD2<Float>, base: SIMD2<Float>,
                                      osc2: SIMD2<Float>, tables: MonstroWaveTables, noise: inout LMMSPluginNoise) -> SIMD2<Float> {
        var frequency = base, phase = SIMD2<Float>(), wavelength = SIMD2<Float>()
        for c in 0..<2 {
            if p.pitchRoutes[2].isActive { frequency[c] = p.pitchRoutes[2].frequency(base[c], m) }
            var modulated = p.phaseRoutes[2].isActive ? p.phaseRoutes[2].added(to: phases[c], m) : phases[c]
            if p.modulation == .phase { modulated += osc2[c] * 0.5 }
            (phase[c], wavelength[c]) = Self.phaseAndWavelength(modulated, last: lastPhase3[c], counter: &syncCounter3[c])
        }
        // Both channels of the first wave, then of the second (the order noise is drawn in).
        var first = SIMD2<Float>(), second = SIMD2<Float>()
        for c in 0..<2 {
            first[c] = MonstroWaves.oscillate(p.osc3Waves.0, phase: phase[c], wavelength: wavelength[c], tables: tables, noise: &noise)
        }
        for c in 0..<2 {
            second[c] = MonstroWaves.oscillate(p.osc3Waves.1, phase: phase[c], wavelength: wavelength[c], tables: tables, noise: &noise)
        }
        let sub = p.subRoute.isActive ? min(max(p.subRoute.added(to: p.sub, m), 0), 1) : p.sub
        var out = SIMD2<Float>()
        for c in 0..<2 {
            var sample = first[c] + (second[c] - first[c]) * sub
            sample *= p.volume[2][c]
            if p.volumeRoutes[2].isActive { sample = p.volumeRoutes[2].volume(sample, m) }
            if p.modulation == .amplitude { sample = min(max(sample * max(0, 1 + osc2[c]), -2), 2) }
            if inverted3[c] { sample = -sample }
            out[c] = sample
            lastPhase3[c] = phase[c]
            var step = 1 / (p.sampleRateHz / frequency[c])
            if p.modulation == .frequency { step += osc2[c] * p.fmCorrection }
            phases[c] += step
        }
        return out
    }
}
