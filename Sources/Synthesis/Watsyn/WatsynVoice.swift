// One Watsyn note (plugins/watsyn/Watsyn.cpp WatsynObject::renderOutput and WatsynInstrument::playNote): four
// oscillators reading their oversampled waves with linear interpolation, each channel at its own phase (every
// note starts at 0), the pairs combined, then A and B crossfaded per period by the mix knob and its envelope.
// Arithmetic in float in LMMS's order, so a note matches LMMS's sample for sample.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct WatsynVoice: LMMSNoteVoice {
    /// Watsyn.h `desiredReleaseFrames()`: a released note fades out over 64 frames.
    static let desiredReleaseFrames = 64
    /// PMOD_AMT: phase modulation by a full-scale modulator moves half a wave.
    static let phaseModulationPoints = Float(WatsynWave.length / 2)

    /// Watsyn as an `LMMSInstrument` on the track renderer: the waves are oversampled once (as LMMS does when
    /// they are loaded), each note owns its voice.
    static func instrument(_ s: WatsynSettings, sampleRateHz: Float) -> LMMSVoiceInstrument<WatsynVoice> {
        let waves = s.oscillators.map { WatsynWave.oversampled($0.drawn) }
        return LMMSVoiceInstrument(desiredReleaseFrames: desiredReleaseFrames) {
            WatsynVoice(s, waves: waves, frequencyHz: $0, sampleRateHz: sampleRateHz)
        }
    }

    private let s: WatsynSettings
    private let waves: [[Float]]
    private let leftGain: [Float], rightGain: [Float]
    private let leftStep: [Float], rightStep: [Float]
    private let sampleRateHz: Float
    private var leftPhase: [Float] = [0, 0, 0, 0], rightPhase: [Float] = [0, 0, 0, 0]
    /// NotePlayHandle::totalFramesPlayed at the next period.
    private var framesPlayed = 0
    private var a: [(Float, Float)] = [], b: [(Float, Float)] = []

    init(_ s: WatsynSettings, waves: [[Float]], frequencyHz: Float, sampleRateHz: Float) {
        self.s = s
        self.waves = waves
        self.sampleRateHz = sampleRateHz
        leftGain = s.oscillators.map(\.leftGain)
        rightGain = s.oscillators.map(\.rightGain)
        // WAVELEN / (sample rate / (frequency * ratio)), in float, as renderOutput adds it every frame.
        let length = Float(WatsynWave.length)
        leftStep = s.oscillators.map { length / (sampleRateHz / (frequencyHz * $0.leftRatio)) }
        rightStep = s.oscillators.map { length / (sampleRateHz / (frequencyHz * $0.rightRatio)) }
    }

    mutating func play(left: UnsafeMutablePointer<Float>, right: UnsafeMutablePointer<Float>, frames: Int) {
        a.removeAll(keepingCapacity: true)
        b.removeAll(keepingCapacity: true)
        for _ in 0..<frames { renderFrame() }
        mix(left: left, right: right, frames: frames)
        framesPlayed += frames
    }

    /// One frame of renderOutput: A2 (phase-modulating A1 if so set), A1, B2 plus crosstalk from A1 (modulating
    /// B1's phase if so set), B1, the pairs combined, then every oscillator's phase advanced.
    private mutating func renderFrame() {
        let (a1, a2, b1, b2) = (0, 1, 2, 3)
        let a2L = read(a2, leftPhase[a2]) * leftGain[a2], a2R = read(a2, rightPhase[a2]) * rightGain[a2]
        var a1Phase = (leftPhase[a1], rightPhase[a1])
        if s.aModulation == .phase { a1Phase = (Self.modulated(a1Phase.0, by: a2L), Self.modulated(a1Phase.1, by: a2R)) }
        let a1L = read(a1, a1Phase.0) * leftGain[a1], a1R = read(a1, a1Phase.1) * rightGain[a1]

        var b2L = read(b2, leftPhase[b2]) * leftGain[b2], b2R = read(b2, rightPhase[b2]) * rightGain[b2]
        if s.crosstalk > 0 {
            b2L += (a1L * s.crosstalk) * 0.01
            b2R += (a1R * s.crosstalk) * 0.01
        }
        var b1Phase = (leftPhase[b1], rightPhase[b1])
        if s.bModulation == .phase { b1Phase = (Self.modulated(b1Phase.0, by: b2L), Self.modulated(b1Phase.1, by: b2R)) }
        let b1L = read(b1, b1Phase.0) * leftGain[b1], b1R = read(b1, b1Phase.1) * rightGain[b1]

        a.append((Self.combined(a1L, a2L, s.aModulation), Self.combined(a1R, a2R, s.aModulation)))
        b.append((Self.combined(b1L, b2L, s.bModulation), Self.combined(b1R, b2R, s.bModulation)))
        let length = Float(WatsynWave.length)
        for i in 0..<4 {
            leftPhase[i] = fmodf(leftPhase[i] + leftStep[i], length)
            rightPhase[i] = fmodf(rightPhase[i] + rightStep[i], length)
        }
    }

    /// linearInterpolate between the point at the phase and the next (wrapping), x * (v1 - v0) + v0.
    private func read(_ oscillator: Int, _ phase: Float) -> Float {
        let wave = waves[oscillator], count = WatsynWave.length
        let index = Int(phase) % count, next = Int(phase + 1) % count
        let fraction = phase - Float(Int(phase))
        return fraction * (wave[next] - wave[index]) + wave[index]
    }

    /// A phase moved by a modulator sample, wrapped into 0..<WAVELEN. A modulator that is not finite (a saved wave
    /// holding NaN or infinity) leaves no phase to read; LMMS reads outside its table there, ours reads point 0.
    private static func modulated(_ phase: Float, by modulator: Float) -> Float {
        let length = Float(WatsynWave.length)
        guard modulator.isFinite else { return 0 }
        var moved = fmodf(phase + modulator * phaseModulationPoints, length)
        if moved < 0 { moved += length }
        return moved
    }

    /// The first oscillator of a pair after the second acted on it (phase modulation acted already).
    private static func combined(_ carrier: Float, _ modulator: Float, _ modulation: WatsynSettings.Modulation) -> Float {
        switch modulation {
        case .mix: return (carrier + modulator) / 2
        case .amplitude: return carrier * (0 < modulator + 1 ? modulator + 1 : 0)
        case .ring: return carrier * modulator
        case .phase: return carrier
        }
    }

    /// playNote's crossfade: B's share (mix + 100) / 200 and A's 1 - that (in double, kept as float); while the
    /// envelope is on and had not ended when this period began, the mix moves frame by frame (attack up to
    /// the amount, hold, decay back; bounded to -100...100 as qBound does, so NaN gives -100).
    private func mix(left: UnsafeMutablePointer<Float>, right: UnsafeMutablePointer<Float>, frames: Int) {
        let rate = sampleRateHz.rounded()  // sample_rate_t
        let attack = (s.envelopeAttackMs * rate) / 1000, hold = (s.envelopeHoldMs * rate) / 1000
        let decay = (s.envelopeDecayMs * rate) / 1000
        let end = attack + decay + hold
        let start = Float(framesPlayed)
        let amount = s.envelopeAmount
        let enveloped = amount != 0 && start < end
        for f in 0..<frames {
            var mixValue = s.abMix
            if enveloped {
                let t = start + Float(f)
                if t < attack {
                    mixValue = Self.bounded(mixValue + (t / attack * amount))
                } else if t >= attack && t < attack + hold {
                    mixValue = Self.bounded(mixValue + amount)
                } else {
                    mixValue = Self.bounded(mixValue + amount - ((t - (attack + hold)) / decay * amount))
                }
            }
            let bShare = Float((Double(mixValue) + 100) / 200), aShare = Float(1 - Double(bShare))
            left[f] = (a[f].0 * aShare) + (b[f].0 * bShare)
            right[f] = (a[f].1 * aShare) + (b[f].1 * bShare)
        }
    }

    /// qBound(-100, value, 100): qMax(-100, qMin(100, value)).
    private static func bounded(_ value: Float) -> Float {
        let upper: Float = 100 < value ? 100 : value
        return -100 < upper ? upper : -100
    }
}
