// LB302's monophonic voice (plugins/lb302/lb302.cpp `process`, `initNote`): a phase in -0.5..0.5 shaped into one
// of twelve waves, the filter, and an amplifier that rises towards 0.5 for half a second, holds, and decays
// once the note is gone. Noise comes from the plugin's own `fast_rand` copy (seed 1), as Kicker's does.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct LB302Voice {
    private static let attack = Float(1.0 - 0.96406088), decay: Float = 0.99897516, attackTarget: Float = 0.5
    private enum Amplifier { case attack, decay, hold, idle }

    private let s: LB302Settings
    private let sampleRateHz: Float
    private var filter: LB302Filter
    private var bandLimited: LB302BandLimitedWave?
    private var noise = LMMSPluginNoise()
    private var phase: Float = 0, increment: Float = 0
    private var envelopeCountdown = LB302Filter.envelopeInterval
    private var amplitude: Float = 0, amplifier = Amplifier.idle
    private var samplesSinceNote = 0

    init(_ s: LB302Settings, sampleRateHz: Float) {
        self.s = s
        self.sampleRateHz = sampleRateHz
        filter = LB302Filter(s, sampleRateHz: sampleRateHz)
        bandLimited = s.shape >= 8 ? LB302BandLimitedWave(LB302BandLimitedWave.Shape(rawValue: s.shape - 8)!) : nil
    }

    /// initNote: a "dead" note ties onto a sounding one (the amplifier holds) and never restarts the filter
    /// envelope, which stays at rest from the start.
    mutating func startNote(frequencyHz: Float) {
        increment = frequencyHz / sampleRateHz
        if !s.dead || amplifier == .decay || amplifier == .idle {
            samplesSinceNote = 0
            amplifier = .attack
        } else {
            amplifier = .hold
        }
        filter.recalc()
        if !s.dead { filter.startNote() }
        envelopeCountdown = LB302Filter.envelopeInterval
    }

    /// process()'s check at each period start: with no note playing the amplifier decays.
    mutating func noteIsGone() { amplifier = .decay }

    mutating func render(_ out: UnsafeMutablePointer<Float>, frames: Int) {
        for i in 0..<frames {
            if envelopeCountdown >= LB302Filter.envelopeInterval {
                filter.envelopeStep()
                envelopeCountdown = 0
            }
            samplesSinceNote += 1
            envelopeCountdown += 1
            phase += increment
            if phase > 0.5 { phase -= 1 }
            out[i] = filter.process(oscillator()) * amplitude
            switch amplifier {
            case .attack:
                amplitude += (Self.attackTarget - amplitude) * Self.attack
                if Double(samplesSinceNote) >= 0.5 * Double(sampleRateHz) { amplifier = .hold }
            case .decay:
                amplitude *= Self.decay
                if amplitude < Float(1 / 65536.0) {
                    amplitude = 0
                    amplifier = .idle
                }
            case .hold, .idle: break
            }
        }
    }

    /// The wave at the current phase (vco_k).
    private mutating func oscillator() -> Float {
        let c = phase
        switch s.shape {
        case 0: return c
        case 1:
            let k = Float(Double(c) * 2.0 + 0.5)
            return k > 0.5 ? Float(1.0 - Double(k)) : k
        case 2: return c < 0 ? 0.5 : -0.5
        case 3: return c < 0 ? sqrtf(1 - c * c * 4) - 0.5 : -0.5
        case 4:
            var k = Float(Double(c) * 2.0 + 0.5)
            if k > 1 {
                k = -0.5
            } else if k > 0.5 {
                let w = Float(2.0 * (Double(k) - 0.5) - 1.0)
                k = Float(0.5 - Double(sqrtf(Float(1.0 - Double(w * w)))))
            }
            return Float(Double(k) * 2.0)
        case 5: return 0.5 * sinf(c * Float(2 * Double.pi))
        case 6:
            var ph = c - Float(Int(c))
            if ph > 0.5 { ph = 1 - ph }
            return Float(0.5 * Double(-1 + 8 * ph * ph))
        case 7: return Float(0.5 * Double(noise.sample()))
        default:
            let wave = bandLimited!.sample(phase: c + 0.5, wavelength: 1 / increment)
            return s.shape == 11 ? wave : wave * 0.5
        }
    }
}
