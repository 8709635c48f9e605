// How far each preset sits from the init patch in normalised parameter space (every parameter
// mapped to 0...1 through its scale, as the random sampler sees it).

public struct InitPatchDistance: Sendable, Equatable {
    /// Root-mean-square difference from the init patch over all parameters, in normalised units
    /// (0 = the init patch; a uniformly random patch lands near 0.4 on average).
    public var rms: Double
    /// How many parameters differ from their default.
    public var changedParameters: Int

    /// Distance of `preset` from `initPatch` (same length, normalised values) where `changed[i]`
    /// says whether parameter i left its default within its resolution. O(parameters).
    public static func measure(preset: [Double], initPatch: [Double], changed: [Bool]) -> InitPatchDistance {
        let count = Swift.min(preset.count, initPatch.count)
        guard count > 0 else { return InitPatchDistance(rms: 0, changedParameters: 0) }
        var sum = 0.0
        for i in 0..<count {
            let d = preset[i] - initPatch[i]
            sum += d * d
        }
        let changedCount = changed.prefix(count).reduce(0) { $0 + ($1 ? 1 : 0) }
        return InitPatchDistance(rms: (sum / Double(count)).squareRoot(), changedParameters: changedCount)
    }
}
