// Neighbour searches that stay exact up to a size and turn approximate (NN-descent, graph search) above it.

extension NearestNeighbors {
    /// Points up to which searches are exact: the distance tiles cost O(N²·D), minutes at 100k, hours at 1M.
    public static let exactLimit = 100_000

    /// The k nearest other points of every point, nearest first: exact up to `limit` points, NN-descent above.
    /// - Throws: `SoundSpaceError` when k is not below the number of points.
    public static func graph(of points: Matrix, k: Int, exactUpTo limit: Int = exactLimit, seed: UInt64 = 0) throws -> NeighborGraph {
        guard k >= 1, k < points.rows else { throw SoundSpaceError("nearest neighbours: k = \(k) needs more than k points (got \(points.rows))") }
        if points.rows <= limit { return try exact(queries: points, reference: points, k: k, excludingSelf: true) }
        return try NNDescent(seed: seed).graph(points, k: k)
    }

    /// Whether a search of `queries` among `reference` points is done exactly: when the pairs to measure are
    /// no more than those of an exact search of `limit` points (limit²).
    static func searchesExactly(queries: Int, reference: Int, limit: Int) -> Bool {
        queries.multipliedReportingOverflow(by: reference).partialValue <= limit.multipliedReportingOverflow(by: limit).partialValue
            && !queries.multipliedReportingOverflow(by: reference).overflow
    }

    /// The k nearest `reference` points of each query (another set): exact tiles when `searchesExactly`,
    /// otherwise a best-first search of `referenceGraph` (the reference points' own neighbour graph).
    static func across(queries: Matrix, reference: Matrix, referenceGraph: NeighborGraph, k: Int, limit: Int,
                       seed: UInt64) throws -> NeighborGraph {
        if searchesExactly(queries: queries.rows, reference: reference.rows, limit: limit) {
            return try exact(queries: queries, reference: reference, k: k)
        }
        return GraphSearch(points: reference, graph: referenceGraph, seed: seed).nearest(queries, k: k, poolSize: Swift.max(2 * k, 48))
    }
}
