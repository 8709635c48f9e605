// Reach: how far patches sit from the init patch, and how far a one-parameter sweep moves the sound.

public enum Reach {
    /// Euclidean distance of every row from `origin` (e.g. the init patch's embedding). O(N·D).
    /// - Throws: `SoundSpaceError` when the origin's dimension differs.
    public static func distances(of points: Matrix, from origin: [Float]) throws -> [Double] {
        guard origin.count == points.columns else {
            throw SoundSpaceError("origin has \(origin.count) dimensions, points \(points.columns)")
        }
        let d = points.columns
        return (0..<points.rows).map { i in
            var sum = 0.0
            for c in 0..<d { let delta = Double(points.values[i * d + c]) - Double(origin[c]); sum += delta * delta }
            return sum.squareRoot()
        }
    }

    /// What one sweep does in embedding space.
    public struct Sweep: Sendable, Equatable, Codable {
        /// Σ of distances between consecutive sweep steps: how much the sound changes along the knob.
        public var pathLength: Double
        /// Largest distance of any step from the origin: how far the knob alone takes the sound.
        public var radius: Double
    }

    /// Path length and radius of a sweep whose rows are the embeddings of successive knob values;
    /// `origin` defaults to the first row. O(N·D).
    public static func sweep(_ path: Matrix, origin: [Float]? = nil) throws -> Sweep {
        guard path.rows > 0 else { throw SoundSpaceError("sweep has no steps") }
        let start = origin ?? path.row(0)
        let radius = try distances(of: path, from: start).max() ?? 0
        var length = 0.0
        for i in 1..<Swift.max(1, path.rows) {
            length += try distances(of: Matrix(checkedRows: 1, columns: path.columns, values: path.row(i)), from: path.row(i - 1))[0]
        }
        return Sweep(pathLength: length, radius: radius)
    }
}
