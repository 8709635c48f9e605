// LB302's two filters (plugins/lb302/lb302.cpp): the 12 dB resonant IIR with LMMS's distortion after it, and
// the 24 dB three-pole ladder with tanh saturation. Both follow a filter envelope recomputed every 64 samples
// that starts at its peak with each note and falls by a fixed factor per step. Types follow LMMS's: float state,
// double constants (the results stored as float).

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct LB302Filter {
    /// ENVINC: samples between envelope updates.
    static let envelopeInterval = 64

    private let threePole: Bool
    private let cutoff: Float, resonance: Float, envelopeAmount: Float, distortion: Float, envelopeDecay: Float
    private let sampleRateHz: Float
    private var envelope: Float = 0, base: Float = 0, peak: Float = 0, resonanceCoefficient: Float = 0
    // IIR2
    private var d1: Float = 0, d2: Float = 0, a: Float = 0, b: Float = 0, c: Float = 1
    private let distortionThreshold: Float
    // Three-pole
    private var kp: Float = 0, kp1h: Float = 0, kres: Float = 0, value: Float = 0
    private var ay1: Float = 0, ay2: Float = 0, aout: Float = 0, lastIn: Float = 0

    init(_ s: LB302Settings, sampleRateHz: Float) {
        threePole = s.filter24dB
        cutoff = s.cutoff
        resonance = s.resonance
        envelopeAmount = s.envelopeAmount
        distortion = s.filterDistortion
        envelopeDecay = s.envelopeDecayFactor(sampleRateHz: sampleRateHz)
        self.sampleRateHz = sampleRateHz
        distortionThreshold = Float(Double(distortion) * 75.0)
        recalc()
    }

    /// recalc: the envelope's floor and range from the knobs (the three-pole filter uses fixed ones).
    mutating func recalc() {
        if threePole {
            base = 0.000001
            peak = 1
            return
        }
        let (mod, cut, res) = (Double(envelopeAmount), Double(cutoff), Double(resonance))
        peak = Float(exp(6.109 + 1.5876 * mod + 2.1553 * cut - 1.2 * (1.0 - res)))
        base = Float(exp(5.613 - 0.8 * mod + 2.1553 * cut - 0.7696 * (1.0 - res)))
        base = Float(Double(base) * (Double.pi / Double(sampleRateHz)))
        peak = Float(Double(peak) * (Double.pi / Double(sampleRateHz)))
        peak -= base
        resonanceCoefficient = Float(exp(-1.20 + 3.455 * res))
    }

    /// playNote: the envelope restarts at its peak.
    mutating func startNote() { envelope = peak }

    /// envRecalc: one envelope step and the coefficients it gives.
    mutating func envelopeStep() {
        envelope *= envelopeDecay
        let w = base + envelope
        if threePole {
            let k = cutoff > 0.975 ? 0.975 : cutoff
            let half = sampleRateHz / 2
            let kfco: Float = 50 + k * ((2300 - 1600 * envelopeAmount) + w * (700 + 1500 * k + (1500 + k * (half - 6000)) * envelopeAmount))
            let kfcn = Float(2.0 * Double(kfco) / Double(sampleRateHz))
            let f = Double(kfcn)
            kp = Float(((-2.7528 * f + 3.0429) * f + 1.718) * f - 0.9984)
            let kp1 = Float(Double(kp) + 1.0)
            kp1h = Float(0.5 * Double(kp1))
            let p = Double(kp1)
            kres = Float(Double(resonance) * (((-2.7079 * p + 10.963) * p - 14.934) * p + 8.4974))
            value = Float(1.0 + Double(distortion) * (1.5 + 2.0 * Double(kres) * (1.0 - f)))
        } else {
            let k = expf(-w / resonanceCoefficient)
            a = Float(2.0 * cos(2.0 * Double(w)) * Double(k))
            b = -k * k
            c = Float(1.0 - Double(a) - Double(b))
        }
    }

    mutating func process(_ x: Float) -> Float {
        if threePole {
            let ax1 = lastIn, ay11 = ay1, ay31 = ay2
            lastIn = x - tanhf(kres * aout)
            ay1 = kp1h * (lastIn + ax1) - kp * ay1
            ay2 = kp1h * (ay1 + ay11) - kp * ay2
            aout = kp1h * (ay2 + ay31) - kp * aout
            return Float(Double(tanhf(aout * value)) * 3.0 / (1.0 + Double(distortion)))
        }
        var y = a * d1 + b * d2 + c * x
        d2 = d1
        d1 = y
        if distortion > 0 { y = KickerMath.distort(y, threshold: distortionThreshold, gain: 1) }
        return y
    }
}
