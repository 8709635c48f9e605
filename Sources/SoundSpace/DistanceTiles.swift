// Blocked squared-Euclidean distances between query rows and reference rows: the one hot loop of SoundSpace.

/// Reference points as the distance tiles read them: a row-major copy and every row's squared norm.
/// O(N·D) time and memory (a copy of the points).
struct ReferenceRows: Sendable {
    let count: Int
    let dimensions: Int
    let values: [Float]
    let squaredNorms: [Float]

    init(_ matrix: Matrix) {
        count = matrix.rows
        dimensions = matrix.columns
        values = matrix.values
        squaredNorms = DistanceTiles.squaredNorms(matrix)
    }
}

/// Squared Euclidean distances computed tile by tile as |x|² + |y|² − 2·x·y, the dot products of a
/// tile by one OpenBLAS sgemm (BLAS.swift; 5-10x the previous hand-written 4×16 SSE kernel, which
/// the baseline x86-64 build limited to 4-lane multiplies and adds without FMA: BENCHMARKS.md). A tile
/// covers up to `queryBlock` (64) queries × `referenceTile` (1,024) references; only one tile per worker
/// is ever in memory, so memory is O(64·1024) per worker whatever N is.
/// Time: O(Nq·Nr·D). Accuracy: float32, absolute error about 1e-6·(|x|² + |y|²); callers needing exact
/// decisions near a threshold recompute those few pairs in Double (see `exactSquaredDistance`).
enum DistanceTiles {
    static let queryBlock = 64
    static let referenceTile = 1_024

    /// Squared norms of every row.
    static func squaredNorms(_ matrix: Matrix) -> [Float] {
        var norms = [Float](repeating: 0, count: matrix.rows)
        let d = matrix.columns
        matrix.values.withUnsafeBufferPointer { v in
            for i in 0..<matrix.rows {
                var s: Float = 0
                for c in 0..<d { s += v[i * d + c] * v[i * d + c] }
                norms[i] = s
            }
        }
        return norms
    }

    /// Calls `visit(queryStart, queryCount, referenceStart, referenceCount, tile)` for every tile of the
    /// queries in `queryRows` against all reference points, in order of query block then reference tile.
    /// `tile[q * referenceTile + r]` is the squared distance of query `queryStart + q` to reference
    /// `referenceStart + r` (clamped at 0). Runs on the calling thread; parallelise over query rows.
    static func forEachTile(queries: UnsafeBufferPointer<Float>, queryNorms: UnsafeBufferPointer<Float>,
                            queryRows: Range<Int>, reference: ReferenceRows,
                            visit: (Int, Int, Int, Int, UnsafePointer<Float>) -> Void) {
        let tile = UnsafeMutablePointer<Float>.allocate(capacity: queryBlock * referenceTile)
        defer { tile.deallocate() }
        let d = reference.dimensions
        reference.values.withUnsafeBufferPointer { rows in
            reference.squaredNorms.withUnsafeBufferPointer { referenceNorms in
                var queryStart = queryRows.lowerBound
                while queryStart < queryRows.upperBound {
                    let queryCount = Swift.min(queryBlock, queryRows.upperBound - queryStart)
                    var referenceStart = 0
                    while referenceStart < reference.count {
                        let referenceCount = Swift.min(referenceTile, reference.count - referenceStart)
                        BLAS.rowDotProducts(queries.baseAddress! + queryStart * d, aRows: queryCount,
                                            rows.baseAddress! + referenceStart * d, bRows: referenceCount,
                                            dimensions: d, into: tile, outStride: referenceTile)
                        for q in 0..<queryCount {
                            let row = tile + q * referenceTile, queryNorm = queryNorms[queryStart + q]
                            let norms = referenceNorms.baseAddress! + referenceStart
                            for r in 0..<referenceCount {
                                let distance = (norms[r] + queryNorm) - 2 * row[r]
                                row[r] = distance < 0 ? 0 : distance
                            }
                        }
                        visit(queryStart, queryCount, referenceStart, referenceCount, tile)
                        referenceStart += referenceCount
                    }
                    queryStart += queryCount
                }
            }
        }
    }

    /// The squared distance of two rows computed by differences in Double: the exact arbiter used near thresholds.
    @inline(__always)
    static func exactSquaredDistance(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, dimensions: Int) -> Double {
        var sum = 0.0
        for c in 0..<dimensions {
            let delta = Double(a[c]) - Double(b[c])
            sum += delta * delta
        }
        return sum
    }
}
