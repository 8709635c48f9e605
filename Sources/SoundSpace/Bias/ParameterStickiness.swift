// Parameter stickiness: for each parameter of a bank of presets, how many presets leave it at its
// default, against how many uniformly random settings would. Knows nothing of files or synths:
// the caller turns a schema and patches into `ParameterColumn`s.

/// One parameter across a bank: which presets sit at its default, and how likely a uniformly
/// random setting (the sampler's distribution) is to land there.
public struct ParameterColumn: Sendable {
    public var id: String
    public var label: String
    /// One entry per preset: whether its value is the default within the parameter's resolution.
    public var atDefault: [Bool]
    /// Probability that a random setting is at the default within the same resolution: 1/steps for
    /// stepped parameters, the resolution window's share of the normalised range for continuous ones.
    public var randomAtDefaultProbability: Double

    public init(id: String, label: String, atDefault: [Bool], randomAtDefaultProbability: Double) {
        self.id = id
        self.label = label
        self.atDefault = atDefault
        self.randomAtDefaultProbability = randomAtDefaultProbability
    }
}

/// Stickiness of one parameter.
public struct StickinessResult: Sendable, Equatable {
    public var id: String
    public var label: String
    public var presets: Int
    public var atDefault: Int
    /// atDefault / presets.
    public var share: Double
    /// Wilson 95% interval of `share`.
    public var shareInterval: ProportionInterval
    /// The share random settings would give.
    public var randomShare: Double
    /// share / randomShare; nil when randomShare is 0 (a default no random setting can hit).
    public var lift: Double?
    /// 95% interval of the lift: the share's Wilson interval divided by the (exactly known) random share.
    public var liftInterval: ProportionInterval?
    /// Every preset leaves the parameter at its default.
    public var untouched: Bool { presets > 0 && atDefault == presets }
}

public enum ParameterStickiness {
    /// Stickiness of each column, in the columns' order. O(total presets × parameters).
    public static func analyse(_ columns: [ParameterColumn]) -> [StickinessResult] {
        columns.map { column in
            let presets = column.atDefault.count
            let hits = column.atDefault.reduce(0) { $0 + ($1 ? 1 : 0) }
            let share = presets > 0 ? Double(hits) / Double(presets) : 0
            let interval = ProportionInterval.wilson(successes: hits, trials: presets)
            let p0 = column.randomAtDefaultProbability
            let valid = p0.isFinite && p0 > 0
            return StickinessResult(
                id: column.id, label: column.label, presets: presets, atDefault: hits, share: share,
                shareInterval: interval, randomShare: valid ? p0 : 0,
                lift: valid ? share / p0 : nil,
                liftInterval: valid ? ProportionInterval(lower: interval.lower / p0, upper: interval.upper / p0) : nil)
        }
    }
}
