// The parts CAPS 0.4.5's tube amps share (dsp/TwelveAX7.h `TwelveAX7_3`, dsp/BiQuad.h, dsp/RBJ.h, dsp/OnePole.h,
// Amp.h `AmpStub`), as bundled with LMMS 1.2.2. All state and coefficients are float, as in CAPS.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// TwelveAX7_3: the sampled 12AX7 curve, read by linear interpolation from the *nearest* index (so the fraction
/// runs from -0.5 to 0.5, as CAPS does it).
enum CAPSTwelveAX7 {
    /// The input level at which the curve's negative side ends: Zero / (Samples - Zero), as float.
    static let scale = Float(Double(CAPSTwelveAX7Table.zeroIndex)
        / (Double(CAPSTwelveAX7Table.sampleCount) - Double(CAPSTwelveAX7Table.zeroIndex)))

    @inline(__always) static func transfer(_ x: Float) -> Float {
        let table = CAPSTwelveAX7Table.self
        let a = Float(table.zeroIndex) + x * Float(table.sampleCount - table.zeroIndex)
        if a <= 0 { return table.voltages[0] }
        if a >= Float(table.sampleCount - 1) { return table.voltages[table.sampleCount - 1] }
        let i = Int(a.rounded(.toNearestOrEven))
        let fraction = a - Float(i)
        return table.voltages[i] * (1 - fraction) + table.voltages[i + 1] * fraction
    }
}

/// DSP::BiQuad (direct form I, float) with coefficients from RBJ's cookbook low shelf (`RBJ::LoShelve`).
struct CAPSBiQuad {
    private var a: (Float, Float, Float) = (1, 0, 0), b: (Float, Float) = (0, 0)
    /// The two-sample history, indexed by `h` and `h ^ 1` as CAPS does.
    private var x = SIMD2<Float>(0, 0), y = SIMD2<Float>(0, 0)
    private var h = 0

    /// `LoShelve(f, Q, dB)` with f as a fraction of the sample rate; Q doubles as the shelf slope.
    init(lowShelfAt f: Double, q: Double, decibels: Double) {
        let w = 2 * Double.pi * f
        let sinW = sin(w), cosW = cos(w)
        let A = pow(10, decibels * 0.025)
        let beta = sqrt((A * A + 1) / q - (A - 1) * (A - 1))
        let ap1 = A + 1, am1 = A - 1, betaSin = beta * sinW
        let b0 = A * (ap1 - am1 * cosW + betaSin), b1 = 2 * A * (am1 - ap1 * cosW), b2 = A * (ap1 - am1 * cosW - betaSin)
        let a0 = ap1 + am1 * cosW + betaSin, a1 = -2 * (am1 + ap1 * cosW), a2 = ap1 + am1 * cosW - betaSin
        let a0i = 1 / a0
        a = (Float(b0 * a0i), Float(b1 * a0i), Float(b2 * a0i))
        b = (Float(-a1 * a0i), Float(-a2 * a0i))
    }

    @inline(__always) mutating func process(_ s: Float) -> Float {
        var z = h
        var r = s * a.0
        r += a.1 * x[z]
        r += b.0 * y[z]
        z ^= 1
        r += a.2 * x[z]
        r += b.1 * y[z]
        y[z] = r
        x[z] = s
        h = z
        return r
    }
}

/// DSP::OnePoleHP: the DC blocker before the power stage.
struct CAPSOnePoleHighPass {
    private let a0: Float, a1: Float, b1: Float
    private var x1: Float = 0, y1: Float = 0

    /// `set_f(f)`, f as a fraction of the sample rate.
    init(cutoff f: Double) {
        let d = exp(-2 * Double.pi * f)
        a0 = Float((1 + d) / 2)
        a1 = Float((1 + d) / -2)
        b1 = Float(d)
    }

    @inline(__always) mutating func process(_ x: Float) -> Float {
        y1 = a0 * x + a1 * x1 + b1 * y1
        x1 = x
        return y1
    }
}

/// AmpStub: the preamp gain (faded per block from its last value), the 8x-oversampled tube and power stage,
/// and the renormal constant the LADSPA descriptor flips after every run.
struct CAPSAmpStage {
    /// Amp.cc's upsampler: sinc at 0.7 pi / 8 ("a bit lower than nominal"), downsampler not adjusted.
    static let kernels = CAPSOversamplingKernels(omega: 0.7 * Double.pi / Double(CAPSOversamplingKernels.oversample))
    private var oversampler = CAPSOversampler(Self.kernels)
    private var dcBlocker: CAPSOnePoleHighPass
    private var drive: Float = 0, inverseDrive: Float = 1
    /// `current.g`: activate() sets 1, so the first block fades from unity to the knob's gain.
    private var currentGain = 1.0
    private(set) var normal: Float = 0.00000000000005

    init(sampleRateHz fs: Double) {
        dcBlocker = CAPSOnePoleHighPass(cutoff: 10 / (fs * Double(CAPSOversamplingKernels.oversample)))
    }

    /// The start of `one_cycle`: drive and the per-sample gain factor for this block; returns (g, gf).
    mutating func startBlock(_ knobs: CAPSAmpKnobs, frames: Int) -> (Double, Double) {
        drive = Float(Double(knobs.drive) * 0.5)
        inverseDrive = 1 / (1 - drive)
        var g = currentGain
        let target = max(knobs.gain < 1 ? knobs.gain : exp2f(knobs.gain - 1), Float(0.000001))
        currentGain = Double(target) * Double(CAPSTwelveAX7.scale / abs(CAPSTwelveAX7.transfer(knobs.temperature)))
        if g == 0 { g = currentGain }
        let oneOverN = frames > 0 ? 1 / Double(frames) : 1
        return (g, pow(currentGain / g, oneOverN))
    }

    /// The end of `one_cycle` and the descriptor's `normal = -normal`.
    mutating func endBlock(gain g: Double) {
        currentGain = g
        normal = -normal
    }

    @inline(__always) private func powerTransfer(_ a: Float) -> Float {
        inverseDrive * (a - drive * abs(a) * a)
    }

    /// One input sample through the tube (oversampled), the DC blocker and the power stage.
    @inline(__always) mutating func powerStage(_ x: Float) -> Float {
        let a = oversampler.downsample(powerTransfer(dcBlocker.process(CAPSTwelveAX7.transfer(oversampler.upsample(x)))))
        for o in 1..<CAPSOversamplingKernels.oversample {
            oversampler.store(powerTransfer(dcBlocker.process(normal + CAPSTwelveAX7.transfer(oversampler.pad(o)))))
        }
        return a
    }
}
