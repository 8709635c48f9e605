// LMMS 1.2.2 Monstro's two LFOs and two envelopes for one note (Monstro.cpp `updateModulators`), one period at a
// time, before the oscillators run: each LFO's wave with its attack, then each envelope through its stages
// (pre-delay 0..1, attack 1..2, hold 2..3, decay 3..4, release 4..5, done at 5), the stage phase advancing by
// 1 / (stage length in frames) per frame. Quirks kept as LMMS has them: the LFO attack scales a whole period by
// the frames played before it; a note's random LFO values come from the plugin's `fast_rand`.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The instrument-wide values `MonstroInstrument::updateEnvelope*`, `updateLFOAtts` and `updateSlope*` derive.
struct MonstroModulatorParameters {
    struct Envelope {
        /// Stage increments per frame (1 for a zero-length stage).
        var predelay: Float, attack: Float, hold: Float, decay: Float, release: Float
        var sustain: Float
        /// The exponent of the stage curves, 10^-slope.
        var exponent: Float
        /// m_env*_relF: the release in frames, truncated.
        var releaseFrames: Int
    }

    struct LFO {
        var wave: Int
        /// m_lfo*_att: the attack in frames, truncated.
        var attackFrames: Int
        /// The cycle in frames and its inverse.
        var rateFrames: Float, increment: Float
        /// The phase offset in cycles.
        var phaseOffset: Float
    }

    var envelopes: [Envelope]
    var lfos: [LFO]

    /// glibc's exp10f (which Swift does not import) works in double and rounds once; so does this.
    static func exp10(_ x: Float) -> Float { Float(pow(10, Double(x))) }

    init(_ s: MonstroSettings, sampleRateHz: Float) {
        func increment(_ ms: Float) -> Float { ms == 0 ? 1 : 1 / (ms / 1000) / sampleRateHz }
        envelopes = s.envelopes.map { e in
            Envelope(predelay: increment(e.predelayMs), attack: increment(e.attackMs), hold: increment(e.holdMs),
                     decay: increment(e.decayMs), release: increment(e.releaseMs), sustain: e.sustain,
                     exponent: Self.exp10(-e.slope), releaseFrames: Int(e.releaseMs * sampleRateHz / 1000))
        }
        lfos = s.lfos.map { l in
            let rate = l.rateMs * 0.001 * sampleRateHz
            return LFO(wave: l.wave, attackFrames: Int(l.attackMs * sampleRateHz / 1000), rateFrames: rate,
                       increment: 1 / rate, phaseOffset: l.phaseDegrees / 360)
        }
    }
}

/// One note's LFO and envelope state (MonstroSynth's m_lfo_* and m_env_*).
struct MonstroModulators {
    private var lfoPhase: [Float] = [0, 0]
    private var lfoLast: [Float] = [0, 0]
    private var lfoNext: [Float]
    private var envelopePhase: [Float] = [0, 0]

    /// The synth's constructor draws the smooth random LFOs' first targets, LFO 1's first.
    init(noise: inout LMMSPluginNoise) {
        let first = noise.sample()
        lfoNext = [first, noise.sample()]
    }

    /// Fills `lfo[i]` and `env[i]` with `frames` values. `framesPlayed`: the note's frames before this period;
    /// `releaseAt`: the frame of this period from which the note is released (nil: not released).
    mutating func render(_ p: MonstroModulatorParameters, lfo: inout [[Float]], env: inout [[Float]], frames: Int,
                         framesPlayed: Int, releaseAt: Int?, noise: inout LMMSPluginNoise) {
        for i in 0..<2 {
            lfoPhase[i] = lmmsAbsFraction(lfoPhase[i] + p.lfos[i].phaseOffset)
            renderLFO(p.lfos[i], index: i, into: &lfo[i], frames: frames, framesPlayed: framesPlayed, noise: &noise)
            renderEnvelope(p.envelopes[i], index: i, into: &env[i], frames: frames, releaseAt: releaseAt)
            lfoPhase[i] = lmmsAbsFraction(lfoPhase[i] - p.lfos[i].phaseOffset)
        }
    }

