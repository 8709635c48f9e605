// LMMS 1.2.2's own "Stereo Enhancer" effect (plugins/stereo_enhancer, with effect_lib's stereoEnhancer): the right
// channel is read `width` frames late from a 256-frame ring (truncated toward zero, as C's float-to-int), then the
// two are crossed by sin(width / 2 degrees), each from the other's input (measured against LMMS 1.2.2's render of
// STrash's chain: the right channel takes the left before its update). Control width 0...180.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

final class LMMSStereoEnhancer: LMMSEffectProcessor {
    let processorCount = 1
    /// DEFAULT_BUFFER_SIZE: the delay ring's length.
    private static let ringFrames = 256
    private let width: Float
    /// sinf(width * .5 * toRad) with toRad the float of 3.141592 / 180, the product in double as C promotes it.
    private let cross: Float
    private var ringLeft = [Float](repeating: 0, count: ringFrames)
    private var ringRight = [Float](repeating: 0, count: ringFrames)
    private var current = 0

    init(_ settings: LMMSEffectSettings) {
        width = min(max(settings.controls["width"] ?? 0, 0), 180)
        let toRadians = Float(3.141592 / 180)
        cross = sinf(Float(Double(width) * 0.5 * Double(toRadians)))
    }

    func run(inLeft: UnsafePointer<Float>, inRight: UnsafePointer<Float>,
             outLeft: UnsafeMutablePointer<Float>, outRight: UnsafeMutablePointer<Float>, frames: Int) {
        for f in 0..<frames {
            ringLeft[current] = inLeft[f]
            ringRight[current] = inRight[f]
            var index = Int(Float(current) - width)
            if index < 0 { index += Self.ringFrames }
            let left = inLeft[f], right = ringRight[index]
            outLeft[f] = left + right * cross
            outRight[f] = right - left * cross
            current = (current + 1) % Self.ringFrames
        }
    }

    /// clearMyBuffer once the effect stops running.
    func stopped() {
        for i in 0..<Self.ringFrames { ringLeft[i] = 0; ringRight[i] = 0 }
        current = 0
    }
}
