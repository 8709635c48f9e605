// One amsynth voice (VoiceBoard.cpp): LFO, two oscillators, mix and ring modulation, filter with its
// envelope, key tracking and velocity, and the VCA with its envelope, LFO and smoothed master volume.
// Pitch, cutoff and filter coefficients change once per block; the amp envelope and amp LFO per sample.

struct AmsynthVoice {
    static let maximumBlock = 64
    /// Middle C: the cutoff's base frequency when key tracking is off.
    static let keyTrackBaseHz: Float = 261.626

    private let controls: Controls
    private var lfo: AmsynthOscillator
    private var osc1: AmsynthOscillator
    private var osc2: AmsynthOscillator
    private var filter: AmsynthFilter
    private var filterEnvelope: AmsynthEnvelope
    private var ampEnvelope: AmsynthEnvelope
    private var vcaLowPass: AmsynthVCALowPass
    private var volume = AmsynthSmoother(z: 0)
    private var frequency = AmsynthLerper()
    private let sampleRate: Float
    private var velocity: Float = 1

    /// Work space for one block: LFO, oscillator 1, oscillator 2, envelope (64 samples each).
    private let scratch = Scratch()

    final class Scratch {
        let lfo = UnsafeMutablePointer<Float>.allocate(capacity: 4 * AmsynthVoice.maximumBlock)
        var osc1: UnsafeMutablePointer<Float> { lfo + AmsynthVoice.maximumBlock }
        var osc2: UnsafeMutablePointer<Float> { lfo + 2 * AmsynthVoice.maximumBlock }
        var envelope: UnsafeMutablePointer<Float> { lfo + 3 * AmsynthVoice.maximumBlock }
        init() { lfo.initialize(repeating: 0, count: 4 * AmsynthVoice.maximumBlock) }
        deinit { lfo.deallocate() }
    }

    /// The control values a voice uses, computed once (amsynth recomputes them only when a
    /// parameter changes, which never happens during one of our notes).
    struct Controls {
        let lfoHz: Float, lfoWidth: Float
        let pitchModDestination: Int, pitchModDepth: Float
        let osc2Ratio: Float, osc1Width: Float, osc2Width: Float, sync: Bool
        let ring: Float, mix: Float
        let resonance: Float, filterKind: AmsynthFilter.Kind, twoStages: Bool
        let cutoffMultiple: Float, keyTracking: Float, filterVelocitySensitivity: Float
        let filterModDepth: Float, filterEnvAmount: Float
        let ampModDepth: Float, ampVelocitySensitivity: Float

        init(_ v: AmsynthParameterValues) {
            lfoHz = v.lfoHz
            lfoWidth = v.choice(.lfoWaveform) >= 5 ? 1 : 0
            pitchModDestination = Int(v[.freqModDestination].rounded())
            pitchModDepth = v.freqModDepth
            osc2Ratio = v.osc2Detune * v.osc2Octave * v.osc2PitchRatio
            osc1Width = v[.osc1PulseWidth]; osc2Width = v[.osc2PulseWidth]
            sync = v[.osc2Sync].rounded() != 0
            ring = v[.ringModAmount]; mix = v[.oscMix]
            resonance = v[.filterResonance]
            filterKind = AmsynthFilter.Kind(rawValue: v.choice(.filterType)) ?? .lowPass
            twoStages = v.choice(.filterSlope) == 1
            cutoffMultiple = v.cutoffMultiple
            keyTracking = v[.filterKeyTracking]; filterVelocitySensitivity = v[.filterVelocitySensitivity]
            filterModDepth = v.filterModDepth; filterEnvAmount = v[.filterEnvAmount]
            ampModDepth = v.ampModDepth; ampVelocitySensitivity = v[.ampVelocitySensitivity]
        }
    }

