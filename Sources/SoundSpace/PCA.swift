// Principal component analysis: the linear 2-D map and the initialisation of t-SNE.

/// Principal axes of a point set, fitted once and applied to any points of the same dimension.
///
/// Fitting: mean, covariance (Double accumulation over all cores, O(N·D²)), then `SymmetricEigen`
/// (O(D³)). Memory O(D²). Each axis's sign is fixed (largest-magnitude loading positive).
public struct PCA: Sendable {
    public let mean: [Double]
    /// `axes[c]` is the unit vector of component c, by decreasing variance.
    public let axes: [[Double]]
    /// Variance of the points along each axis (eigenvalues of the covariance, divided by N − 1).
    public let explainedVariance: [Double]
    /// Share of the total variance along each axis.
    public let explainedVarianceRatio: [Double]

    /// Fits `components` axes to `points`.
    /// - Throws: `SoundSpaceError` when there are fewer than 2 points or more components than dimensions.
    public static func fit(_ points: Matrix, components: Int) throws -> PCA {
        let n = points.rows, d = points.columns
        guard n >= 2 else { throw SoundSpaceError("PCA needs at least 2 points (got \(n))") }
        guard components >= 1, components <= d else {
            throw SoundSpaceError("PCA: \(components) components asked of \(d)-dimensional points")
        }
        var mean = [Double](repeating: 0, count: d)
        for i in 0..<n { for c in 0..<d { mean[c] += Double(points.values[i * d + c]) } }
        mean = mean.map { $0 / Double(n) }
        // A fixed chunk count (not the core count) keeps the Double sums, and so the axes, identical on every machine.
        let chunkCount = Swift.min(n, 16)
        var partial = [[Double]](repeating: [], count: chunkCount)
        partial.withUnsafeMutableBufferPointer { partialBuffer in
            let out = UncheckedSendable(partialBuffer)
            Parallel.forEachChunk(count: n, chunkCount: chunkCount) { chunk, rows in
                var covariance = [Double](repeating: 0, count: d * d)
                var centred = [Double](repeating: 0, count: d)
                for i in rows {
                    for c in 0..<d { centred[c] = Double(points.values[i * d + c]) - mean[c] }
                    for r in 0..<d {
                        let x = centred[r]
                        for c in r..<d { covariance[r * d + c] += x * centred[c] }
                    }
                }
                out.value[chunk] = covariance
            }
        }
        var covariance = [Double](repeating: 0, count: d * d)
        for part in partial where !part.isEmpty { for e in 0..<(d * d) { covariance[e] += part[e] } }
        for r in 0..<d {
            for c in r..<d {
                covariance[r * d + c] /= Double(n - 1)
                covariance[c * d + r] = covariance[r * d + c]
            }
        }
        let eigen = SymmetricEigen(symmetric: covariance, dimension: d)
        let total = Swift.max(eigen.values.reduce(0) { $0 + Swift.max($1, 0) }, .leastNonzeroMagnitude)
        let variances = eigen.values.prefix(components).map { Swift.max($0, 0) }
        return PCA(mean: mean, axes: Array(eigen.vectors.prefix(components)),
                   explainedVariance: variances, explainedVarianceRatio: variances.map { $0 / total })
    }

    /// Coordinates of `points` along the axes: [N, components]. O(N·D·components).
    public func transform(_ points: Matrix) -> Matrix {
        let d = points.columns, k = axes.count
        var out = [Float](repeating: 0, count: points.rows * k)
        for i in 0..<points.rows {
            for a in 0..<k {
                var sum = 0.0
                for c in 0..<d { sum += (Double(points.values[i * d + c]) - mean[c]) * axes[a][c] }
                out[i * k + a] = Float(sum)
            }
        }
        return Matrix(checkedRows: points.rows, columns: k, values: out)
    }
}
