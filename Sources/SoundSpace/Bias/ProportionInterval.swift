// Confidence intervals for a share (successes out of trials): the Wilson score interval, which
// stays inside 0...1 and behaves at shares of 0 and 1 where the normal approximation fails
// (Wilson 1927; Brown, Cai & DasGupta, Statistical Science 16(2), 2001, recommend it for small n).

public struct ProportionInterval: Sendable, Equatable {
    public var lower: Double
    public var upper: Double

    /// z for a two-sided 95% interval.
    public static let z95 = 1.959963984540054

    /// The Wilson score interval of `successes` out of `trials`; 0...1 when there are no trials.
    /// O(1).
    public static func wilson(successes: Int, trials: Int, z: Double = z95) -> ProportionInterval {
        guard trials > 0 else { return ProportionInterval(lower: 0, upper: 1) }
        let n = Double(trials)
        let share = Double(successes) / n
        let z2 = z * z
        let denominator = 1 + z2 / n
        let centre = (share + z2 / (2 * n)) / denominator
        let half = z * (share * (1 - share) / n + z2 / (4 * n * n)).squareRoot() / denominator
        // At 0 and n successes the bounds are exactly 0 and 1; rounding would leave 1e-17 off.
        return ProportionInterval(lower: successes <= 0 ? 0 : Swift.max(0, centre - half),
                                  upper: successes >= trials ? 1 : Swift.min(1, centre + half))
    }
}
