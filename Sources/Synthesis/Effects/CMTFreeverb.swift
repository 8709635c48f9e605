// CMT 1.16 "freeverb3" (Jezar's Freeverb as LMMS 1.2.2 bundles it, plugins/LadspaEffect/cmt/src/freeverb):
// eight damped combs and four all-passes per channel on the summed input. Ports: 0/1 in, 2/3 out, 4 freeze
// mode (toggle), 5 room size, 6 damping, 7 wet, 8 dry, 9 width (all 0...1).

final class CMTFreeverb: LMMSEffectProcessor {
    let processorCount = 1

    /// Freeverb's comb: a delay whose output is low-passed (damping) and fed back.
    private struct Comb {
        var buffer: [Float]
        var index = 0, store: Float = 0
        init(_ n: Int) { buffer = [Float](repeating: 0, count: n) }
        @inline(__always) mutating func process(_ input: Float, feedback: Float, damp1: Float, damp2: Float) -> Float {
            var output = buffer[index]
            if output.isSubnormal { output = 0 }
            store = output * damp2 + store * damp1
            if store.isSubnormal { store = 0 }
            buffer[index] = input + store * feedback
            index += 1
            if index >= buffer.count { index = 0 }
            return output
        }
    }

    private struct AllPass {
        var buffer: [Float]
        var index = 0
        init(_ n: Int) { buffer = [Float](repeating: 0, count: n) }
        @inline(__always) mutating func process(_ input: Float) -> Float {
            var delayed = buffer[index]
            if delayed.isSubnormal { delayed = 0 }
            buffer[index] = input + delayed * 0.5
            index += 1
            if index >= buffer.count { index = 0 }
            return -input + delayed
        }
    }

    private var combsLeft: [Comb], combsRight: [Comb], allPassesLeft: [AllPass], allPassesRight: [AllPass]
    private let gain: Float, feedback: Float, damp1: Float, damp2: Float, wet1: Float, wet2: Float, dry: Float

    init(_ settings: LMMSEffectSettings, sampleRateHz: Float) {
        let ratio = sampleRateHz / 44100
        let spread = 23
        let combTuning = [1116, 1188, 1277, 1356, 1422, 1491, 1557, 1617]
        let allPassTuning = [556, 441, 341, 225]
        combsLeft = combTuning.map { Comb(Int(Float($0) * ratio)) }
        combsRight = combTuning.map { Comb(Int(Float($0 + spread) * ratio)) }
        allPassesLeft = allPassTuning.map { AllPass(Int(Float($0) * ratio)) }
        allPassesRight = allPassTuning.map { AllPass(Int(Float($0 + spread) * ratio)) }
        func port(_ i: Int, _ fallback: Float) -> Float { min(max(settings.port(i) ?? fallback, 0), 1) }
        let frozen = (settings.port(4) ?? 0) > 0
        let width = port(9, 0.5)
        let wet = port(7, 0.5) * 3
        // revmodel::update
        wet1 = wet * (width / 2 + 0.5)
        wet2 = wet * ((1 - width) / 2)
        dry = port(8, 1) * 2
        feedback = frozen ? 1 : port(5, 0.5) * 0.28 + 0.7
        damp1 = frozen ? 0 : port(6, 0.5) * 0.4
        damp2 = 1 - damp1
        gain = frozen ? 0 : 0.015
    }

    func run(inLeft: UnsafePointer<Float>, inRight: UnsafePointer<Float>,
             outLeft: UnsafeMutablePointer<Float>, outRight: UnsafeMutablePointer<Float>, frames: Int) {
        for f in 0..<frames {
            let input = (inLeft[f] + inRight[f]) * gain
            var l: Float = 0, r: Float = 0
            for i in 0..<8 {
                l += combsLeft[i].process(input, feedback: feedback, damp1: damp1, damp2: damp2)
                r += combsRight[i].process(input, feedback: feedback, damp1: damp1, damp2: damp2)
            }
            for i in 0..<4 {
                l = allPassesLeft[i].process(l)
                r = allPassesRight[i].process(r)
            }
            outLeft[f] = l * wet1 + r * wet2 + inLeft[f] * dry
            outRight[f] = r * wet1 + l * wet2 + inRight[f] * dry
        }
    }
}