    init(values: AmsynthParameterValues, sampleRate: Int) {
        controls = Controls(values)
        self.sampleRate = Float(sampleRate)
        lfo = AmsynthOscillator(sampleRate: sampleRate)
        osc1 = AmsynthOscillator(sampleRate: sampleRate)
        osc2 = AmsynthOscillator(sampleRate: sampleRate)
        filter = AmsynthFilter(sampleRate: sampleRate)
        filterEnvelope = AmsynthEnvelope(sampleRate: sampleRate)
        ampEnvelope = AmsynthEnvelope(sampleRate: sampleRate)
        vcaLowPass = AmsynthVCALowPass(sampleRateHz: Float(sampleRate))

        // LFO waveforms: sine, square, triangle, noise, sample & hold, saw up, saw down.
        switch values.choice(.lfoWaveform) {
        case 1: lfo.waveform = .pulse
        case 2: lfo.waveform = .saw
        case 3: lfo.waveform = .noise
        case 4: lfo.waveform = .random
        case 5: lfo.waveform = .saw
        case 6: lfo.waveform = .saw; lfo.polarity = -1
        default: lfo.waveform = .sine
        }
        osc1.waveform = AmsynthOscillator.Waveform(rawValue: values.choice(.osc1Waveform)) ?? .saw
        osc2.waveform = AmsynthOscillator.Waveform(rawValue: values.choice(.osc2Waveform)) ?? .saw
        filterEnvelope.attack = values.envelopeSeconds(.filterAttack)
        filterEnvelope.decay = values.envelopeSeconds(.filterDecay)
        filterEnvelope.sustain = values[.filterSustain]
        filterEnvelope.release = values.envelopeSeconds(.filterRelease)
        ampEnvelope.attack = values.envelopeSeconds(.ampAttack)
        ampEnvelope.decay = values.envelopeSeconds(.ampDecay)
        ampEnvelope.sustain = values[.ampSustain]
        ampEnvelope.release = values.envelopeSeconds(.ampRelease)
    }

    /// Silent: the amp envelope has ended and the VCA low-pass has (nearly) settled.
    var isSilent: Bool { ampEnvelope.isOff && vcaLowPass.z < 0.000_000_1 }

    /// Starts a note that glides from `startHz` to `hz` over `glideSeconds` (0: no glide).
    mutating func noteOn(startHz: Float, hz: Float, glideSeconds: Float, velocity: Float) {
        if isSilent {
            ampEnvelope.reset(); filterEnvelope.reset()
            osc1.reset(); osc2.reset(); lfo.reset(); filter.reset()
        }
        frequency.configure(from: startHz, to: hz,
                            steps: UInt32(truncatingIfNeeded: Int32(glideSeconds * sampleRate)))
        self.velocity = velocity
        ampEnvelope.noteOn()
        filterEnvelope.noteOn()
    }

    mutating func noteOff() {
        ampEnvelope.noteOff()
        filterEnvelope.noteOff()
    }

    /// Prepares `count` (≤ 64) samples of this voice at master volume `masterVolume`: everything but
    /// the filter and the VCA low-pass, which the returned chain steps, adding each sample to `output`.
    /// `endBlock` takes the stepped chain back.
    mutating func beginBlock(into output: UnsafeMutablePointer<Float>, count: Int, masterVolume: Float,
                             noise: inout AmsynthNoise) -> FilterChain {
        beginBlock(output, count, masterVolume, &noise, scratch.lfo, scratch.osc1, scratch.osc2, scratch.envelope)
    }

    mutating func endBlock(_ chain: FilterChain) {
        filter = chain.filter; vcaLowPass = chain.vca
    }

    private mutating func beginBlock(_ output: UnsafeMutablePointer<Float>, _ count: Int, _ masterVolume: Float,
                                     _ noise: inout AmsynthNoise, _ lfoOut: UnsafeMutablePointer<Float>,
                                     _ o1: UnsafeMutablePointer<Float>, _ o2: UnsafeMutablePointer<Float>,
                                     _ env: UnsafeMutablePointer<Float>) -> FilterChain {
        let c = controls
        // Control signals, once per block: the LFO's first sample, the filter envelope's last.
        // Without amp modulation only the LFO's first sample is read (pitch and cutoff take it once).
        lfo.process(lfoOut, count: count, hz: c.lfoHz, pulseWidth: c.lfoWidth, noise: &noise,
                    samplesRead: c.ampModDepth == 0 ? 1 : count)
        let hz = frequency.next()
        frequency.skip(count - 1)
        let lfo0 = lfoOut[0]

        // LFO pitch modulation is linear in frequency: f × (1 + depth × lfo), roughly.
        let pitchMod = c.pitchModDepth * (lfo0 + 1) + 1 - c.pitchModDepth
        var osc1Hz = hz
        if c.pitchModDestination == 0 || c.pitchModDestination == 1 { osc1Hz = osc1Hz * pitchMod }
        var osc2Hz = hz * c.osc2Ratio
        if c.pitchModDestination == 0 || c.pitchModDestination == 2 { osc2Hz = osc2Hz * pitchMod }

        filterEnvelope.process(env, count: count)
        let cutoff = cutoffHz(hz: hz, lfo: lfo0, envelope: env[count - 1])

        // Sync only works when oscillator 1 is sine or saw (an old bug amsynth keeps for old presets).
        osc2.syncEnabled = c.sync && (osc1.waveform == .sine || osc1.waveform == .saw)
        osc1.process(o1, count: count, hz: osc1Hz, pulseWidth: c.osc1Width, noise: &noise)
        osc2.process(o2, count: count, hz: osc2Hz, pulseWidth: c.osc2Width, syncHz: osc1Hz, noise: &noise)

        let osc1Gain = (1 - c.ring) * (1 - c.mix) / 2
        let osc2Gain = (1 - c.ring) * (1 + c.mix) / 2
        for i in 0..<count {
            o1[i] = osc1Gain * o1[i] + osc2Gain * o2[i] + c.ring * o1[i] * o2[i]
        }

        ampEnvelope.process(env, count: count)
        vcaGains(env, count, masterVolume, lfoOut)
        let coefficients = filter.coefficients(cutoffHz: cutoff, resonance: c.resonance, kind: c.filterKind)
        let stages = coefficients == nil ? 0 : c.twoStages ? 2 : 1
        return FilterChain(filter: filter, vca: vcaLowPass, stages: stages,
                           k: coefficients ?? AmsynthFilter.Coefficients(a0: 0, a1: 0, a2: 0, b1: 0, b2: 0),
                           input: o1, gains: env, output: output)
    }

