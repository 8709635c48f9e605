// Approximate nearest neighbours of outside queries among indexed points, by best-first search of their kNN graph.

/// An index over `points` made from their neighbour graph (each edge both ways, at most 2k per point).
///
/// A query starts from the nearest of a seeded sample of √N "pivot" points (at least 64, so every cluster of
/// a clustered set has a way in even when the kNN graph does not join the clusters), then repeatedly expands
/// the closest unexpanded point of a pool of `poolSize` best points, as NN-descent's authors and HNSW search
/// a graph. Cost per query about O((√N + poolSize·2k)·D); results do not depend on the core count.
struct GraphSearch: @unchecked Sendable {
    let points: Matrix
    let adjacencyStart: [Int]
    let adjacency: [Int32]
    let pivots: [Int]

    init(points: Matrix, graph: NeighborGraph, seed: UInt64) {
        let n = points.rows, k = graph.k
        var degree = [Int](repeating: 0, count: n + 1)
        for i in 0..<n {
            for j in graph.neighbors(of: i) where j >= 0 {
                degree[i + 1] += 1
                degree[Int(j) + 1] += 1
            }
        }
        // Reverse edges are capped at k per point so hubs do not make every expansion expensive.
        var reverseCount = [Int](repeating: 0, count: n)
        var start = [Int](repeating: 0, count: n + 1)
        for i in 0..<n {
            let forward = graph.neighbors(of: i).filter { $0 >= 0 }.count
            start[i + 1] = start[i] + forward + Swift.min(k, degree[i + 1] - forward)
        }
        var edges = [Int32](repeating: -1, count: start[n])
        var fill = start
        for i in 0..<n {
            for j in graph.neighbors(of: i) where j >= 0 { edges[fill[i]] = j; fill[i] += 1 }
        }
        for i in 0..<n {
            for j in graph.neighbors(of: i) where j >= 0 && reverseCount[Int(j)] < k {
                edges[fill[Int(j)]] = Int32(i)
                fill[Int(j)] += 1
                reverseCount[Int(j)] += 1
            }
        }
        // Compact: slots left unfilled (a reverse edge that was a duplicate count) stay -1 and are skipped.
        self.points = points
        self.adjacencyStart = start
        self.adjacency = edges
        var generator = SeededGenerator(seed: seed ^ 0x5EA2_C4ED)
        let pivotCount = Swift.min(n, Swift.max(64, Int(Double(n).squareRoot())))
        var order = Array(0..<n)
        for p in 0..<pivotCount { order.swapAt(p, p + generator.nextIndex(below: n - p)) }
        self.pivots = Array(order.prefix(pivotCount)).sorted()
    }

    /// The k nearest indexed points of every query row (k ≤ poolSize), nearest first, float32 squared distances.
    func nearest(_ queries: Matrix, k: Int, poolSize: Int) -> NeighborGraph {
        let n = points.rows, pool = Swift.max(poolSize, k)
        var indices = [Int32](repeating: -1, count: queries.rows * k)
        var distances = [Float](repeating: .infinity, count: queries.rows * k)
        guard n > 0, k > 0 else { return NeighborGraph(k: k, indices: indices, squaredDistances: distances) }
        points.values.withUnsafeBufferPointer { values in
            queries.values.withUnsafeBufferPointer { queryValues in
                indices.withUnsafeMutableBufferPointer { indexOut in
                    distances.withUnsafeMutableBufferPointer { distanceOut in
                        let space = PointSpace(base: values.baseAddress!, dimensions: points.columns)
                        let shared = UncheckedSendable((indexOut.baseAddress!, distanceOut.baseAddress!, queryValues.baseAddress!))
                        Parallel.forEachChunk(count: queries.rows, chunkCount: Swift.max(1, queries.rows / 256)) { _, rows in
                            let (indexOut, distanceOut, queryBase) = shared.value
                            var visited = [UInt32](repeating: 0, count: n)
                            var stamp: UInt32 = 0
                            var poolIndex = [Int32](repeating: -1, count: pool)
                            var poolDistance = [Float](repeating: .infinity, count: pool)
                            var expanded = [Bool](repeating: false, count: pool)
                            for q in rows {
                                stamp += 1
                                search(query: queryBase + q * points.columns, space: space, visited: &visited, stamp: stamp,
                                       poolIndex: &poolIndex, poolDistance: &poolDistance, expanded: &expanded)
                                for s in 0..<k { indexOut[q * k + s] = poolIndex[s]; distanceOut[q * k + s] = poolDistance[s] }
                            }
                        }
                    }
                }
            }
        }
        return NeighborGraph(k: k, indices: indices, squaredDistances: distances)
    }

    /// Best-first search for one query; on return the pool holds the best points found, nearest first.
    private func search(query: UnsafePointer<Float>, space: PointSpace, visited: inout [UInt32], stamp: UInt32,
                        poolIndex: inout [Int32], poolDistance: inout [Float], expanded: inout [Bool]) {
        let pool = poolIndex.count
        for s in 0..<pool { poolIndex[s] = -1; poolDistance[s] = .infinity; expanded[s] = false }
        func offer(_ j: Int) {
            if visited[j] == stamp { return }
            visited[j] = stamp
            let d = space.squaredDistance(to: query, j)
            if d >= poolDistance[pool - 1] { return }
            var position = pool - 1
            while position > 0 && poolDistance[position - 1] > d {
                poolDistance[position] = poolDistance[position - 1]
                poolIndex[position] = poolIndex[position - 1]
                expanded[position] = expanded[position - 1]
                position -= 1
            }
            poolDistance[position] = d
            poolIndex[position] = Int32(j)
            expanded[position] = false
        }
        for p in pivots { offer(p) }
        while let next = (0..<pool).first(where: { !expanded[$0] && poolIndex[$0] >= 0 }) {
            expanded[next] = true
            let point = Int(poolIndex[next])
            for e in adjacencyStart[point]..<adjacencyStart[point + 1] where adjacency[e] >= 0 { offer(Int(adjacency[e])) }
        }
    }
}