    private mutating func renderLFO(_ p: MonstroModulatorParameters.LFO, index i: Int, into out: inout [Float], frames: Int,
                                    framesPlayed: Int, noise: inout LMMSPluginNoise) {
        // LMMS divides by the truncated cycle; below one frame (0.1 ms under 10 kHz) it would divide by zero.
        let cycleFrames = max(1, Int(p.rateFrames))
        for f in 0..<frames {
            let phase = lfoPhase[i]
            switch p.wave {
            case 1: out[f] = LMMSWave.triangle(phase)
            case 2: out[f] = LMMSWave.saw(phase)
            case 3: out[f] = -LMMSWave.saw(phase)
            case 4: out[f] = LMMSWave.square(phase)
            case 5: out[f] = LMMSWave.moogSaw(phase)
            case 6: out[f] = MonstroWaves.softSquare(phase)
            case 7: out[f] = abs(LMMSWave.sine(phase))
            case 8: out[f] = LMMSWave.exponential(phase)
            case 9:
                if (framesPlayed + f) % cycleFrames == 0 { lfoLast[i] = noise.sample() }
                out[f] = lfoLast[i]
            case 10:
                let position = (framesPlayed + f) % cycleFrames
                if position == 0 {
                    lfoLast[i] = lfoNext[i]
                    lfoNext[i] = noise.sample()
                }
                out[f] = Self.cosineInterpolate(lfoLast[i], lfoNext[i], Float(position) / p.rateFrames)
            default: out[f] = LMMSWave.sine(phase)
            }
            lfoPhase[i] += p.increment
        }
        // LMMS scales by the frames played before the period, not by each frame's own position.
        for f in 0..<frames where framesPlayed + f < p.attackFrames {
            out[f] *= Float(framesPlayed) / Float(p.attackFrames)
        }
    }

    private mutating func renderEnvelope(_ p: MonstroModulatorParameters.Envelope, index i: Int, into out: inout [Float],
                                         frames: Int, releaseAt: Int?) {
        var phase = envelopePhase[i]
        for f in 0..<frames {
            if phase < 4, let releaseAt, f >= releaseAt {
                // The release starts from the level the current stage has reached.
                if phase < 1 { phase = 5 } else if phase < 2 { phase = 5 - lmmsFraction(phase) } else if phase < 3 {
                    phase = 4
                } else { phase = 4 + lmmsFraction(phase) }
            }
            if phase < 1 {
                out[f] = 0
                phase = min(1, phase + p.predelay)
            } else if phase < 2 {
                out[f] = Self.curve(lmmsFraction(phase), exponent: p.exponent)
                phase = min(2, phase + p.attack)
            } else if phase < 3 {
                out[f] = 1
                phase = min(3, phase + p.hold)
            } else if phase < 4 {
                let level = Self.curve(1 - lmmsFraction(phase), exponent: p.exponent)
                if level <= p.sustain {
                    out[f] = p.sustain
                } else {
                    out[f] = level
                    phase = min(4 - p.sustain, phase + p.decay)
                    if phase == 4 { phase = 5 }  // sustain 0: skip the release (LMMS's fix for a click)
                }
            } else if phase < 5 {
                out[f] = Self.curve(1 - lmmsFraction(phase), exponent: p.exponent)
                phase += p.release
            } else {
                out[f] = 0
            }
        }
        envelopePhase[i] = phase
    }

    /// MonstroSynth::calcSlope: x^exponent through lmms_math.h's fastPow (exponent 1 and x = 0 exact).
    @inline(__always) static func curve(_ x: Float, exponent: Float) -> Float {
        if exponent == 1 || x == 0 { return x }
        return Float(KickerMath.fastPow(Double(x), Double(exponent)))
    }

    /// interpolation.h cosinusInterpolate.
    @inline(__always) static func cosineInterpolate(_ v0: Float, _ v1: Float, _ x: Float) -> Float {
        let f = (1 - cosf(x * Float.pi)) * 0.5
        return f * (v1 - v0) + v0
    }
}
