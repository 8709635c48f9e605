// Novelty and empty regions: which presets are most isolated, and which reachable sounds no preset is near.

public enum Novelty {
    /// Mean distance from each point to its k nearest other points of the same set (higher = more
    /// original: the most isolated presets). O(N²·D / cores), memory O(N·k).
    /// - Throws: `SoundSpaceError` unless 1 ≤ k < N.
    public static func isolation(of points: Matrix, k: Int) throws -> [Double] {
        guard k >= 1, k < points.rows else { throw SoundSpaceError("isolation: k = \(k) needs more than k points (got \(points.rows))") }
        let graph = try NearestNeighbors.exact(queries: points, reference: points, k: k, excludingSelf: true)
        return (0..<points.rows).map { i in
            (0..<k).reduce(0.0) { $0 + Double(graph.squaredDistances[i * k + $1]).squareRoot() } / Double(k)
        }
    }

    /// The `count` indices with the largest scores, largest first (ties: lower index first).
    public static func top(_ scores: [Double], count: Int) -> [Int] {
        Array(scores.indices.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }.prefix(Swift.max(0, count)))
    }

    /// Empty regions: each candidate's distance to its nearest point of `points`, and the `count`
    /// candidates farthest from all of them (farthest first). Candidates are typically random settings:
    /// sounds the synth makes that no preset is near. O(Nc·Np·D / cores).
    public static func emptyRegions(candidates: Matrix, points: Matrix, count: Int) throws -> (indices: [Int], distances: [Double]) {
        guard points.rows > 0, candidates.columns == points.columns else {
            throw SoundSpaceError("empty regions: need points of the candidates' dimension")
        }
        let graph = try NearestNeighbors.exact(queries: candidates, reference: points, k: 1)
        let distances = graph.squaredDistances.map { Double($0).squareRoot() }
        return (top(distances, count: count), distances)
    }
}
