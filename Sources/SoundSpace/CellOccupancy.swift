// How several point sets (presets, init patches, random settings) spread over shared k-means cells.

/// Occupancy of shared cells by several sets: per set the fraction of cells it reaches, the entropy of
/// its distribution over cells, and the Jensen-Shannon divergence between every two sets' distributions.
public struct CellOccupancy: Sendable {
    public struct SetStatistics: Sendable, Equatable, Codable {
        /// Fraction of all cells holding at least one point of the set.
        public var occupiedFraction: Double
        /// Shannon entropy of the set's distribution over cells, in bits.
        public var entropyBits: Double
        /// Entropy divided by log2(cells): 1 = spread evenly over all cells.
        public var normalizedEntropy: Double
        /// Share of the set's points in each cell.
        public var distribution: [Double]
    }

    public let cellCount: Int
    public let sets: [SetStatistics]
    /// `jensenShannonBits[a][b]`: JS divergence (base 2, in [0, 1]) between sets a and b.
    public let jensenShannonBits: [[Double]]

    /// Clusters the union of `sets` into `cells` k-means++ cells (seeded) and measures each set on them.
    /// Time O(N·cells·D·iterations / cores) with N the union's size.
    /// - Throws: `SoundSpaceError` for empty sets, mismatched dimensions or more cells than points.
    public static func measure(sets: [Matrix], cells: Int, seed: UInt64) throws -> CellOccupancy {
        guard let first = sets.first, sets.allSatisfy({ $0.rows > 0 && $0.columns == first.columns }) else {
            throw SoundSpaceError("occupancy needs non-empty sets of equal dimension")
        }
        let union = try sets.dropFirst().reduce(first) { try $0.stacked(on: $1) }
        let clustering = try KMeans.fit(union, clusters: cells, seed: seed)
        var offset = 0
        var labelsPerSet = [[Int32]]()
        for set in sets {
            labelsPerSet.append(Array(clustering.labels[offset..<(offset + set.rows)]))
            offset += set.rows
        }
        return measure(labelsPerSet: labelsPerSet, cellCount: cells)
    }

    /// The statistics from the cell of every point of every set. O(total points + sets²·cells).
    public static func measure(labelsPerSet: [[Int32]], cellCount: Int) -> CellOccupancy {
        let statistics = labelsPerSet.map { labels -> SetStatistics in
            var counts = [Double](repeating: 0, count: cellCount)
            for label in labels where label >= 0 && Int(label) < cellCount { counts[Int(label)] += 1 }
            let total = Swift.max(counts.reduce(0, +), 1)
            let distribution = counts.map { $0 / total }
            let entropy = -distribution.reduce(0.0) { $0 + ($1 > 0 ? $1 * _log($1) / _log(2) : 0) }
            return SetStatistics(occupiedFraction: Double(counts.filter { $0 > 0 }.count) / Double(cellCount),
                                 entropyBits: entropy,
                                 normalizedEntropy: cellCount > 1 ? entropy / (_log(Double(cellCount)) / _log(2)) : 0,
                                 distribution: distribution)
        }
        let divergences = statistics.map { a in statistics.map { b in jensenShannonBits(a.distribution, b.distribution) } }
        return CellOccupancy(cellCount: cellCount, sets: statistics, jensenShannonBits: divergences)
    }

    /// JS(P, Q) = ½ KL(P ‖ M) + ½ KL(Q ‖ M), M = (P + Q) / 2, in bits (Lin 1991). O(cells).
    public static func jensenShannonBits(_ p: [Double], _ q: [Double]) -> Double {
        var divergence = 0.0
        for (a, b) in zip(p, q) {
            let m = (a + b) / 2
            if a > 0 { divergence += 0.5 * a * _log(a / m) }
            if b > 0 { divergence += 0.5 * b * _log(b / m) }
        }
        return Swift.max(0, divergence / _log(2))
    }
}
