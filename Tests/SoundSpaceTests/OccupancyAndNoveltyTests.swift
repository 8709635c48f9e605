// k-means++ cells, occupancy statistics, novelty, empty regions and sweep reach on hand-checkable cases.
import Testing
@testable import SoundSpace

@Suite struct OccupancyAndNoveltyTests {
    @Test func kMeansFindsSeparatedClustersDeterministically() throws {
        let (points, labels) = TestData.clusters(count: 5, perCluster: 60, columns: 6, seed: 12)
        let result = try KMeans.fit(points, clusters: 5, seed: 3)
        // Every true cluster maps to exactly one cell, and the five cells are distinct.
        var cellOfCluster = [Int: Set<Int32>]()
        for i in 0..<points.rows { cellOfCluster[labels[i], default: []].insert(result.labels[i]) }
        #expect(cellOfCluster.values.allSatisfy { $0.count == 1 })
        #expect(Set(cellOfCluster.values.compactMap(\.first)).count == 5)
        let again = try KMeans.fit(points, clusters: 5, seed: 3)
        #expect(again.labels == result.labels && again.centroids == result.centroids)
        #expect(throws: SoundSpaceError.self) { try KMeans.fit(try Matrix([[0, 0]]), clusters: 2, seed: 0) }
    }

    @Test func occupancyByHand() {
        // Set A all in cell 0; set B half in cell 0, half in cell 1; 4 cells.
        // P = (1, 0), Q = (½, ½), M = (¾, ¼): JS = ½·log2(4/3) + ½·(½·log2(2/3) + ½·log2(2)) ≈ 0.311278 bits.
        let occupancy = CellOccupancy.measure(labelsPerSet: [[0, 0, 0], [0, 1, 0, 1]], cellCount: 4)
        #expect(occupancy.sets[0].occupiedFraction == 0.25 && occupancy.sets[1].occupiedFraction == 0.5)
        #expect(occupancy.sets[0].entropyBits == 0)
        #expect(abs(occupancy.sets[1].entropyBits - 1) < 1e-12)
        #expect(abs(occupancy.sets[1].normalizedEntropy - 0.5) < 1e-12)
        let expected = 0.5 * (_log(4.0 / 3) / _log(2)) + 0.5 * (0.5 * _log(2.0 / 3) / _log(2) + 0.5)
        #expect(abs(occupancy.jensenShannonBits[0][1] - expected) < 1e-12)
        #expect(occupancy.jensenShannonBits[1][0] == occupancy.jensenShannonBits[0][1])
        #expect(occupancy.jensenShannonBits[0][0] == 0)
        // Disjoint distributions are 1 bit apart, the maximum.
        #expect(abs(CellOccupancy.jensenShannonBits([1, 0], [0, 1]) - 1) < 1e-12)
    }

    @Test func occupancyOfANarrowSetAgainstAWideOne() throws {
        // Presets in one corner of a wide random cloud reach few of the shared cells.
        let random = TestData.gaussian(rows: 600, columns: 3, seed: 30)
        let presets = try Matrix(rows: 100, columns: 3, values: TestData.gaussian(rows: 100, columns: 3, seed: 31).values.map { $0 * 0.1 + 2 })
        let occupancy = try CellOccupancy.measure(sets: [random, presets], cells: 20, seed: 1)
        #expect(occupancy.sets[0].occupiedFraction > 0.9)
        #expect(occupancy.sets[1].occupiedFraction < 0.3)
        #expect(occupancy.sets[1].entropyBits < occupancy.sets[0].entropyBits)
        #expect(occupancy.jensenShannonBits[0][1] > 0.5)
    }

    @Test func noveltyAndEmptyRegionsByHand() throws {
        // Presets on a line at 0, 1, 2, 10: with k = 1 the isolation is 1, 1, 1, 8 and 10 is the most original.
        let presets = try Matrix([[0], [1], [2], [10]])
        let isolation = try Novelty.isolation(of: presets, k: 1)
        #expect(isolation == [1, 1, 1, 8])
        #expect(Novelty.top(isolation, count: 2) == [3, 0])
        // Random points at 5, 100, 1.5: 100 is farthest from any preset (90), then 5 (3), then 1.5 (0.5).
        let empty = try Novelty.emptyRegions(candidates: try Matrix([[5], [100], [1.5]]), points: presets, count: 3)
        #expect(empty.indices == [1, 0, 2])
        #expect(empty.distances == [3, 90, 0.5])
        #expect(throws: SoundSpaceError.self) { try Novelty.isolation(of: presets, k: 4) }
    }

    @Test func sweepReachByHand() throws {
        // Steps (0,0) -> (3,4) -> (3,0): path 5 + 4 = 9, farthest from the start 5.
        let sweep = try Reach.sweep(try Matrix([[0, 0], [3, 4], [3, 0]]))
        #expect(sweep.pathLength == 9 && sweep.radius == 5)
        #expect(try Reach.distances(of: try Matrix([[3, 4], [0, 1]]), from: [0, 0]) == [5, 1])
        #expect(throws: SoundSpaceError.self) { try Reach.distances(of: try Matrix([[1, 2]]), from: [0]) }
    }
}
