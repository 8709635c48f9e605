// A label-free linear map under which one patch heard at several notes, velocities and gains stays one
// point and different patches stay apart: Fisher's linear discriminant (Fisher 1936; Duda, Hart & Stork,
// "Pattern Classification", 2nd ed., §3.8.3) with the patch as the class. The classes come from how the
// renders were made, never from names or categories.
//
//   0. (by default) replace every dimension by its level among the fitting renders (QuantileMap), so
//      neither a descriptor's units nor its skew decide distances;
//   1. z-score every dimension over the fitting renders;
//   2. S_w = within-patch scatter, S_b = between-patch scatter of the patch means (both / renders);
//   3. shrink S_w towards its mean variance: S_w + r·tr(S_w)/D·I (r = `regularisation`; with a few
//      renders per patch S_w is poorly estimated in its small directions);
//   4. whiten by S_w^(-1/2), then keep the leading eigenvectors of S_w^(-1/2) S_b S_w^(-1/2).
// In the result each direction has unit within-patch variance, so Euclidean distance there counts how
// many "changes of note or level" apart two sounds are. Deterministic: the same renders give the same map.
import Foundation

public struct InvarianceTransform: Sendable, Equatable, Codable {
    /// Step 0; nil when the transform was fitted without it (and in transforms stored before it existed).
    public var quantiles: QuantileMap?
    /// Per-dimension mean and deviation of the fitting renders (step 1).
    public var means: [Double]
    public var deviations: [Double]
    /// `components` rows of `dimension` weights, row-major: output k = Σ_d projection[k·D + d] · z_d.
    public var projection: [Double]
    /// Between-patch over within-patch variance along each kept direction, descending.
    public var ratios: [Double]
    public var regularisation: Double

    public var dimension: Int { means.count }
    public var components: Int { ratios.count }

