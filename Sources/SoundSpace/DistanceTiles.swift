// Blocked squared-Euclidean distances between query rows and packed reference rows: the one hot loop of SoundSpace.

/// Reference points repacked for the distance kernel: panels of 16 points stored dimension after
/// dimension (`panel[d * 16 + j]`), so one dimension of 16 points is two SIMD8 loads. Padding points
/// have an infinite norm, so their distance is +infinity and they are never a neighbour.
/// Packing is O(N·D) time and memory (a copy of the points).
struct PackedPoints: Sendable {
    static let panelWidth = 16
    let count: Int
    let dimensions: Int
    let panelCount: Int
    let panels: [Float]
    /// Squared norms, padded to `panelCount * 16` with +infinity.
    let squaredNorms: [Float]

    init(_ matrix: Matrix) {
        let count = matrix.rows
        let d = matrix.columns
        let panelCount = (matrix.rows + Self.panelWidth - 1) / Self.panelWidth
        var panels = [Float](repeating: 0, count: panelCount * Self.panelWidth * Swift.max(d, 1))
        var norms = [Float](repeating: .infinity, count: panelCount * Self.panelWidth)
        matrix.values.withUnsafeBufferPointer { source in
            for i in 0..<count {
                let panel = i / Self.panelWidth, lane = i % Self.panelWidth
                var norm: Float = 0
                for c in 0..<d {
                    let x = source[i * d + c]
                    panels[(panel * d + c) * Self.panelWidth + lane] = x
                    norm += x * x
                }
                norms[i] = norm
            }
        }
        self.count = count
        self.dimensions = d
        self.panelCount = panelCount
        self.panels = panels
        self.squaredNorms = norms
    }
}