    /// The filter (0, 1 or 2 biquad stages) and the VCA low-pass, a sample at a time: two serial chains
    /// that overlap with each other and with the engine's other chains. Their states are copies, so they
    /// stay in registers while the chain is stepped.
    struct FilterChain: AmsynthSerialChain {
        fileprivate(set) var filter: AmsynthFilter
        fileprivate(set) var vca: AmsynthVCALowPass
        let stages: Int
        let k: AmsynthFilter.Coefficients
        let input: UnsafeMutablePointer<Float>, gains: UnsafeMutablePointer<Float>, output: UnsafeMutablePointer<Float>

        @inline(__always) mutating func step(_ i: Int) {
            let y: Float
            switch stages {
            case 2: y = Float(filter.secondStage(filter.firstStage(Double(input[i]), k), k))
            case 1: y = Float(filter.firstStage(Double(input[i]), k))
            default: y = input[i]
            }
            output[i] += y * vca.process(gains[i])
        }
    }

    /// Turns the amp envelope in `env` into the VCA low-pass's input: envelope × velocity × amp LFO
    /// × smoothed master volume.
    private mutating func vcaGains(_ env: UnsafeMutablePointer<Float>, _ count: Int, _ masterVolume: Float,
                                   _ lfoOut: UnsafeMutablePointer<Float>) {
        let c = controls
        let velocityGain = 1 * (1 - c.ampVelocitySensitivity) + velocity * c.ampVelocitySensitivity
        let ampMod = c.ampModDepth
        // Once the volume smoother's step rounds away it returns the same value every sample.
        let settledVolume = volume.z + (masterVolume - volume.z) * 0.005 == volume.z
        if ampMod == 0 && settledVolume {
            // (lfo × 0.5 + 0.5) × 0 + 1 − 0 is exactly 1 for any finite LFO value.
            let v = volume.z
            for i in 0..<count { env[i] = env[i] * velocityGain * v }
            return
        }
        for i in 0..<count {
            let lfoGain = ampMod == 0 ? 1 : (lfoOut[i] * 0.5 + 0.5) * ampMod + 1 - ampMod
            env[i] = env[i] * velocityGain * lfoGain * volume.process(masterVolume)
        }
    }

    /// Cutoff = 16^v × key-tracked base × velocity × LFO, plus the filter envelope.
    private func cutoffHz(hz: Float, lfo: Float, envelope: Float) -> Float {
        let c = controls
        let base = Self.keyTrackBaseHz * (1 - c.keyTracking) + hz * c.keyTracking
        let velocityFactor = 1 * (1 - c.filterVelocitySensitivity) + velocity * c.filterVelocitySensitivity
        let lfoFactor = (lfo * 0.5 + 0.5) * c.filterModDepth + 1 - c.filterModDepth
        var cutoff = c.cutoffMultiple * base * velocityFactor * lfoFactor
        let amount = c.filterEnvAmount
        if amount > 0 {
            cutoff += hz * envelope * amount
        } else {
            cutoff += cutoff * (1 / 16) * amount * envelope
        }
        return cutoff
    }
}
