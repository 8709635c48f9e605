// The FFT-interpolated repulsion agrees with the direct O(N²) sums, and t-SNE built on it keeps neighbourhoods.
import Testing
@testable import SoundSpace

@Suite struct InterpolatedTSNETests {
    /// Direct sums: Z = Σ_{i≠j} 1/(1+d²) and F_i = Σ_j (y_i − y_j)/(1+d²)², the definitions the FFT approximates.
    func directSums(_ x: [Double], _ y: [Double]) -> (z: Double, fx: [Double], fy: [Double]) {
        var z = 0.0, fx = [Double](repeating: 0, count: x.count), fy = fx
        for i in x.indices {
            for j in x.indices where j != i {
                let dx = x[i] - x[j], dy = y[i] - y[j]
                let q = 1 / (1 + dx * dx + dy * dy)
                z += q
                fx[i] += q * q * dx
                fy[i] += q * q * dy
            }
        }
        return (z, fx, fy)
    }

    @Test(arguments: [0.5, 10.0])
    func repulsionMatchesDirectSums(scale: Double) {
        var generator = SeededGenerator(seed: 17)
        let n = 700
        // Two blobs, so the map has near and far interactions like a real one.
        let x = (0..<n).map { i in scale * generator.nextGaussian() + (i % 2 == 0 ? 0 : 2 * scale) }
        let y = (0..<n).map { _ in scale * generator.nextGaussian() }
        let expected = directSums(x, y)
        var fx = [Double](repeating: 0, count: n), fy = fx
        var repulsion = InterpolatedRepulsion()
        let z = x.withUnsafeBufferPointer { xb in y.withUnsafeBufferPointer { yb in
            fx.withUnsafeMutableBufferPointer { fxb in fy.withUnsafeMutableBufferPointer { fyb in
                repulsion.compute(x: xb.baseAddress!, y: yb.baseAddress!, count: n, forceX: fxb.baseAddress!, forceY: fyb.baseAddress!)
            } }
        } }
        // Map densities like t-SNE's (700 points within a few tens of units). Three nodes per box of width ≤ 1
        // (openTSNE's default grid) interpolate K² to a few parts in a thousand (Linderman et al. 2019, fig. 2):
        // measured 3.1e-3 in Z and 1.4 % in the forces at scale 10, where the boxes are nearly 1 wide; a wrong
        // kernel, grid, twiddle or weight is off by far more. (Far sparser maps lose accuracy in Z: (1 + |y|²)·φ₁ cancels.)
        #expect(abs(z - expected.z) / expected.z < 5e-3, "Z \(z) vs \(expected.z)")
        var errorSquared = 0.0, normSquared = 0.0
        for i in 0..<n {
            errorSquared += (fx[i] - expected.fx[i]) * (fx[i] - expected.fx[i]) + (fy[i] - expected.fy[i]) * (fy[i] - expected.fy[i])
            normSquared += expected.fx[i] * expected.fx[i] + expected.fy[i] * expected.fy[i]
        }
        #expect((errorSquared / normSquared).squareRoot() < 2e-2, "force error \((errorSquared / normSquared).squareRoot())")
    }

    @Test func interpolatedTSNESeparatesClustersReproducibly() throws {
        let (points, labels) = TestData.clusters(count: 4, perCluster: 100, columns: 10, seed: 8)
        var tsne = TSNE(perplexity: 20, iterations: 400, seed: 1)
        tsne.earlyExaggerationIterations = 150
        tsne.gradient = .interpolation
        let map = try tsne.embed(points)
        #expect(map.values.allSatisfy { $0.isFinite })
        let quality = try MapQuality.measure(points: points, map: map, k: 10)
        #expect(quality.trustworthiness > 0.9, "trustworthiness \(quality.trustworthiness)")
        let nearest = try NearestNeighbors.exact(queries: map, reference: map, k: 1, excludingSelf: true)
        #expect((0..<map.rows).allSatisfy { labels[$0] == labels[Int(nearest.indices[$0])] })
        #expect(map == (try tsne.embed(points)))
    }
}
