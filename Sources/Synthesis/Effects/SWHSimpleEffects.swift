// Two mono plugins of Steve Harris's LADSPA set as LMMS 1.2.2 bundles it (plugins/LadspaEffect/swh).

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// hard_limiter_1413 "hardLimiter": ports 0 dB limit (-50...0), 1 wet level (0...1), 2 residue level (0...1),
/// 3 input, 4 output. Levels above the limit are cut; the cut part is mixed back at the residue level.
struct SWHHardLimiter: LADSPAMonoKernel {
    private let limitGain: Float, wetGain: Float, residueGain: Float

    init(_ settings: LMMSEffectSettings, processor: Int) {
        let limitDecibels = min(max(settings.port(0, processor: processor) ?? 0, -50), 0)
        limitGain = Float(pow(10, Double(limitDecibels / 20)))
        wetGain = min(max(settings.port(1, processor: processor) ?? 1, 0), 1)
        residueGain = min(max(settings.port(2, processor: processor) ?? 0, 0), 1)
    }

    func run(_ input: UnsafePointer<Float>, _ output: UnsafeMutablePointer<Float>, frames: Int) {
        for i in 0..<frames {
            let sign: Float = input[i] < 0 ? -1 : 1
            var data = input[i] * sign
            let residue = data > limitGain ? data - limitGain : 0
            data -= residue
            output[i] = sign * (wetGain * data + residueGain * residue)
        }
    }
}

/// dc_remove_1207 "dcRemove": ports 0 input, 1 output; y = 0.999 y1 + x - x1.
struct SWHDCRemove: LADSPAMonoKernel {
    private var lastInput: Float = 0, lastOutput: Float = 0

    mutating func run(_ input: UnsafePointer<Float>, _ output: UnsafeMutablePointer<Float>, frames: Int) {
        for i in 0..<frames {
            lastOutput = 0.999 * lastOutput + input[i] - lastInput
            lastInput = input[i]
            output[i] = lastOutput
        }
    }
}
