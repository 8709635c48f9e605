// UMAP: curve parameters against umap-learn's, bit-identical reruns, clusters kept apart, and
// trustworthiness on the digits fixture against umap-learn's figure on the same points.
import Foundation
import Testing
import TestSupport
@testable import SoundSpace

@Suite struct UMAPTests {
    @Test func curveFitMatchesUmapLearnDefaults() throws {
        // umap-learn 0.5.12 find_ab_params(spread=1.0, min_dist=0.1): a = 1.5769434603, b = 0.8950608779.
        let curve = try UMAPCurve.fitted(minDistance: 0.1, spread: 1)
        #expect(abs(curve.a - 1.5769434603) < 1e-3, "a \(curve.a)")
        #expect(abs(curve.b - 0.8950608779) < 1e-3, "b \(curve.b)")
        #expect(throws: SoundSpaceError.self) { try UMAPCurve.fitted(minDistance: .nan) }
    }

    @Test func fuzzySetIsSymmetricWithWeightsInUnitInterval() throws {
        let points = TestData.gaussian(rows: 200, columns: 5, seed: 3)
        let graph = UMAPGraph.fuzzySet(try NearestNeighbors.graph(of: points, k: 14))
        var weightOf = [Int: Float]()
        for i in 0..<graph.count {
            for e in graph.rowStart[i]..<graph.rowStart[i + 1] { weightOf[i * 1000 + Int(graph.columns[e])] = graph.weights[e] }
        }
        for (key, weight) in weightOf {
            #expect(weight > 0 && weight <= 1)
            #expect(weightOf[(key % 1000) * 1000 + key / 1000] == weight)
        }
        // Each point's nearest neighbour sits at ρ, so it has weight 1 (before the union too).
        #expect(weightOf.values.filter { $0 == 1 }.count >= 200)
    }

    @Test func sameSeedGivesIdenticalMapAndAnotherSeedDoesNot() throws {
        let (points, _) = TestData.clusters(count: 4, perCluster: 60, columns: 8, seed: 2)
        var umap = UMAP(seed: 11)
        umap.epochs = 100
        let first = try umap.embed(points)
        let second = try umap.embed(points)
        #expect(first.values.map(\.bitPattern) == second.values.map(\.bitPattern))
        umap.seed = 12
        #expect(try umap.embed(points) != first)
    }

    @Test func separatedClustersStayApart() throws {
        let (points, labels) = TestData.clusters(count: 5, perCluster: 80, columns: 10, seed: 4)
        let map = try UMAP(seed: 1).embed(points)
        #expect(Self.neighbourLabelAgreement(map, labels: labels) > 0.98)
        // A random layout of the same labels agrees about 1 / 5 of the time: the measure can fail.
        let random = TestData.gaussian(rows: points.rows, columns: 2, seed: 9)
        #expect(Self.neighbourLabelAgreement(random, labels: labels) < 0.4)
    }

    @Test func digitsTrustworthinessCloseToUmapLearn() throws {
        let file = TestPaths.package("Tests/Fixtures/digits/digits.csv")
        let points = try MatrixFile.read(file)
        #expect(points.rows == 1797 && points.columns == 64)
        let map = try UMAP(seed: 0).embed(points)
        let quality = try MapQuality.measure(points: points, map: map, k: 10)
        // umap-learn 0.5.12 on these points (scripts/umap_digits_reference.py, n_neighbors 15, min_dist 0.1,
        // random_state 0-4, sklearn trustworthiness k = 10): init "pca" mean 0.98875 (0.98853-0.98903),
        // default "spectral" mean 0.98846 (0.98790-0.98917). Issue 12 asks for within 0.005.
        #expect(quality.trustworthiness > 0.98875 - 0.005, "trustworthiness \(quality.trustworthiness)")
    }

    /// Share of (point, one of its 5 nearest in the map) pairs with the same label.
    static func neighbourLabelAgreement(_ map: Matrix, labels: [Int]) -> Double {
        let graph = try! NearestNeighbors.exact(queries: map, reference: map, k: 5, excludingSelf: true)
        var same = 0
        for i in 0..<map.rows { same += graph.neighbors(of: i).filter { labels[Int($0)] == labels[i] }.count }
        return Double(same) / Double(5 * map.rows)
    }
}
