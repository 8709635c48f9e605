// Each dimension replaced by its level among a set of fitting vectors: 0 at the lowest, 1 at the
// highest, the (weighted) share of the set below a value in between. A descriptor's units and its
// skew then stop deciding distances: a decay time that spans 1 ms to 10 s, a pitch stability that is 0
// for most sounds and large for a few, or one extreme render no longer stretches a dimension so that
// every other sound sits in a corner of it. Measured on the embedding-quality sets (BENCHMARKS.md),
// before the patch-as-class discriminant: DX7 ROM category accuracy 0.60 -> 0.64 and the same voice
// found at another note 0.77 -> 0.82 (one transform for ROM, corpus and LMMS, as an atlas fits it).
//
// The map is fitted as `knotCount` quantiles of each dimension's weighted distribution (the smallest
// value whose cumulative weight reaches the level, so a row of weight 2 is that row twice) and applied
// by linear interpolation between distinct knots, whose levels are averaged where knots tie (a
// dimension that is often exactly 0 maps 0 to the middle of its tied levels). Outside the fitted range
// a value takes the first or last level.

public struct QuantileMap: Sendable, Equatable, Codable {
    public static let knotCount = 257

    /// Per dimension: distinct knot values, ascending, and the level (0...1) each stands for.
    public var values: [[Double]]
    public var levels: [[Double]]

    public var dimension: Int { values.count }

    /// - Parameters: vectors one row per fitting vector, all finite; weights one per row, above 0.
    public static func fit(_ vectors: Matrix, weights: [Double]) -> QuantileMap {
        let n = vectors.rows
        let total = weights.reduce(0, +)
        let targets = (0..<knotCount).map { (Double($0) + 0.5) / Double(knotCount) }
        var values: [[Double]] = [], levels: [[Double]] = []
        for d in 0..<vectors.columns {
            let order = (0..<n).sorted { vectors[$0, d] < vectors[$1, d] }
            var knots: [Double] = []
            var cumulative = 0.0, next = 0
            for i in order {
                cumulative += weights[i]
                while next < knotCount && cumulative >= targets[next] * total {
                    knots.append(Double(vectors[i, d]))
                    next += 1
                }
            }
            // Rounding may leave the last targets unreached: they take the largest value.
            if knots.count < knotCount, let last = order.last {
                knots += Array(repeating: Double(vectors[last, d]), count: knotCount - knots.count)
            }
            var distinct: [Double] = [], averaged: [Double] = []
            var start = 0
            while start < knots.count {
                var end = start
                while end + 1 < knots.count && knots[end + 1] == knots[start] { end += 1 }
                distinct.append(knots[start])
                averaged.append(targets[start...end].reduce(0, +) / Double(end - start + 1))
                start = end + 1
            }
            values.append(distinct)
            levels.append(averaged)
        }
        return QuantileMap(values: values, levels: levels)
    }

    /// The level of `value` in dimension `d`.
    public func level(_ value: Double, dimension d: Int) -> Double {
        let v = values[d], l = levels[d]
        guard let first = v.first, let last = v.last else { return 0.5 }
        if value <= first { return l[0] }
        if value >= last { return l[l.count - 1] }
        // The first knot above the value; the one before it is at or below.
        var low = 0, high = v.count - 1
        while high - low > 1 {
            let middle = (low + high) / 2
            if v[middle] <= value { low = middle } else { high = middle }
        }
        let t = (value - v[low]) / (v[high] - v[low])
        return l[low] + t * (l[high] - l[low])
    }

    /// Every row's levels.
    public func apply(_ m: Matrix) -> Matrix {
        Matrix(checkedRows: m.rows, columns: m.columns,
               values: (0..<m.rows).flatMap { i in (0..<m.columns).map { Float(level(Double(m[i, $0]), dimension: $0)) } })
    }
}
