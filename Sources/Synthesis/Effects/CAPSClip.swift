// CAPS 0.4.5 "Clip" as bundled with LMMS 1.2.2 (plugins/LadspaEffect/caps/Clip.cc, dsp/FIR.h, sinc.h, windows.h):
// a hard clipper at +-0.9, 8x oversampled through a 64-tap Kaiser-windowed sinc. Mono (LMMS runs one per
// channel). Ports: 0 in, 1 gain (dB, -72...72), 2 out, 3 latency (output).

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The up- and down-sampling kernels every Clip instance computes in `init` (float taps).
enum CAPSClipKernels {
    static let oversample = 8, taps = 64

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

    /// (up, down): sinc at 0.5 pi / 8 through a recursive sine, Kaiser window (beta 6.4), unity-gain scaling.
    static let kernels: (up: [Float], down: [Float]) = {
        let n = taps
        let omega = 0.5 * Double.pi / Double(oversample)
        var c = [Float](repeating: 0, count: n)
        var sine = CAPSSine()
        var phi = Double(n / 2) * -omega
        sine.set(omega: omega, phase: phi)
        for i in 0..<n {
            let s = sine.get()
            c[i] = abs(phi) < 0.000000001 ? 1 : Float(s / phi)
            phi += omega
        }
        let bb = besseli(6.4)
        var i = Double(-n / 2) + 0.1
        for si in 0..<n {
            var k = besseli(6.4 * sqrt(1 - pow(2 * i / Double(n - 1), 2))) / bb
            if !k.isFinite { k = 0 }
            c[si] = Float(Double(c[si]) * k)
            i += 1
        }
        var sum = 0.0
        for v in c { sum += Double(v) }
        var scale = 1 / sum
        let down = c.map { Float(Double($0) * scale) }
        scale *= Double(oversample)
        let up = c.map { Float(Double($0) * scale) }
        return (up, down)
    }()
}

struct CAPSClip: LADSPAMonoKernel {
    private let gain: Float
    private let up = CAPSClipKernels.kernels.up, down = CAPSClipKernels.kernels.down
    /// Upsampler history (only the non-zero input samples, 8 of them) and downsampler history (64).
    private var upHistory = [Float](repeating: 0, count: 8), upIndex = 0
    private var downHistory = [Float](repeating: 0, count: 64), downIndex = 0

    init(_ settings: LMMSEffectSettings, processor: Int) {
        // Clip::activate: gain from the (unclamped) port; later runs see the same value, so the gain stays.
        let decibels = settings.port(1, processor: processor) ?? 1
        gain = Float(pow(10, Double(decibels) * 0.05))
    }

    @inline(__always) private func clip(_ a: Float) -> Float {
        if a < -0.9 { return -0.9 }
        if a > 0.9 { return 0.9 }
        return a
    }

    mutating func run(_ input: UnsafePointer<Float>, _ output: UnsafeMutablePointer<Float>, frames: Int) {
        let over = CAPSClipKernels.oversample, n = CAPSClipKernels.taps
        for i in 0..<frames {
            // FIRUpsampler::upsample
            upHistory[upIndex] = gain * input[i]
            var s: Float = 0
            var z = upIndex, tap = 0
            while tap < n { s += up[tap] * upHistory[z & 7]; z -= 1; tap += over }
            upIndex = (upIndex + 1) & 7
            // FIR::process on the first of the eight samples
            downHistory[downIndex] = clip(s)
            var a = downHistory[downIndex] * down[0]
            var dz = downIndex - 1
            for t in 1..<n { a += down[t] * downHistory[dz & 63]; dz -= 1 }
            downIndex = (downIndex + 1) & 63
            // the seven zero-stuffed samples: FIRUpsampler::pad then FIR::store
            for o in 1..<over {
                var p: Float = 0
                var pz = upIndex - 1, ptap = o
                while ptap < n { p += up[ptap] * upHistory[pz & 7]; pz -= 1; ptap += over }
                downHistory[downIndex] = clip(p)
                downIndex = (downIndex + 1) & 63
            }
            output[i] = a
        }
    }
}
