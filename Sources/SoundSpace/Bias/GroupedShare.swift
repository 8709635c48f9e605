// The share of songs at a default counted per group (a repository or author folder) instead of per
// file: each group's own share, averaged with equal weight, so one prolific user with 30 songs at
// 140 counts as much as one with a single song. The interval is a cluster bootstrap: groups, not
// files, are drawn with replacement. Knows nothing of files or folders.

public struct GroupedShare: Sendable, Equatable {
    public var groups: Int
    /// Groups with at least one song at the default.
    public var groupsWithDefault: Int
    /// Mean over groups of the group's share at the default.
    public var meanShare: Double
    /// Seeded percentile cluster bootstrap, 95%.
    public var interval: ProportionInterval

    /// `flags[g]` holds one Bool per song of group g (at the default or not); empty groups are dropped.
    /// O(resamples × groups).
    public static func summarise(_ flags: [[Bool]], resamples: Int = 2000, seed: UInt64 = 7) -> GroupedShare {
        let shares = flags.filter { !$0.isEmpty }.map { group in Double(group.filter { $0 }.count) / Double(group.count) }
        let n = shares.count
        guard n > 0 else { return GroupedShare(groups: 0, groupsWithDefault: 0, meanShare: 0, interval: ProportionInterval(lower: 0, upper: 1)) }
        var generator = SeededGenerator(seed: seed)
        var means: [Double] = []
        means.reserveCapacity(resamples)
        for _ in 0..<resamples {
            var total = 0.0
            for _ in 0..<n { total += shares[Int.random(in: 0..<n, using: &generator)] }
            means.append(total / Double(n))
        }
        return GroupedShare(groups: n, groupsWithDefault: shares.filter { $0 > 0 }.count,
                            meanShare: shares.reduce(0, +) / Double(n),
                            interval: TempoStatistics.percentileInterval(means) ?? ProportionInterval(lower: 0, upper: 1))
    }
}
