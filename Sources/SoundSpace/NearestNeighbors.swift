// Exact k-nearest neighbours by blocked distance tiles on all cores, memory bounded whatever N is.

/// The k nearest reference points of every query: `indices[i * k + n]` is the n-th nearest (ascending
/// distance, ties broken by the lower index) and `squaredDistances` its float32 squared distance.
/// Missing neighbours (fewer than k references) are index -1 at distance +infinity.
public struct NeighborGraph: Sendable, Equatable {
    public let k: Int
    public let indices: [Int32]
    public let squaredDistances: [Float]

    public var count: Int { k == 0 ? 0 : indices.count / k }

    /// The neighbours of query `i`, nearest first.
    public func neighbors(of i: Int) -> ArraySlice<Int32> { indices[(i * k)..<((i + 1) * k)] }
}

public enum NearestNeighbors {
    /// Exact k nearest neighbours of each query row among the reference rows (Euclidean).
    ///
    /// With `excludingSelf` (queries and reference are the same set), reference `i` is skipped for query `i`.
    /// Time O(Nq·Nr·D / cores) through `DistanceTiles`; memory O(Nq·k) for the result plus one 64×256 tile
    /// per core, never Nq×Nr. Deterministic: the result does not depend on the core count.
    /// - Throws: `SoundSpaceError` when queries and reference differ in dimension.
    public static func exact(queries: Matrix, reference: Matrix, k: Int, excludingSelf: Bool = false) throws -> NeighborGraph {
        guard queries.columns == reference.columns || queries.rows == 0 || reference.rows == 0 else {
            throw SoundSpaceError("nearest neighbours: queries have \(queries.columns) dimensions, the reference \(reference.columns)")
        }
        let k = Swift.max(0, k)
        let n = queries.rows
        var indices = [Int32](repeating: -1, count: n * k)
        var distances = [Float](repeating: .infinity, count: n * k)
        guard k > 0, n > 0, reference.rows > 0 else {
            return NeighborGraph(k: k, indices: indices, squaredDistances: distances)
        }
        let packed = ReferenceRows(reference)
        let queryNorms = DistanceTiles.squaredNorms(queries)
        indices.withUnsafeMutableBufferPointer { indexBuffer in
            distances.withUnsafeMutableBufferPointer { distanceBuffer in
                queries.values.withUnsafeBufferPointer { queryValues in
                    queryNorms.withUnsafeBufferPointer { norms in
                        let out = UncheckedSendable((indexBuffer.baseAddress!, distanceBuffer.baseAddress!))
                        let blocks = (n + DistanceTiles.queryBlock - 1) / DistanceTiles.queryBlock
                        Parallel.forEachChunk(count: blocks, chunkCount: blocks) { _, blockRange in
                            let rows = (blockRange.lowerBound * DistanceTiles.queryBlock)..<Swift.min(n, blockRange.upperBound * DistanceTiles.queryBlock)
                            let (bestIndex, bestDistance) = out.value
                            DistanceTiles.forEachTile(queries: queryValues, queryNorms: norms, queryRows: rows, reference: packed) {
                                queryStart, queryCount, referenceStart, referenceCount, tile in
                                for q in 0..<queryCount {
                                    let i = queryStart + q
                                    let rowIndex = bestIndex + i * k, rowDistance = bestDistance + i * k
                                    let tileRow = tile + q * DistanceTiles.referenceTile
                                    var worst = rowDistance[k - 1]
                                    for r in 0..<referenceCount {
                                        let d2 = tileRow[r]
                                        if d2 < worst {
                                            let j = referenceStart + r
                                            if excludingSelf && j == i { continue }
                                            insert(Int32(j), d2, into: rowIndex, rowDistance, k: k)
                                            worst = rowDistance[k - 1]
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return NeighborGraph(k: k, indices: indices, squaredDistances: distances)
    }

    /// Like `exact`, but the order is decided in Double: 8 extra float32 candidates are re-ranked by their
    /// distances recomputed in Double (ties: lower index first), so near-ties that float32 rounding could
    /// swap come out as exact arithmetic orders them. Same complexity; `squaredDistances` hold the Double
    /// values rounded to Float.
    public static func exactRefined(queries: Matrix, reference: Matrix, k: Int, excludingSelf: Bool = false) throws -> NeighborGraph {
        let k = Swift.max(0, k)
        let candidates = Swift.min(reference.rows, k + 8)
        let graph = try exact(queries: queries, reference: reference, k: candidates, excludingSelf: excludingSelf)
        guard k > 0, candidates > 0 else { return try exact(queries: queries, reference: reference, k: k, excludingSelf: excludingSelf) }
        let d = queries.columns
        var indices = [Int32](repeating: -1, count: queries.rows * k)
        var distances = [Float](repeating: .infinity, count: queries.rows * k)
        queries.values.withUnsafeBufferPointer { q in
            reference.values.withUnsafeBufferPointer { r in
                var ranked = [(Double, Int32)](repeating: (0, 0), count: candidates)
                for i in 0..<queries.rows {
                    for n in 0..<candidates {
                        let j = graph.indices[i * candidates + n]
                        ranked[n] = j < 0 ? (.infinity, Int32.max)
                            : (DistanceTiles.exactSquaredDistance(q.baseAddress! + i * d, r.baseAddress! + Int(j) * d, dimensions: d), j)
                    }
                    ranked.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
                    for n in 0..<Swift.min(k, candidates) where ranked[n].1 != Int32.max {
                        indices[i * k + n] = ranked[n].1
                        distances[i * k + n] = Float(ranked[n].0)
                    }
                }
            }
        }
        return NeighborGraph(k: k, indices: indices, squaredDistances: distances)
    }

    /// Inserts into a sorted list of k, dropping the last; equal distances keep the earlier (lower) index first.
    @inline(__always)
    static func insert(_ index: Int32, _ distance: Float, into indices: UnsafeMutablePointer<Int32>,
                       _ distances: UnsafeMutablePointer<Float>, k: Int) {
        var position = k - 1
        while position > 0 && distances[position - 1] > distance {
            distances[position] = distances[position - 1]
            indices[position] = indices[position - 1]
            position -= 1
        }
        distances[position] = distance
        indices[position] = index
    }
}
