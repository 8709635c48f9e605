// One channel of TripleOscillator's three chained oscillators (src/core/Oscillator.cpp): oscillator 1 is
// modulated by oscillator 2, which is modulated by oscillator 3, each link by one of LMMS's five modulation
// modes. Control work happens once per block (LMMS's period); the per-sample loops are specialised per shape.

/// LMMS `Oscillator::ModulationAlgos` (the `modalgoN` index): how oscillator N combines with oscillator N+1.
public enum LMMSModulation: Int, Sendable, CaseIterable {
    case phaseModulation = 0, amplitudeModulation, signalMix, synchronizedBySubOscillator, frequencyModulation
}

/// The fixed settings of one oscillator on one channel (LMMS `OscillatorObject` left or right values).
struct LMMSOscillatorSetting {
    var shape: LMMSWaveShape
    /// How this oscillator takes the next one's output (ignored for the third).
    var modulation: LMMSModulation
    /// Channel gain: volume / 100 with LMMS's oscillator panning law.
    var volume: Float
    /// Frequency ratio from detuning divided by the sample rate: phase step = note Hz * this.
    var detuning: Float
    /// Start phase in cycles.
    var phaseOffset: Float
}

/// What a wave shape needs beside the phase: the noise source and the user wave.
struct WaveContext {
    var random: LMMSRandom
    var userWaves: [[Float]] = [[], [], []]
}

protocol WaveKernel { static func sample(_ phase: Float, _ context: inout WaveContext, _ osc: Int) -> Float }
enum SineKernel: WaveKernel { @inline(__always) static func sample(_ p: Float, _ c: inout WaveContext, _ o: Int) -> Float { LMMSWave.sine(p) } }
enum TriangleKernel: WaveKernel { @inline(__always) static func sample(_ p: Float, _ c: inout WaveContext, _ o: Int) -> Float { LMMSWave.triangle(p) } }
enum SawKernel: WaveKernel { @inline(__always) static func sample(_ p: Float, _ c: inout WaveContext, _ o: Int) -> Float { LMMSWave.saw(p) } }
enum SquareKernel: WaveKernel { @inline(__always) static func sample(_ p: Float, _ c: inout WaveContext, _ o: Int) -> Float { LMMSWave.square(p) } }
enum MoogSawKernel: WaveKernel { @inline(__always) static func sample(_ p: Float, _ c: inout WaveContext, _ o: Int) -> Float { LMMSWave.moogSaw(p) } }
enum ExponentialKernel: WaveKernel { @inline(__always) static func sample(_ p: Float, _ c: inout WaveContext, _ o: Int) -> Float { LMMSWave.exponential(p) } }
enum NoiseKernel: WaveKernel { @inline(__always) static func sample(_ p: Float, _ c: inout WaveContext, _ o: Int) -> Float { c.random.noiseSample() } }
/// LMMS `SampleBuffer::userWaveSample`: linear interpolation through one cycle of the file's first channel;
/// an empty or missing file is one silent frame. Shared by the oscillators and the LFOs.
enum LMMSUserWave {
    @inline(__always) static func sample(_ wave: [Float], _ p: Float) -> Float {
        let count = wave.count
        guard count > 0 else { return 0 }
        let frame = p * Float(count)
        guard frame.isFinite, abs(frame) < 1e9 else { return 0 }
        var f1 = Int(frame) % count
        if f1 < 0 { f1 += count }
        let a = wave[f1], b = wave[(f1 + 1) % count]
        return a + (b - a) * lmmsFraction(frame)
    }
}

enum UserWaveKernel: WaveKernel {
    @inline(__always) static func sample(_ p: Float, _ c: inout WaveContext, _ o: Int) -> Float {
        LMMSUserWave.sample(c.userWaves[o], p)
    }
}

/// The oscillators of one channel of one note (TripleOscillator's three, Organic's eight), each taking the
/// next one's output.
struct LMMSOscillatorChain {
    var settings: [LMMSOscillatorSetting]
    private var phase: [Float]
    let sampleRateHz: Float

    init(settings: [LMMSOscillatorSetting], sampleRateHz: Float) {
        self.settings = settings
        self.phase = settings.map(\.phaseOffset)
        self.sampleRateHz = sampleRateHz
    }