    /// - Parameters: vectors one row per render; patches the patch of each row (any integers; a patch
    ///   with one render adds nothing within); weights each row's weight (all 1 when nil; a row of weight
    ///   2 counts as that row twice; an atlas gives each synth the same total so none dominates the
    ///   shared space); components how many directions to keep (at most D and patches - 1);
    ///   quantileNormalised whether step 0 comes first.
    /// - Throws: `SoundSpaceError` with fewer than 2 patches, mismatched counts or a weight not above 0.
    /// - Complexity: O(N·D² + D³).
    public static func fit(_ input: Matrix, patches: [Int], weights: [Double]? = nil, components: Int,
                           regularisation: Double = 0.1, quantileNormalised: Bool = true) throws -> InvarianceTransform {
        let n = input.rows, d = input.columns
        guard patches.count == n else { throw SoundSpaceError("invariance: \(n) vectors but \(patches.count) patch labels") }
        let w = weights ?? [Double](repeating: 1, count: n)
        guard w.count == n, w.allSatisfy({ $0.isFinite && $0 > 0 }) else {
            throw SoundSpaceError("invariance: needs one finite weight above 0 per vector (\(n)); has \(w.count)")
        }
        let quantiles = quantileNormalised ? QuantileMap.fit(input, weights: w) : nil
        let vectors = quantiles.map { $0.apply(input) } ?? input
        let total = w.reduce(0, +)
        let groups = Dictionary(grouping: 0..<n, by: { patches[$0] }).sorted { $0.key < $1.key }.map(\.value)
        guard groups.count >= 2, d >= 1 else { throw SoundSpaceError("invariance: needs renders of at least 2 patches; has \(groups.count)") }
        var means = [Double](repeating: 0, count: d), deviations = means
        for i in 0..<n { for j in 0..<d { means[j] += w[i] * Double(vectors[i, j]) } }
        for j in 0..<d { means[j] /= total }
        for i in 0..<n { for j in 0..<d { let x = Double(vectors[i, j]) - means[j]; deviations[j] += w[i] * x * x } }
        deviations = deviations.map { $0 > 0 ? ($0 / total).squareRoot() : 1 }
        deviations = deviations.map { $0 < 1e-12 ? 1 : $0 }
        let z = (0..<n).map { i in (0..<d).map { (Double(vectors[i, $0]) - means[$0]) / deviations[$0] } }

        var within = [Double](repeating: 0, count: d * d), between = within
        for members in groups {
            var centre = [Double](repeating: 0, count: d)
            let patchWeight = members.reduce(0) { $0 + w[$1] }
            for i in members { for j in 0..<d { centre[j] += w[i] * z[i][j] } }
            centre = centre.map { $0 / patchWeight }
            // The overall (weighted) mean of z is 0, so the between scatter is Σ W_p c_p c_pᵀ.
            addOuter(&between, centre, centre, weight: patchWeight, d)
            for i in members {
                let deviation = (0..<d).map { z[i][$0] - centre[$0] }
                addOuter(&within, deviation, deviation, weight: w[i], d)
            }
        }
        within = within.map { $0 / total }
        between = between.map { $0 / total }
        let meanVariance = max((0..<d).reduce(0) { $0 + within[$1 * d + $1] } / Double(d), 1e-12)
        for j in 0..<d { within[j * d + j] += regularisation * meanVariance }

        // S_w^(-1/2) = U diag(1/√e) Uᵀ.
        let sw = SymmetricEigen(symmetric: within, dimension: d)
        var whiten = [Double](repeating: 0, count: d * d)
        for (k, value) in sw.values.enumerated() {
            addOuter(&whiten, sw.vectors[k], sw.vectors[k], weight: 1 / max(value, 1e-12).squareRoot(), d)
        }
        let m = multiply(multiply(whiten, between, d), whiten, d)
        let discriminant = SymmetricEigen(symmetric: m, dimension: d)
        let kept = max(1, min(components, d, groups.count - 1))
        var projection = [Double](repeating: 0, count: kept * d)
        for k in 0..<kept {
            // Row k = v_kᵀ S_w^(-1/2) (S_w^(-1/2) is symmetric).
            for c in 0..<d {
                var sum = 0.0
                for r in 0..<d { sum += discriminant.vectors[k][r] * whiten[r * d + c] }
                projection[k * d + c] = sum
            }
        }
        return InvarianceTransform(quantiles: quantiles, means: means, deviations: deviations, projection: projection,
                                   ratios: Array(discriminant.values.prefix(kept)), regularisation: regularisation)
    }

    /// The transformed vector (`components` values). O(components·D).
    public func apply(_ vector: [Float]) -> [Float] {
        let d = dimension
        let z = (0..<d).map { j in
            // Levels in float, as the fitting matrix held them.
            let x = quantiles.map { Double(Float($0.level(Double(vector[j]), dimension: j))) } ?? Double(vector[j])
            return (x - means[j]) / deviations[j]
        }
        return (0..<components).map { k in
            var sum = 0.0
            for j in 0..<d { sum += projection[k * d + j] * z[j] }
            return Float(sum)
        }
    }

    public func apply(_ m: Matrix) -> Matrix {
        Matrix(checkedRows: m.rows, columns: components, values: (0..<m.rows).flatMap { apply(m.row($0)) })
    }

    private static func addOuter(_ a: inout [Double], _ x: [Double], _ y: [Double], weight: Double, _ d: Int) {
        for r in 0..<d where x[r] != 0 {
            let xr = weight * x[r]
            for c in 0..<d { a[r * d + c] += xr * y[c] }
        }
    }

    private static func multiply(_ a: [Double], _ b: [Double], _ d: Int) -> [Double] {
        var out = [Double](repeating: 0, count: d * d)
        for r in 0..<d {
            for k in 0..<d where a[r * d + k] != 0 {
                let ark = a[r * d + k]
                for c in 0..<d { out[r * d + c] += ark * b[k * d + c] }
            }
        }
        return out
    }
}
