// CAPS 0.4.5 "ToneStack" (David Yeh's tone-stack model) as bundled with LMMS 1.2.2
// (plugins/LadspaEffect/caps/ToneStack.cc, dsp/ToneStack.h, dsp/TDFII.h): the passive bass/mid/treble network
// of six classic amps as a third-order analog filter, bilinear-transformed and run in transposed direct form II
// (double state). Mono (LMMS runs one per channel). Ports: 0 in, 1 model (0...5), 2 bass, 3 mid, 4 treble
// (0...1), 5 out.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct CAPSToneStack: LADSPAMonoKernel {
    /// R1...R4 (ohm), C1...C3 (farad) of each model, written as CAPS's macros expand them.
    static let presets: [[Double]] = [
        [Double(250 * 1000), Double(1 * 1_000_000), Double(25 * 1000), Double(56 * 1000), 250 * 1e-12, 20 * 1e-9, 20 * 1e-9],
        [Double(250 * 1000), Double(250 * 1000), Double(10 * 1000), Double(100 * 1000), 120 * 1e-12, 100 * 1e-9, 47 * 1e-9],
        [Double(250 * 1000), Double(250 * 1000), 4.8 * 1000, Double(100 * 1000), 250 * 1e-12, 100 * 1e-9, 47 * 1e-9],
        [Double(220 * 1000), Double(1 * 1_000_000), Double(22 * 1000), Double(33 * 1000), 470 * 1e-12, 22 * 1e-9, 22 * 1e-9],
        [Double(250 * 1000), Double(1 * 1_000_000), Double(25 * 1000), Double(56 * 1000), 500 * 1e-12, 22 * 1e-9, 22 * 1e-9],
        [Double(1 * 1_000_000), Double(1 * 1_000_000), Double(10 * 1000), Double(100 * 1000), 50 * 1e-12, 22 * 1e-9, 22 * 1e-9],
    ]

    private var a = [Double](repeating: 0, count: 4), b = [Double](repeating: 0, count: 4)
    private var h = [Double](repeating: 0, count: 4)
    private var normal: Float = 0.00000000000005

    init(_ settings: LMMSEffectSettings, processor: Int, sampleRateHz fs: Double) {
        let model = min(max(Int(settings.port(1, processor: processor) ?? 0), 0), Self.presets.count - 1)
        let p = Self.presets[model]
        let (R1, R2, R3, R4, C1, C2, C3) = (p[0], p[1], p[2], p[3], p[4], p[5], p[6])
        // ToneStack::setparams
        let b1t = C1*R1, b1m = C3*R3, b1l = C1*R2 + C2*R2, b1d = C1*R3 + C2*R3
        let b2t = C1*C2*R1*R4 + C1*C3*R1*R4
        let b2m2 = -(C1*C3*R3*R3 + C2*C3*R3*R3)
        let b2m = C1*C3*R1*R3 + C1*C3*R3*R3 + C2*C3*R3*R3
        let b2l = C1*C2*R1*R2 + C1*C2*R2*R4 + C1*C3*R2*R4
        let b2lm = C1*C3*R2*R3 + C2*C3*R2*R3
        let b2d = C1*C2*R1*R3 + C1*C2*R3*R4 + C1*C3*R3*R4
        let b3lm = C1*C2*C3*R1*R2*R3 + C1*C2*C3*R2*R3*R4
        let b3m2 = -(C1*C2*C3*R1*R3*R3 + C1*C2*C3*R3*R3*R4)
        let b3m = C1*C2*C3*R1*R3*R3 + C1*C2*C3*R3*R3*R4
        let b3t = C1*C2*C3*R1*R3*R4
        let b3tm = -b3t
        let b3tl = C1*C2*C3*R1*R2*R4
        let a1d = C1*R1 + C1*R3 + C2*R3 + C2*R4 + C3*R4
        let a1m = C3*R3, a1l = C1*R2 + C2*R2
        let a2m = C1*C3*R1*R3 - C2*C3*R3*R4 + C1*C3*R3*R3 + C2*C3*R3*R3
        let a2lm = C1*C3*R2*R3 + C2*C3*R2*R3
        let a2m2 = -(C1*C3*R3*R3 + C2*C3*R3*R3)
        let a2l = C1*C2*R2*R4 + C1*C2*R1*R2 + C1*C3*R2*R4 + C2*C3*R2*R4
        let a2d = C1*C2*R1*R4 + C1*C3*R1*R4 + C1*C2*R3*R4 + C1*C2*R1*R3 + C1*C3*R3*R4 + C2*C3*R3*R4
        let a3lm = C1*C2*C3*R1*R2*R3 + C1*C2*C3*R2*R3*R4
        let a3m2 = -(C1*C2*C3*R1*R3*R3 + C1*C2*C3*R3*R3*R4)
        let a3m = C1*C2*C3*R3*R3*R4 + C1*C2*C3*R1*R3*R3 - C1*C2*C3*R1*R3*R4
        let a3l = C1*C2*C3*R1*R2*R4
        let a3d = C1*C2*C3*R1*R3*R4

        // ToneStack::updatecoefs (the controls never change within a render)
        let bass = Double(min(max(settings.port(2, processor: processor) ?? 0.5, 0), 1))
        var m = Double(min(max(settings.port(3, processor: processor) ?? 0.5, 0), 1))
        let t = Double(min(max(settings.port(4, processor: processor) ?? 0.5, 0), 1))
        m = (m - 1) * 3.5
        m = pow(10, m)
        let c = 2 * fs
        let A1 = a1d + m*a1m + bass*a1l
        let A2 = m*a2m + bass*m*a2lm + m*m*a2m2 + bass*a2l + a2d
        let A3 = bass*m*a3lm + m*m*a3m2 + m*a3m + bass*a3l + a3d
        let da0 = -1 - A1*c - A2*c*c - A3*c*c*c
        let da = [da0, -3 - A1*c + A2*c*c + 3*A3*c*c*c, -3 + A1*c + A2*c*c - 3*A3*c*c*c, -1 + A1*c - A2*c*c + A3*c*c*c]
        let B1 = t*b1t + m*b1m + bass*b1l + b1d
        let B2 = t*b2t + m*m*b2m2 + m*b2m + bass*b2l + bass*m*b2lm + b2d
        let B3 = bass*m*b3lm + m*m*b3m2 + m*b3m + t*b3t + t*m*b3tm + t*bass*b3tl
        let db = [-B1*c - B2*c*c - B3*c*c*c, -B1*c + B2*c*c + 3*B3*c*c*c, B1*c + B2*c*c - 3*B3*c*c*c,
                  B1*c - B2*c*c + B3*c*c*c]
        for i in 1...3 { a[i] = da[i] / da0 }
        for i in 0...3 { b[i] = db[i] / da0 }
    }

    mutating func run(_ input: UnsafePointer<Float>, _ output: UnsafeMutablePointer<Float>, frames: Int) {
        for i in 0..<frames {
            let s = Double(input[i] + normal)
            // TDFII<3>::process
            let y = h[0] + b[0] * s
            h[0] = h[1] + b[1] * s - a[1] * y
            h[1] = h[2] + b[2] * s - a[2] * y
            h[2] = b[3] * s - a[3] * y
            output[i] = Float(y)
        }
        normal = -normal
    }
}
