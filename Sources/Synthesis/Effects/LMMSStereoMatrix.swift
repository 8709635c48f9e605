// LMMS 1.2.2's own "Stereo Matrix" effect (plugins/stereo_matrix): each output channel is a weighted sum of both
// inputs. Controls l-l, l-r, r-l, r-r, each -1...1 (default 1 for l-l and r-r, 0 for the cross terms).

final class LMMSStereoMatrix: LMMSEffectProcessor {
    let processorCount = 1
    private let leftToLeft: Float, leftToRight: Float, rightToLeft: Float, rightToRight: Float

    init(_ settings: LMMSEffectSettings) {
        func control(_ name: String, _ fallback: Float) -> Float {
            min(max(settings.controls[name] ?? fallback, -1), 1)
        }
        leftToLeft = control("l-l", 1)
        leftToRight = control("l-r", 0)
        rightToLeft = control("r-l", 0)
        rightToRight = control("r-r", 1)
    }

    func run(inLeft: UnsafePointer<Float>, inRight: UnsafePointer<Float>,
             outLeft: UnsafeMutablePointer<Float>, outRight: UnsafeMutablePointer<Float>, frames: Int) {
        for f in 0..<frames {
            let l = inLeft[f], r = inRight[f]
            let newLeft = leftToLeft * l + rightToLeft * r
            let newRight = leftToRight * l + rightToRight * r
            outLeft[f] = newLeft
            outRight[f] = newRight
        }
    }
}