/// Squared Euclidean distances computed tile by tile as |x|² + |y|² − 2·x·y with a 4×16 register-blocked
/// SIMD kernel. A tile covers up to `queryBlock` (64) queries × `referenceTile` (256) references; only
/// one tile per worker is ever in memory, so memory is O(64·256) per worker whatever N is.
/// Time: O(Nq·Nr·D). Accuracy: float32, absolute error about 1e-6·(|x|² + |y|²); callers needing exact
/// decisions near a threshold recompute those few pairs in Double (see `exactSquaredDistance`).
enum DistanceTiles {
    static let queryBlock = 64
    static let referenceTile = 256

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
                            queryRows: Range<Int>, reference: PackedPoints,
                            visit: (Int, Int, Int, Int, UnsafePointer<Float>) -> Void) {
        let tile = UnsafeMutablePointer<Float>.allocate(capacity: queryBlock * referenceTile)
        defer { tile.deallocate() }
        let d = reference.dimensions
        let panelsPerTile = referenceTile / PackedPoints.panelWidth
        reference.panels.withUnsafeBufferPointer { panels in
            reference.squaredNorms.withUnsafeBufferPointer { refNorms in
                var queryStart = queryRows.lowerBound
                while queryStart < queryRows.upperBound {
                    let queryCount = Swift.min(queryBlock, queryRows.upperBound - queryStart)
                    var panelStart = 0
                    while panelStart < reference.panelCount {
                        let panelCount = Swift.min(panelsPerTile, reference.panelCount - panelStart)
                        computeTile(queries: queries.baseAddress! + queryStart * d, queryNorms: queryNorms.baseAddress! + queryStart,
                                    queryCount: queryCount, dimensions: d,
                                    panels: panels.baseAddress! + panelStart * PackedPoints.panelWidth * d,
                                    referenceNorms: refNorms.baseAddress! + panelStart * PackedPoints.panelWidth,
                                    panelCount: panelCount, tile: tile)
                        let referenceStart = panelStart * PackedPoints.panelWidth
                        let referenceCount = Swift.min(panelCount * PackedPoints.panelWidth, reference.count - referenceStart)
                        visit(queryStart, queryCount, referenceStart, referenceCount, tile)
                        panelStart += panelCount
                    }
                    queryStart += queryCount
                }
            }
        }
    }

    /// The micro-kernel: 4 queries × 16 references per step, 8 SIMD8 accumulators kept in registers.
    @inline(__always)
    static func computeTile(queries: UnsafePointer<Float>, queryNorms: UnsafePointer<Float>, queryCount: Int, dimensions d: Int,
                            panels: UnsafePointer<Float>, referenceNorms: UnsafePointer<Float>, panelCount: Int,
                            tile: UnsafeMutablePointer<Float>) {
        let width = PackedPoints.panelWidth
        for panel in 0..<panelCount {
            let p = UnsafeRawPointer(panels + panel * width * d)
            let rn0 = UnsafeRawPointer(referenceNorms + panel * width).loadUnaligned(as: SIMD8<Float>.self)
            let rn1 = UnsafeRawPointer(referenceNorms + panel * width + 8).loadUnaligned(as: SIMD8<Float>.self)
            var q = 0
            while q + 4 <= queryCount {
                let x0 = queries + q * d, x1 = x0 + d, x2 = x1 + d, x3 = x2 + d
                var a00 = SIMD8<Float>(), a01 = SIMD8<Float>(), a10 = SIMD8<Float>(), a11 = SIMD8<Float>()
                var a20 = SIMD8<Float>(), a21 = SIMD8<Float>(), a30 = SIMD8<Float>(), a31 = SIMD8<Float>()
                for c in 0..<d {
                    let r0 = p.loadUnaligned(fromByteOffset: c * 64, as: SIMD8<Float>.self)
                    let r1 = p.loadUnaligned(fromByteOffset: c * 64 + 32, as: SIMD8<Float>.self)
                    let s0 = x0[c], s1 = x1[c], s2 = x2[c], s3 = x3[c]
                    a00 += s0 * r0; a01 += s0 * r1
                    a10 += s1 * r0; a11 += s1 * r1
                    a20 += s2 * r0; a21 += s2 * r1
                    a30 += s3 * r0; a31 += s3 * r1
                }
                store(a00, a01, queryNorm: queryNorms[q], rn0, rn1, to: tile + q * referenceTile + panel * width)
                store(a10, a11, queryNorm: queryNorms[q + 1], rn0, rn1, to: tile + (q + 1) * referenceTile + panel * width)
                store(a20, a21, queryNorm: queryNorms[q + 2], rn0, rn1, to: tile + (q + 2) * referenceTile + panel * width)
                store(a30, a31, queryNorm: queryNorms[q + 3], rn0, rn1, to: tile + (q + 3) * referenceTile + panel * width)
                q += 4
            }
            while q < queryCount {
                let x0 = queries + q * d
                var a00 = SIMD8<Float>(), a01 = SIMD8<Float>()
                for c in 0..<d {
                    let s0 = x0[c]
                    a00 += s0 * p.loadUnaligned(fromByteOffset: c * 64, as: SIMD8<Float>.self)
                    a01 += s0 * p.loadUnaligned(fromByteOffset: c * 64 + 32, as: SIMD8<Float>.self)
                }
                store(a00, a01, queryNorm: queryNorms[q], rn0, rn1, to: tile + q * referenceTile + panel * width)
                q += 1
            }
        }
    }

    @inline(__always)
    static func store(_ dot0: SIMD8<Float>, _ dot1: SIMD8<Float>, queryNorm: Float, _ rn0: SIMD8<Float>, _ rn1: SIMD8<Float>,
                      to out: UnsafeMutablePointer<Float>) {
        let zero = SIMD8<Float>()
        let d0 = (rn0 + queryNorm) - 2 * dot0
        let d1 = (rn1 + queryNorm) - 2 * dot1
        UnsafeMutableRawPointer(out).storeBytes(of: d0.replacing(with: zero, where: d0 .< zero), as: SIMD8<Float>.self)
        UnsafeMutableRawPointer(out + 8).storeBytes(of: d1.replacing(with: zero, where: d1 .< zero), as: SIMD8<Float>.self)
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
