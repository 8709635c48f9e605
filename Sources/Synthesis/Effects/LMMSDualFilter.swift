// LMMS 1.2.2's own "Dual Filter" (plugins/DualFilter): two of LMMS's basic filters (the instrument filter) on the
// same input, each with a gain in percent, cross-faded by `mix` (-1 all filter 1 ... 1 all filter 2). A disabled
// filter contributes nothing. Controls: enabled1/2, filter1/2 (LMMS filter type), cut1/2 (1...20000 Hz),
// res1/2 (0.01...10), gain1/2 (0...200 %), mix.

final class LMMSDualFilter: LMMSEffectProcessor {
    let processorCount = 1
    private struct Branch {
        var filter: LMMSFilter?
        var gain: Float
    }
    private var first: Branch, second: Branch
    private let mix: Float

    init(_ settings: LMMSEffectSettings, sampleRateHz: Float) {
        func control(_ name: String, _ fallback: Float, _ low: Float, _ high: Float) -> Float {
            min(max(settings.controls[name] ?? fallback, low), high)
        }
        func branch(_ n: Int) -> Branch {
            let enabled = (settings.controls["enabled\(n)"] ?? 1) != 0
            let type = LMMSFilterType(rawValue: Int(settings.controls["filter\(n)"] ?? 0)) ?? .lowPass
            var filter: LMMSFilter? = nil
            if enabled {
                var made = LMMSFilter(type: type, sampleRateHz: sampleRateHz)
                made.setCoefficients(cutoffHz: control("cut\(n)", 7000, 1, 20000), q: control("res\(n)", 0.5, 0.01, 10))
                filter = made
            }
            return Branch(filter: filter, gain: control("gain\(n)", 100, 0, 200) * 0.01)
        }
        first = branch(1)
        second = branch(2)
        mix = control("mix", 0, -1, 1)
    }

    func run(inLeft: UnsafePointer<Float>, inRight: UnsafePointer<Float>,
             outLeft: UnsafeMutablePointer<Float>, outRight: UnsafeMutablePointer<Float>, frames: Int) {
        let mix2 = (mix + 1) * 0.5
        let mix1 = 1 - mix2
        for f in 0..<frames {
            var l: Float = 0, r: Float = 0
            if first.filter != nil {
                let a = first.filter!.process(inLeft[f], channel: 0) * first.gain
                let b = first.filter!.process(inRight[f], channel: 1) * first.gain
                l += a * mix1
                r += b * mix1
            }
            if second.filter != nil {
                let a = second.filter!.process(inLeft[f], channel: 0) * second.gain
                let b = second.filter!.process(inRight[f], channel: 1) * second.gain
                l += a * mix2
                r += b * mix2
            }
            outLeft[f] = l
            outRight[f] = r
        }
    }
}
