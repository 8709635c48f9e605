// PCA recovers a known rotation; t-SNE separates well-separated clusters and keeps neighbourhoods (trustworthiness).
import Testing
@testable import SoundSpace

@Suite struct ProjectionTests {
    @Test func pcaRecoversAKnownRotation() throws {
        // Points with standard deviations 5, 2, 0.5 along the axes, rotated by 30° in the x-y plane and shifted.
        var generator = SeededGenerator(seed: 21)
        let angle = Double.pi / 6
        let (c, s) = (_cos(angle), _sin(angle))
        var rows = [[Float]]()
        for _ in 0..<4000 {
            let a = 5 * generator.nextGaussian(), b = 2 * generator.nextGaussian(), z = 0.5 * generator.nextGaussian()
            rows.append([Float(c * a - s * b + 10), Float(s * a + c * b - 3), Float(z + 7)])
        }
        let pca = try PCA.fit(Matrix(rows), components: 3)
        // First axis along (cos 30°, sin 30°, 0), second along (−sin 30°, cos 30°, 0) up to sign, third along z.
        let first = pca.axes[0], second = pca.axes[1], third = pca.axes[2]
        #expect(abs(abs(first[0] * c + first[1] * s) - 1) < 1e-3)
        #expect(abs(abs(-second[0] * s + second[1] * c) - 1) < 1e-3)
        #expect(abs(abs(third[2]) - 1) < 1e-3)
        #expect(abs(pca.explainedVariance[0] / 25 - 1) < 0.06)
        #expect(abs(pca.explainedVariance[1] / 4 - 1) < 0.06)
        #expect(abs(pca.mean[0] - 10) < 0.3 && abs(pca.mean[2] - 7) < 0.05)
        // Projected coordinates are centred and uncorrelated.
        let projected = pca.transform(try Matrix(rows))
        let meanFirst = (0..<projected.rows).reduce(0.0) { $0 + Double(projected[$1, 0]) } / Double(projected.rows)
        #expect(abs(meanFirst) < 1e-3)
    }

    @Test func tsneSeparatesClustersAndKeepsNeighbourhoods() throws {
        let (points, labels) = TestData.clusters(count: 4, perCluster: 100, columns: 10, seed: 8)
        var tsne = TSNE(perplexity: 20, iterations: 400, seed: 1)
        tsne.earlyExaggerationIterations = 150
        let map = try tsne.embed(points)
        #expect(map.rows == 400 && map.columns == 2)
        #expect(map.values.allSatisfy { $0.isFinite })
        let quality = try MapQuality.measure(points: points, map: map, k: 10)
        #expect(quality.trustworthiness > 0.9, "trustworthiness \(quality.trustworthiness)")
        // Separation: every point's nearest map neighbour is in its own cluster, and cluster centres are
        // further apart than 3 × the largest within-cluster spread.
        let nearest = try NearestNeighbors.exact(queries: map, reference: map, k: 1, excludingSelf: true)
        let agreeing = (0..<map.rows).filter { labels[$0] == labels[Int(nearest.indices[$0])] }.count
        #expect(agreeing == map.rows)
        var centres = [[Double]](repeating: [0, 0], count: 4)
        for i in 0..<map.rows { centres[labels[i]][0] += Double(map[i, 0]) / 100; centres[labels[i]][1] += Double(map[i, 1]) / 100 }
        var spread = 0.0
        for i in 0..<map.rows {
            let dx = Double(map[i, 0]) - centres[labels[i]][0], dy = Double(map[i, 1]) - centres[labels[i]][1]
            spread = Swift.max(spread, (dx * dx + dy * dy).squareRoot())
        }
        for a in 0..<4 { for b in (a + 1)..<4 {
            let dx = centres[a][0] - centres[b][0], dy = centres[a][1] - centres[b][1]
            #expect((dx * dx + dy * dy).squareRoot() > 2 * spread)
        } }
    }

    @Test func tsneIsDeterministicForASeed() throws {
        let (points, _) = TestData.clusters(count: 3, perCluster: 40, columns: 5, seed: 2)
        var tsne = TSNE(perplexity: 10, iterations: 120, seed: 7)
        tsne.initialization = .random
        #expect(try tsne.embed(points) == tsne.embed(points))
        var other = tsne
        other.seed = 8
        #expect(try tsne.embed(points) != other.embed(points))
    }

    @Test func affinitiesMatchThePerplexity() throws {
        // Each conditional row has entropy log(perplexity); the joint P is symmetric and sums to 1.
        let points = TestData.gaussian(rows: 200, columns: 5, seed: 6)
        let p = try SparseAffinities.perplexityBased(points, perplexity: 15)
        #expect(abs(p.values.reduce(0.0) { $0 + Double($1) } - 1) < 1e-4)
        var entries = [Int: Float]()
        for i in 0..<200 { for e in p.rowStart[i]..<p.rowStart[i + 1] { entries[i * 200 + Int(p.columns[e])] = p.values[e] } }
        for (key, value) in entries { #expect(entries[(key % 200) * 200 + key / 200] == value) }
        var weights = [Double](repeating: 0, count: 45)
        let graph = try NearestNeighbors.exact(queries: points, reference: points, k: 45, excludingSelf: true)
        SparseAffinities.calibrateRow(graph.squaredDistances[0..<45], perplexity: 15, into: &weights)
        let entropy = -weights.reduce(0.0) { $0 + ($1 > 0 ? $1 * _log($1) : 0) }
        #expect(abs(_exp(entropy) - 15) < 0.01)
        #expect(throws: SoundSpaceError.self) { try SparseAffinities.perplexityBased(points, perplexity: 500) }
    }
}
