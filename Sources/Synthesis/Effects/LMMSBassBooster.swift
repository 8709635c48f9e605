// LMMS 1.2.2's own "Bass Booster" (plugins/BassBooster, include/DspEffectLibrary.h FastBassBoost): a one-pole
// low-pass of each channel added back at `ratio`, all times `gain`. Controls: freq (50...200 Hz, scaled by
// rate / 44100), gain (0.1...5), ratio (0.1...10).

final class LMMSBassBooster: LMMSEffectProcessor {
    let processorCount = 1
    private let frequency: Float, gain1: Float, gain2: Float, ratio: Float
    private var capLeft: Float = 0, capRight: Float = 0

    init(_ settings: LMMSEffectSettings, sampleRateHz: Float) {
        let factor = sampleRateHz / 44100
        frequency = min(max(settings.controls["freq"] ?? 100, 50), 200) * factor
        gain1 = Float(1.0 / (Double(frequency) + 1.0))
        gain2 = min(max(settings.controls["gain"] ?? 1, 0.1), 5)
        ratio = min(max(settings.controls["ratio"] ?? 2, 0.1), 10)
    }

    func run(inLeft: UnsafePointer<Float>, inRight: UnsafePointer<Float>,
             outLeft: UnsafeMutablePointer<Float>, outRight: UnsafeMutablePointer<Float>, frames: Int) {
        for f in 0..<frames {
            capLeft = (inLeft[f] + capLeft * frequency) * gain1
            outLeft[f] = (inLeft[f] + capLeft * ratio) * gain2
            capRight = (inRight[f] + capRight * frequency) * gain1
            outRight[f] = (inRight[f] + capRight * ratio) * gain2
        }
    }
}
