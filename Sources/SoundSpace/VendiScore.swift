// Diversity in one number: the Vendi score, "the effective number of distinct sounds" in a set.
import Foundation

/// The Vendi score (Friedman & Dieng, "The Vendi Score: A Diversity Evaluation Metric for Machine
/// Learning", TMLR 2023): exp of the Shannon entropy of the eigenvalues of K/n, where K is a similarity
/// kernel with K(x, x) = 1. It is 1 for n copies of one point and n for n points no two of which are alike.
///
/// The kernel here is Gaussian, exp(-|x - y|² / (2 h²)), with one bandwidth h for every set compared,
/// so a bank, a random set and an exported set of one synth are measured on the same scale. A linear
/// (cosine) kernel would cap the score at the embedding's dimension, which a bank of 4,096 voices passes.
public enum VendiScore {
    /// Sets larger than this are measured on a seeded subsample (the eigen-solver is O(n³)).
    public static let largestSet = 400

    /// The score of `points` (rows) under a Gaussian kernel of bandwidth `bandwidth` (> 0).
    /// Sets above `largestSet` rows are subsampled with `seed`; the result says how many rows were used.
    public static func gaussian(_ points: Matrix, bandwidth: Double, seed: UInt64 = 1,
                                largestSet: Int = largestSet) -> (score: Double, rowsUsed: Int) {
        // A degenerate bandwidth (every point identical) makes every pair alike: one distinct sound.
        guard bandwidth > 0, bandwidth.isFinite else { return (points.rows > 0 ? 1 : 0, points.rows) }
        let sample = subsample(points, limit: largestSet, seed: seed)
        let n = sample.rows
        guard n > 0 else { return (0, 0) }
        var kernel = [Double](repeating: 0, count: n * n)
        let scale = 1 / (2 * bandwidth * bandwidth)
        for i in 0..<n {
            kernel[i * n + i] = 1
            for j in (i + 1)..<Swift.max(i + 1, n) {
                let similarity = Foundation.exp(-squaredDistance(sample, i, j) * scale)
                kernel[i * n + j] = similarity
                kernel[j * n + i] = similarity
            }
        }
        return (fromKernel(kernel, count: n), n)
    }

    /// The score of an n×n kernel matrix (row-major, unit diagonal).
    public static func fromKernel(_ kernel: [Double], count n: Int) -> Double {
        guard n > 0 else { return 0 }
        let eigen = SymmetricEigen(symmetric: kernel.map { $0 / Double(n) }, dimension: n)
        // Eigenvalues of a PSD matrix; rounding leaves tiny negatives, which carry no entropy.
        let entropy = eigen.values.reduce(0.0) { sum, lambda in lambda > 1e-12 ? sum - lambda * Foundation.log(lambda) : sum }
        return Foundation.exp(entropy)
    }

    /// The median Euclidean distance between rows (of a seeded subsample): the usual bandwidth choice.
    public static func medianPairwiseDistance(_ points: Matrix, seed: UInt64 = 1) -> Double {
        let sample = subsample(points, limit: largestSet, seed: seed)
        var distances: [Double] = []
        distances.reserveCapacity(sample.rows * (sample.rows - 1) / 2)
        for i in 0..<sample.rows {
            for j in (i + 1)..<Swift.max(i + 1, sample.rows) { distances.append(squaredDistance(sample, i, j).squareRoot()) }
        }
        guard !distances.isEmpty else { return 0 }
        distances.sort()
        return distances[distances.count / 2]
    }

    private static func squaredDistance(_ m: Matrix, _ i: Int, _ j: Int) -> Double {
        var sum = 0.0
        for c in 0..<m.columns {
            let d = Double(m.values[i * m.columns + c]) - Double(m.values[j * m.columns + c])
            sum += d * d
        }
        return sum
    }

    /// The rows `gaussian` measures: all of them up to `limit`, else a seeded subsample of `limit` rows.
    public static func subsample(_ points: Matrix, limit: Int = largestSet, seed: UInt64) -> Matrix {
        guard points.rows > limit else { return points }
        var generator = SeededGenerator(seed: seed)
        let rows = Array(Array(0..<points.rows).shuffled(using: &generator).prefix(limit)).sorted()
        return points.selecting(rows: rows)
    }
}
