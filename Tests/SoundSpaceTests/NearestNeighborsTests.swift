// Exact kNN agrees with a brute-force Double search, handles self-exclusion, ragged block sizes and too-large k.
import Testing
@testable import SoundSpace

@Suite struct NearestNeighborsTests {
    /// Brute force in Double with the same tie rule (lower index first): an independent oracle.
    func bruteForce(_ queries: Matrix, _ reference: Matrix, k: Int, excludingSelf: Bool) -> [[Int]] {
        (0..<queries.rows).map { i in
            let q = queries.row(i)
            var pairs = [(Double, Int)]()
            for j in 0..<reference.rows where !(excludingSelf && i == j) {
                let r = reference.row(j)
                pairs.append((zip(q, r).reduce(0.0) { $0 + Double($1.0 - $1.1) * Double($1.0 - $1.1) }, j))
            }
            pairs.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
            return pairs.prefix(k).map { $0.1 }
        }
    }

    @Test(arguments: [(131, 3, 7), (300, 17, 10), (70, 64, 5)])
    func matchesBruteForce(rows: Int, columns: Int, k: Int) throws {
        let points = TestData.gaussian(rows: rows, columns: columns, seed: UInt64(rows))
        let queries = TestData.gaussian(rows: 67, columns: columns, seed: 99)
        let graph = try NearestNeighbors.exact(queries: queries, reference: points, k: k)
        let expected = bruteForce(queries, points, k: k, excludingSelf: false)
        for i in 0..<queries.rows {
            #expect(graph.neighbors(of: i).map(Int.init) == expected[i], "query \(i)")
        }
    }

    @Test func excludingSelfSkipsTheQueryPoint() throws {
        let points = TestData.gaussian(rows: 200, columns: 8, seed: 5)
        let graph = try NearestNeighbors.exact(queries: points, reference: points, k: 4, excludingSelf: true)
        let expected = bruteForce(points, points, k: 4, excludingSelf: true)
        for i in 0..<points.rows {
            #expect(!graph.neighbors(of: i).contains(Int32(i)))
            #expect(graph.neighbors(of: i).map(Int.init) == expected[i])
        }
    }

    @Test func squaredDistancesAreMeasured() throws {
        // Points on a line at 0, 1, 3, 7: the nearest of 3 is 1 at squared distance 4.
        let line = try Matrix([[0], [1], [3], [7]])
        let graph = try NearestNeighbors.exact(queries: line, reference: line, k: 2, excludingSelf: true)
        #expect(graph.neighbors(of: 2) == [1, 0])
        #expect(graph.squaredDistances[2 * 2] == 4)
        #expect(graph.squaredDistances[2 * 2 + 1] == 9)
    }

    @Test func refinedOrderIsDecidedInDouble() throws {
        // Far from the origin, float32 |x|² + |y|² − 2x·y has an absolute error near 0.1 at |x|² ≈ 1e6, more
        // than the gap between squared distances 1 and ≈ 1.0002; the refined search orders them as Double does.
        let reference = try Matrix([[1001.0001, 0], [1000, 1], [990, 0]])
        let query = try Matrix([[1000, 0]])
        let refined = try NearestNeighbors.exactRefined(queries: query, reference: reference, k: 2)
        #expect(refined.neighbors(of: 0) == [1, 0])
        #expect(refined.squaredDistances[0] == 1)
    }

    @Test func moreNeighboursThanPointsArePadded() throws {
        let points = try Matrix([[0, 0], [1, 1]])
        let graph = try NearestNeighbors.exact(queries: points, reference: points, k: 3, excludingSelf: true)
        #expect(graph.neighbors(of: 0) == [1, -1, -1])
        #expect(graph.squaredDistances[2] == .infinity)
    }

    @Test func queriesOfAnotherDimensionAreRefusedWithOneLine() throws {
        let queries = Matrix(rows: 2, columns: 3), reference = Matrix(rows: 4, columns: 5)
        #expect(throws: SoundSpaceError.self) { _ = try NearestNeighbors.exact(queries: queries, reference: reference, k: 1) }
    }
}
