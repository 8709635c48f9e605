// CMT 1.16 "amp_stereo" as bundled with LMMS 1.2.2 (plugins/LadspaEffect/cmt/src/amp.cpp): both channels times
// one gain. Ports: 0 Gain (no upper bound: LMMS's host caps a port named "Gain" at 10), 1 in L, 2 out L, 3 in R,
// 4 out R.

final class CMTStereoAmplifier: LMMSEffectProcessor {
    let processorCount = 1
    private let gain: Float

    init(_ settings: LMMSEffectSettings) {
        gain = min(max(settings.port(0) ?? 1, 0), 10)
    }

    func run(inLeft: UnsafePointer<Float>, inRight: UnsafePointer<Float>,
             outLeft: UnsafeMutablePointer<Float>, outRight: UnsafeMutablePointer<Float>, frames: Int) {
        for f in 0..<frames { outLeft[f] = inLeft[f] * gain }
        for f in 0..<frames { outRight[f] = inRight[f] * gain }
    }
}
