// Tempo statistics of one tool's songs against its default tempo: the share exactly at the default,
// the spike ratio (songs at the default over the mean count at default ±1…±8 BPM), seeded bootstrap
// 95% intervals of both, and an integer-BPM histogram. Knows nothing of files.

public struct TempoSummary: Sendable, Equatable {
    public var defaultBPM: Double
    public var files: Int
    /// Songs whose tempo equals the default (within 0.005 BPM: files store at most 2 decimals).
    public var atDefault: Int
    public var shareAtDefault: Double
    /// Seeded percentile bootstrap, 95%.
    public var shareInterval: ProportionInterval
    /// Mean number of songs whose tempo rounds to default ± k BPM, k = 1…8 (16 bins).
    public var neighbourMean: Double
    /// atDefault / neighbourMean; nil when no song lies at default ±1…±8.
    public var spikeRatio: Double?
    /// Seeded percentile bootstrap, 95%, over resamples where the ratio is defined; nil when fewer
    /// than half of the resamples define it.
    public var spikeInterval: ProportionInterval?
    /// Songs per whole BPM (tempo rounded to the nearest integer), sorted by BPM.
    public var histogram: [(bpm: Int, count: Int)]

    public static func == (a: TempoSummary, b: TempoSummary) -> Bool {
        a.defaultBPM == b.defaultBPM && a.files == b.files && a.atDefault == b.atDefault
            && a.shareInterval == b.shareInterval && a.spikeRatio == b.spikeRatio && a.spikeInterval == b.spikeInterval
            && a.histogram.map(\.bpm) == b.histogram.map(\.bpm) && a.histogram.map(\.count) == b.histogram.map(\.count)
    }
}

public enum TempoStatistics {
    /// Tolerance for "exactly at the default".
    public static let exactToleranceBPM = 0.005
    /// The neighbourhood of the spike ratio: default ± 1…8 BPM.
    public static let neighbourOffsets = Array(-8...(-1)) + Array(1...8)

    /// Summary of `bpms` against `defaultBPM`; `resamples` bootstrap draws from a SeededGenerator seeded
    /// with `seed`. O(resamples × files).
    public static func summarise(bpms: [Double], defaultBPM: Double, resamples: Int = 2000, seed: UInt64 = 7) -> TempoSummary {
        let finite = bpms.filter(\.isFinite)
        let n = finite.count
        let atDefaultFlags = finite.map { Swift.abs($0 - defaultBPM) <= exactToleranceBPM }
        let defaultBin = Int(defaultBPM.rounded())
        // Neighbour weight of each song: 1 if it rounds into one of the 16 neighbour bins.
        let inNeighbourhood = finite.map { bpm -> Bool in
            let offset = Int(bpm.rounded()) - defaultBin
            return offset != 0 && Swift.abs(offset) <= 8
        }
        let (atDefault, neighbours) = counts(atDefaultFlags, inNeighbourhood, indices: 0..<n)
        let neighbourMean = Double(neighbours) / Double(neighbourOffsets.count)

        var shares: [Double] = []
        var ratios: [Double] = []
        if n > 0 && resamples > 0 {
            var generator = SeededGenerator(seed: seed)
            var draw = [Int](repeating: 0, count: n)
            shares.reserveCapacity(resamples)
            for _ in 0..<resamples {
                for i in 0..<n { draw[i] = Int.random(in: 0..<n, using: &generator) }
                let (d, m) = counts(atDefaultFlags, inNeighbourhood, indices: draw)
                shares.append(Double(d) / Double(n))
                if m > 0 { ratios.append(Double(d) / (Double(m) / Double(neighbourOffsets.count))) }
            }
        }
        var histogramCounts: [Int: Int] = [:]
        for bpm in finite { histogramCounts[Int(bpm.rounded()), default: 0] += 1 }
        return TempoSummary(
            defaultBPM: defaultBPM, files: n, atDefault: atDefault,
            shareAtDefault: n > 0 ? Double(atDefault) / Double(n) : 0,
            shareInterval: percentileInterval(shares) ?? ProportionInterval(lower: 0, upper: 1),
            neighbourMean: neighbourMean,
            spikeRatio: neighbours > 0 ? Double(atDefault) / neighbourMean : nil,
            spikeInterval: ratios.count * 2 >= Swift.max(1, resamples) ? percentileInterval(ratios) : nil,
            histogram: histogramCounts.keys.sorted().map { ($0, histogramCounts[$0]!) })
    }

    private static func counts<S: Sequence>(_ atDefault: [Bool], _ neighbour: [Bool], indices: S) -> (Int, Int) where S.Element == Int {
        var d = 0
        var m = 0
        for i in indices {
            if atDefault[i] { d += 1 }
            if neighbour[i] { m += 1 }
        }
        return (d, m)
    }

    /// The 2.5th and 97.5th percentiles (nearest rank) of `values`, or nil when empty.
    static func percentileInterval(_ values: [Double]) -> ProportionInterval? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        func rank(_ p: Double) -> Double {
            let index = Swift.min(sorted.count - 1, Swift.max(0, Int((p * Double(sorted.count)).rounded(.up)) - 1))
            return sorted[index]
        }
        return ProportionInterval(lower: rank(0.025), upper: rank(0.975))
    }
}
