// CAPS 0.4.5 "Clip" as bundled with LMMS 1.2.2 (plugins/LadspaEffect/caps/Clip.cc): a hard clipper at +-0.9,
// 8x oversampled (CAPSOversampler, sinc at 0.5 pi / 8). Mono (LMMS runs one per channel). Ports: 0 in, 1 gain
// (dB, -72...72), 2 out, 3 latency (output).

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct CAPSClip: LADSPAMonoKernel {
    static let kernels = CAPSOversamplingKernels(omega: 0.5 * Double.pi / Double(CAPSOversamplingKernels.oversample))
    private let gain: Float
    private var oversampler = CAPSOversampler(Self.kernels)

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
        for i in 0..<frames {
            let a = oversampler.downsample(clip(oversampler.upsample(gain * input[i])))
            for o in 1..<CAPSOversamplingKernels.oversample {
                oversampler.store(clip(oversampler.pad(o)))
            }
            output[i] = a
        }
    }
}