    /// Renders `frames` samples of the chain at note frequency `frequencyHz` into `buffer` (overwrites).
    mutating func render(_ buffer: UnsafeMutablePointer<Float>, frames: Int, frequencyHz: Float, context: inout WaveContext) {
        update(0, buffer, frames, frequencyHz, &context)
    }

    /// LMMS `recalcPhase`: keep the phase small and positive (plus 2 so phase modulation never goes negative).
    @inline(__always) private mutating func recalcPhase(_ i: Int) { phase[i] = lmmsAbsFraction(phase[i]) + 2 }

    private mutating func update(_ i: Int, _ buf: UnsafeMutablePointer<Float>, _ frames: Int, _ freq: Float,
                                 _ ctx: inout WaveContext) {
        // LMMS silences a note at or above Nyquist (before detuning).
        if freq >= sampleRateHz / 2 {
            for f in 0..<frames { buf[f] = 0 }
            return
        }
        let mode: LMMSModulation? = i < settings.count - 1 ? settings[i].modulation : nil
        switch settings[i].shape {
        case .sine: block(SineKernel.self, i, mode, buf, frames, freq, &ctx)
        case .triangle: block(TriangleKernel.self, i, mode, buf, frames, freq, &ctx)
        case .saw: block(SawKernel.self, i, mode, buf, frames, freq, &ctx)
        case .square: block(SquareKernel.self, i, mode, buf, frames, freq, &ctx)
        case .moogSaw: block(MoogSawKernel.self, i, mode, buf, frames, freq, &ctx)
        case .exponential: block(ExponentialKernel.self, i, mode, buf, frames, freq, &ctx)
        case .whiteNoise: block(NoiseKernel.self, i, mode, buf, frames, freq, &ctx)
        case .userWave: block(UserWaveKernel.self, i, mode, buf, frames, freq, &ctx)
        }
    }

    /// One block of oscillator `i` with modulation `mode` by oscillator i+1 (nil: no sub-oscillator).
    @inline(__always)
    private mutating func block<W: WaveKernel>(_ w: W.Type, _ i: Int, _ mode: LMMSModulation?,
                                               _ buf: UnsafeMutablePointer<Float>, _ frames: Int, _ freq: Float,
                                               _ ctx: inout WaveContext) {
        let volume = settings[i].volume
        let step = freq * settings[i].detuning
        guard let mode else {
            recalcPhase(i)
            var ph = phase[i]
            for f in 0..<frames { buf[f] = W.sample(ph, &ctx, i) * volume; ph += step }
            phase[i] = ph
            return
        }
        if mode == .synchronizedBySubOscillator {
            // LMMS `syncInit`: the sub-oscillator's own sub renders (its output is then overwritten), the
            // sub-oscillator only advances its phase and restarts ours at each of its cycle starts.
            let sub = i + 1
            if sub < settings.count - 1 { update(sub + 1, buf, frames, freq, &ctx) }
            recalcPhase(sub)
            let subStep = freq * settings[sub].detuning
            recalcPhase(i)
            var ph = phase[i], subPhase = phase[sub]
            let restart = settings[i].phaseOffset
            for f in 0..<frames {
                let before = subPhase
                subPhase += subStep
                if subPhase.rounded(.down) > before.rounded(.down) { ph = restart }
                buf[f] = W.sample(ph, &ctx, i) * volume
                ph += step
            }
            phase[i] = ph; phase[sub] = subPhase
            return
        }
        update(i + 1, buf, frames, freq, &ctx)
        recalcPhase(i)
        var ph = phase[i]
        switch mode {
        case .phaseModulation:
            for f in 0..<frames { buf[f] = W.sample(ph + buf[f], &ctx, i) * volume; ph += step }
        case .amplitudeModulation:
            for f in 0..<frames { buf[f] *= W.sample(ph, &ctx, i) * volume; ph += step }
        case .signalMix:
            for f in 0..<frames { buf[f] += W.sample(ph, &ctx, i) * volume; ph += step }
        case .frequencyModulation:
            // LMMS scales the modulator to 44.1 kHz so FM depth does not depend on the sample rate.
            let correction = 44100 / sampleRateHz
            for f in 0..<frames {
                ph += buf[f] * correction
                buf[f] = W.sample(ph, &ctx, i) * volume
                ph += step
            }
        case .synchronizedBySubOscillator:
            break
        }
        phase[i] = ph
    }
}
