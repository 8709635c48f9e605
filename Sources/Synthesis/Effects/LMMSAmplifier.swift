// LMMS 1.2.2's own "Amplifier" effect (plugins/Amplifier): volume (0...200 %), panning that takes level from the
// other side, then a level per channel (0...200 %). LMMS gates it on the period's power before amplification; the
// chain measures after, which differs only while the input is within a factor of the gate's 1e-10 floor.

final class LMMSAmplifier: LMMSEffectProcessor {
    let processorCount = 1
    private let volume: Float, leftFactor: Double, rightFactor: Double

    init(_ settings: LMMSEffectSettings) {
        func control(_ name: String, _ fallback: Float, _ range: ClosedRange<Float>) -> Float {
            min(max(settings.controls[name] ?? fallback, range.lowerBound), range.upperBound)
        }
        volume = control("volume", 100, 0...200)
        let pan = control("pan", 0, -100...100)
        // Float sides, times the channel levels in float, then by the double 0.01 as LMMS writes it.
        let leftSide: Float = pan <= 0 ? 1 : Float(1.0 - Double(pan * 0.01))
        let rightSide: Float = pan >= 0 ? 1 : Float(1.0 + Double(pan * 0.01))
        leftFactor = Double(leftSide * control("left", 100, 0...200)) * 0.01
        rightFactor = Double(rightSide * control("right", 100, 0...200)) * 0.01
    }

    func run(inLeft: UnsafePointer<Float>, inRight: UnsafePointer<Float>,
             outLeft: UnsafeMutablePointer<Float>, outRight: UnsafeMutablePointer<Float>, frames: Int) {
        let gain = volume * 0.01
        for f in 0..<frames {
            outLeft[f] = Float(Double(inLeft[f] * gain) * leftFactor)
            outRight[f] = Float(Double(inRight[f] * gain) * rightFactor)
        }
    }
}
