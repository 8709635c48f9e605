// UMAP's low-dimensional similarity curve 1 / (1 + a·d^(2b)), its a and b fitted from min_dist and spread.
import Foundation

/// The curve q(d) = 1 / (1 + a·d^(2b)) that UMAP uses for the similarity of two points at distance d in
/// the map. a and b are fitted by least squares (Levenberg-Marquardt from a = b = 1) to the target
/// "1 up to `minDistance`, then exp(−(d − minDistance) / spread)" on 300 evenly spaced d in [0, 3·spread],
/// the target umap-learn fits. Time O(300 · iterations), done once per map.
public struct UMAPCurve: Sendable, Equatable {
    public var a: Double
    public var b: Double

    public init(a: Double, b: Double) {
        self.a = a
        self.b = b
    }

    /// - Throws: `SoundSpaceError` unless 0 ≤ minDistance and 0 < spread are finite.
    public static func fitted(minDistance: Double, spread: Double = 1) throws -> UMAPCurve {
        guard minDistance.isFinite, spread.isFinite, minDistance >= 0, spread > 0 else {
            throw SoundSpaceError("UMAP: min_dist must be at least 0 and spread above 0 (got \(minDistance), \(spread))")
        }
        let samples = 300
        let distances = (0..<samples).map { 3 * spread * Double($0) / Double(samples - 1) }
        let targets = distances.map { $0 < minDistance ? 1 : exp(-($0 - minDistance) / spread) }
        var a = 1.0, b = 1.0, damping = 1e-3
        var error = squaredError(a: a, b: b, distances: distances, targets: targets)
        for _ in 0..<200 {
            // Normal equations of the 2-parameter Gauss-Newton step, damped (Marquardt's diagonal scaling).
            var jtj = (0.0, 0.0, 0.0), jtr = (0.0, 0.0)
            for (d, target) in zip(distances, targets) where d > 0 {
                let power = pow(d, 2 * b), denominator = 1 + a * power
                let residual = 1 / denominator - target
                let slopeA = -power / (denominator * denominator)
                let slopeB = slopeA * a * 2 * log(d)
                jtj.0 += slopeA * slopeA; jtj.1 += slopeA * slopeB; jtj.2 += slopeB * slopeB
                jtr.0 += slopeA * residual; jtr.1 += slopeB * residual
            }
            var improved = false
            while damping < 1e10 {
                let m00 = jtj.0 * (1 + damping), m11 = jtj.2 * (1 + damping), m01 = jtj.1
                let determinant = m00 * m11 - m01 * m01
                guard determinant != 0 else { damping *= 10; continue }
                let stepA = -(m11 * jtr.0 - m01 * jtr.1) / determinant
                let stepB = -(m00 * jtr.1 - m01 * jtr.0) / determinant
                let candidate = squaredError(a: a + stepA, b: b + stepB, distances: distances, targets: targets)
                if candidate.isFinite && candidate < error {
                    let relativeGain = (error - candidate) / Swift.max(error, .leastNormalMagnitude)
                    a += stepA; b += stepB; error = candidate
                    damping = Swift.max(damping / 10, 1e-12)
                    improved = relativeGain > 1e-12
                    break
                }
                damping *= 10
            }
            if !improved { break }
        }
        return UMAPCurve(a: a, b: b)
    }

    static func squaredError(a: Double, b: Double, distances: [Double], targets: [Double]) -> Double {
        var sum = 0.0
        for (d, target) in zip(distances, targets) {
            let residual = 1 / (1 + a * pow(d, 2 * b)) - target
            sum += residual * residual
        }
        return sum
    }
}
