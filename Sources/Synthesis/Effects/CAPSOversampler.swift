// CAPS 0.4.5's 8x oversampling around a nonlinearity, as bundled with LMMS 1.2.2 (dsp/FIR.h, dsp/sinc.h,
// dsp/windows.h): a Kaiser-windowed sinc (64 taps, beta 6.4) that upsamples by zero-stuffing (FIRUpsampler, which
// keeps only the non-zero input samples) and low-passes before decimation (FIR). Clip and the Amp family share it.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The float kernels a plugin computes in `init`.
struct CAPSOversamplingKernels {
    static let oversample = 8, taps = 64
    let up: [Float], down: [Float]

    /// windows.h `besseli`: the modified Bessel function I0 by its polynomial approximation.
    static func besseli(_ x: Double) -> Double {
        let ax = abs(x)
        if ax < 3.75 {
            var y = x / 3.75
            y *= y
            return 1.0 + y * (3.5156229 + y * (3.0899424 + y * (1.2067492 + y * (0.2659732 + y * (0.360768e-1
                + y * 0.45813e-2)))))
        }
        let y = 3.75 / ax
        return (exp(ax) / sqrt(ax)) * (0.39894228 + y * (0.1328592e-1 + y * (0.225319e-2 + y * (-0.157565e-2
            + y * (0.916281e-2 + y * (-0.2057706e-1 + y * (0.2635537e-1 + y * (-0.1647633e-1 + y * 0.392377e-2))))))))
    }

    /// `DSP::sinc(omega)` through the recursive sine, then `kaiser<apply_window>(6.4)` (the window value is
    /// passed as a float), then scaled for unity gain: the downsampler by 1/sum, the
    /// upsampler by oversample/sum.
    init(omega: Double) {
        let n = Self.taps
        var c = [Float](repeating: 0, count: n)
        var sine = CAPSSine()
        var phi = Double(n / 2) * -omega
        sine.set(omega: omega, phase: phi)
        for i in 0..<n {
            let s = sine.get()
            c[i] = abs(phi) < 0.000000001 ? 1 : Float(s / phi)
            phi += omega
        }
        let bb = Self.besseli(6.4)
        var i = Double(-n / 2) + 0.1
        for si in 0..<n {
            var k = Self.besseli(6.4 * sqrt(1 - pow(2 * i / Double(n - 1), 2))) / bb
            if !k.isFinite { k = 0 }
            c[si] *= Float(k)
            i += 1
        }
        var sum = 0.0
        for v in c { sum += Double(v) }
        let scale = 1 / sum
        down = c.map { Float(Double($0) * scale) }
        up = c.map { Float(Double($0) * (scale * Double(Self.oversample))) }
    }
}

/// FIRUpsampler + FIR: one input sample in, eight oversampled values out through `shape`, one sample back.
struct CAPSOversampler {
    private let up: [Float], down: [Float]
    /// Upsampler history (only the non-zero input samples, 8 of them) and downsampler history (64).
    private var upHistory = [Float](repeating: 0, count: 8), upIndex = 0
    private var downHistory = [Float](repeating: 0, count: 64), downIndex = 0

    init(_ kernels: CAPSOversamplingKernels) {
        up = kernels.up
        down = kernels.down
    }

    /// FIRUpsampler::upsample: the first of the eight oversampled values.
    @inline(__always) mutating func upsample(_ x: Float) -> Float {
        upHistory[upIndex] = x
        var s: Float = 0
        var z = upIndex, tap = 0
        while tap < CAPSOversamplingKernels.taps {
            s += up[tap] * upHistory[z & 7]
            z -= 1
            tap += CAPSOversamplingKernels.oversample
        }
        upIndex = (upIndex + 1) & 7
        return s
    }

    /// FIRUpsampler::pad: oversampled value `o` (1...7) after the last input.
    @inline(__always) func pad(_ o: Int) -> Float {
        var s: Float = 0
        var z = upIndex - 1, tap = o
        while tap < CAPSOversamplingKernels.taps {
            s += up[tap] * upHistory[z & 7]
            z -= 1
            tap += CAPSOversamplingKernels.oversample
        }
        return s
    }

    /// FIR::process: stores `x` and returns the filtered output.
    @inline(__always) mutating func downsample(_ x: Float) -> Float {
        downHistory[downIndex] = x
        var a = x * down[0]
        var z = downIndex - 1
        for t in 1..<CAPSOversamplingKernels.taps {
            a += down[t] * downHistory[z & 63]
            z -= 1
        }
        downIndex = (downIndex + 1) & 63
        return a
    }

    /// FIR::store: history only.
    @inline(__always) mutating func store(_ x: Float) {
        downHistory[downIndex] = x
        downIndex = (downIndex + 1) & 63
    }
}
