// t-SNE: a 2-D map that keeps each point's nearest neighbours near (Barnes-Hut or FFT-interpolated gradient, seeded, deterministic).

/// t-distributed stochastic neighbour embedding (van der Maaten & Hinton 2008) with the repulsive forces
/// summed by Barnes-Hut (van der Maaten 2014) below `interpolationFrom` points and by FFT-accelerated
/// interpolation (`InterpolatedRepulsion`, Linderman et al. 2019) from there up, configured once and applied to points.
///
/// Schedule and step rule as openTSNE's defaults: `earlyExaggerationIterations` (250) at exaggeration 12
/// with momentum 0.5, then the rest at exaggeration 1 with momentum 0.8; learning rate N / exaggeration
/// (Belkina et al. 2019) unless given; delta-bar-delta gains (+0.2 / ×0.8, floor 0.01); each point's step
/// is clipped to norm 5 (openTSNE's `max_step_norm`); the map is re-centred every iteration. The gradient
/// omits the constant factor 4 of the paper, which the learning rate absorbs.
/// Initialisation: PCA scaled to a first-axis standard deviation of 1e-4 (Kobak & Linderman 2021), or seeded
/// Gaussian noise of that scale. Determinism: partial sums are reduced in a fixed order of 64 chunks,
/// so a given input, seed and configuration give the same map on any number of cores.
/// Time per iteration O(N log N + N·k) (Barnes-Hut) or O(N·k + L² log L) (interpolation, L the FFT grid);
/// memory O(N·k) with k = 3·perplexity. Affinities from exact neighbours up to 100k points, NN-descent above.
public struct TSNE: Sendable {
    public enum Initialization: String, Sendable { case pca, random }

    public var perplexity: Double = 30
    /// Total iterations, early exaggeration included.
    public var iterations: Int = 750
    public var earlyExaggerationIterations: Int = 250
    public var earlyExaggeration: Double = 12
    /// Barnes-Hut opening angle θ: smaller is more exact and slower.
    public var theta: Double = 0.5
    /// nil: N / exaggeration, at least 50.
    public var learningRate: Double? = nil
    public var initialization: Initialization = .pca
    public var seed: UInt64 = 0
    /// How the repulsive forces are summed; nil: `interpolation` from `interpolationFrom` points up, else Barnes-Hut.
    public var gradient: Gradient? = nil

    public enum Gradient: String, Sendable { case barnesHut, interpolation }
    /// Points from which the FFT-interpolated gradient is the default (`gradient` nil).
    public static let interpolationFrom = 10_000

    public init(perplexity: Double = 30, iterations: Int = 750, seed: UInt64 = 0) {
        self.perplexity = perplexity
        self.iterations = iterations
        self.seed = seed
    }

    /// Maps `points` [N, D] to [N, 2].
    /// - Throws: `SoundSpaceError` for fewer than 4 points or a perplexity not below N − 1.
    public func embed(_ points: Matrix) throws -> Matrix {
        guard points.rows >= 4 else { throw SoundSpaceError("t-SNE needs at least 4 points (got \(points.rows))") }
        guard theta.isFinite, theta >= 0, iterations >= 0 else { throw SoundSpaceError("t-SNE: bad theta or iterations") }
        let affinities = try SparseAffinities.perplexityBased(points, perplexity: perplexity, seed: seed)
        return optimize(affinities: affinities, initial: try initialMap(points))
    }

    /// The starting map, standard deviation 1e-4 along its first axis.
    func initialMap(_ points: Matrix) throws -> Matrix {
        var start: Matrix
        if initialization == .pca && points.columns >= 2 {
            start = try PCA.fit(points, components: 2).transform(points)
        } else {
            var generator = SeededGenerator(seed: seed)
            start = Matrix(checkedRows: points.rows, columns: 2, values: (0..<(2 * points.rows)).map { _ in Float(generator.nextGaussian()) })
        }
        let n = Double(start.rows)
        let firstAxis = (0..<start.rows).map { Double(start[$0, 0]) }
        let mean = firstAxis.reduce(0, +) / n
        let standardDeviation = (firstAxis.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / n).squareRoot()
        let scale = standardDeviation > 0 ? 1e-4 / standardDeviation : 1
        start.values = start.values.map { Float(Double($0) * scale) }
        return start
    }

    /// Gradient descent from `initial` [N, 2] on the KL divergence to `affinities`.
    public func optimize(affinities: SparseAffinities, initial: Matrix) -> Matrix {
        let n = initial.rows
        var x = (0..<n).map { Double(initial[$0, 0]) }
        var y = (0..<n).map { Double(initial[$0, 1]) }
        var updateX = [Double](repeating: 0, count: n), updateY = updateX
        var gainX = [Double](repeating: 1, count: n), gainY = gainX
        var gradientX = [Double](repeating: 0, count: n), gradientY = gradientX
        var repulsionX = [Double](repeating: 0, count: n), repulsionY = repulsionX
        let chunkCount = 64
        var chunkSumQ = [Double](repeating: 0, count: chunkCount)
        var tree = BarnesHutTree()
        var interpolated = InterpolatedRepulsion()
        let useInterpolation = (gradient ?? (n >= Self.interpolationFrom ? .interpolation : .barnesHut)) == .interpolation
        let thetaSquared = theta * theta
        let maxStepNorm = 5.0

        var positions = [Double](repeating: 0, count: 2 * n)
        for iteration in 0..<iterations {
            for i in 0..<n { positions[2 * i] = x[i]; positions[2 * i + 1] = y[i] }
            let early = iteration < earlyExaggerationIterations
            let exaggeration = early ? earlyExaggeration : 1
            let momentum = early ? 0.5 : 0.8
            let rate = learningRate ?? Swift.max(Double(n) / exaggeration, 50)

            if useInterpolation {
                let normalisation = x.withUnsafeBufferPointer { xb in y.withUnsafeBufferPointer { yb in
                    repulsionX.withUnsafeMutableBufferPointer { rx in repulsionY.withUnsafeMutableBufferPointer { ry in
                        interpolated.compute(x: xb.baseAddress!, y: yb.baseAddress!, count: n, forceX: rx.baseAddress!, forceY: ry.baseAddress!)
                    } }
                } }
                attraction(affinities, positions: positions, exaggeration: exaggeration, gradientX: &gradientX, gradientY: &gradientY)
                for c in 0..<chunkCount { chunkSumQ[c] = c == 0 ? normalisation : 0 }
            } else {
            x.withUnsafeBufferPointer { xb in y.withUnsafeBufferPointer { yb in
                tree.rebuild(x: xb.baseAddress!, y: yb.baseAddress!, count: n)
            } }
            // Repulsion (Barnes-Hut) and attraction (sparse P), both parallel over points.
            x.withUnsafeBufferPointer { xb in y.withUnsafeBufferPointer { yb in
                repulsionX.withUnsafeMutableBufferPointer { rx in repulsionY.withUnsafeMutableBufferPointer { ry in
                    gradientX.withUnsafeMutableBufferPointer { gx in gradientY.withUnsafeMutableBufferPointer { gy in
                        chunkSumQ.withUnsafeMutableBufferPointer { sums in
                            affinities.rowStart.withUnsafeBufferPointer { rowStart in
                                affinities.columns.withUnsafeBufferPointer { columns in
                                    affinities.values.withUnsafeBufferPointer { values in
                                        tree.nodes.withUnsafeBufferPointer { nodeBuffer in tree.permutation.withUnsafeBufferPointer { permutation in
                                          positions.withUnsafeBufferPointer { positionBuffer in
                                            let shared = UncheckedSendable((rx, ry, gx, gy, sums))
                                            Parallel.forEachChunk(count: n, chunkCount: chunkCount) { chunk, rows in
                                                let (rx, ry, gx, gy, sums) = shared.value
                                                let stack = UnsafeMutablePointer<Int32>.allocate(capacity: BarnesHutTree.stackCapacity)
                                                defer { stack.deallocate() }
                                                var sumQ = 0.0
                                                // Points in tree order: consecutive points walk nearly the same cells, so
                                                // the nodes they read stay in cache (a 2x saving at 50k points).
                                                for position in rows {
                                                    let i = Int(permutation[position])
                                                    let r = BarnesHutTree.repulsion(of: i, x: xb.baseAddress!, y: yb.baseAddress!, thetaSquared: thetaSquared,
                                                                                    nodes: nodeBuffer.baseAddress!, permutation: permutation.baseAddress!,
                                                                                    stack: stack)
                                                    sumQ += r.sumQ
                                                    rx[i] = r.forceX
                                                    ry[i] = r.forceY
                                                    let (attractX, attractY) = Self.attraction(of: i, positions: positionBuffer.baseAddress!, rowStart: rowStart,
                                                                                               columns: columns, values: values)
                                                    gx[i] = exaggeration * attractX
                                                    gy[i] = exaggeration * attractY
                                                }
                                                sums[chunk] = sumQ
                                            }
                                          }
                                        } }
                                    }
                                }
                            }
                        }
                    } }
                } }
            } }
            }
            let normalisation = Swift.max(chunkSumQ.reduce(0, +), .leastNormalMagnitude)
            var meanX = 0.0, meanY = 0.0
            for i in 0..<n {
                let gradX = gradientX[i] - repulsionX[i] / normalisation
                let gradY = gradientY[i] - repulsionY[i] / normalisation
                gainX[i] = (gradX > 0) != (updateX[i] > 0) ? gainX[i] + 0.2 : Swift.max(gainX[i] * 0.8, 0.01)
                gainY[i] = (gradY > 0) != (updateY[i] > 0) ? gainY[i] + 0.2 : Swift.max(gainY[i] * 0.8, 0.01)
                var stepX = momentum * updateX[i] - rate * gainX[i] * gradX
                var stepY = momentum * updateY[i] - rate * gainY[i] * gradY
                let stepNorm = (stepX * stepX + stepY * stepY).squareRoot()
                if stepNorm > maxStepNorm { stepX *= maxStepNorm / stepNorm; stepY *= maxStepNorm / stepNorm }
                updateX[i] = stepX; updateY[i] = stepY
                x[i] += stepX; y[i] += stepY
                meanX += x[i]; meanY += y[i]
            }
            meanX /= Double(n); meanY /= Double(n)
            for i in 0..<n { x[i] -= meanX; y[i] -= meanY }
        }
        var out = [Float](repeating: 0, count: 2 * n)
        for i in 0..<n { out[2 * i] = Float(x[i]); out[2 * i + 1] = Float(y[i]) }
        return Matrix(checkedRows: n, columns: 2, values: out)
    }

    /// Exaggerated attractive forces Σ_j p_ij·q_ij·(y_i − y_j) of every point (parallel, each point on its own).
    func attraction(_ affinities: SparseAffinities, positions: [Double], exaggeration: Double,
                    gradientX: inout [Double], gradientY: inout [Double]) {
        let n = positions.count / 2
        positions.withUnsafeBufferPointer { positionBuffer in
            gradientX.withUnsafeMutableBufferPointer { gx in gradientY.withUnsafeMutableBufferPointer { gy in
                affinities.rowStart.withUnsafeBufferPointer { rowStart in
                    affinities.columns.withUnsafeBufferPointer { columns in
                        affinities.values.withUnsafeBufferPointer { values in
                            let shared = UncheckedSendable((gx, gy, positionBuffer.baseAddress!, rowStart, columns, values))
                            Parallel.forEachChunk(count: n, chunkCount: 64) { _, rows in
                                let (gx, gy, positions, rowStart, columns, values) = shared.value
                                for i in rows {
                                    let (attractX, attractY) = Self.attraction(of: i, positions: positions, rowStart: rowStart, columns: columns, values: values)
                                    gx[i] = exaggeration * attractX
                                    gy[i] = exaggeration * attractY
                                }
                            }
                        }
                    }
                }
            } }
        }
    }

    /// Σ_j p_ij·q_ij·(y_i − y_j) for one point over its sparse row of P. `positions` holds x and y of each
    /// point side by side, so a neighbour costs one cache line, not two.
    @inline(__always)
    static func attraction(of i: Int, positions: UnsafePointer<Double>, rowStart: UnsafeBufferPointer<Int>,
                           columns: UnsafeBufferPointer<Int32>, values: UnsafeBufferPointer<Float>) -> (Double, Double) {
        let xi = positions[2 * i], yi = positions[2 * i + 1]
        // Even and odd entries go to separate sums, so two additions are in flight at once instead of each
        // waiting for the last (the loop is bound by that latency, not by the arithmetic); fixed order.
        var evenX = 0.0, evenY = 0.0, oddX = 0.0, oddY = 0.0
        var e = rowStart[i]
        let end = rowStart[i + 1]
        while e + 1 < end {
            let j0 = 2 * Int(columns[e]), j1 = 2 * Int(columns[e + 1])
            let dx0 = xi - positions[j0], dy0 = yi - positions[j0 + 1], dx1 = xi - positions[j1], dy1 = yi - positions[j1 + 1]
            let pq0 = Double(values[e]) / (1 + dx0 * dx0 + dy0 * dy0)
            let pq1 = Double(values[e + 1]) / (1 + dx1 * dx1 + dy1 * dy1)
            evenX += pq0 * dx0; evenY += pq0 * dy0
            oddX += pq1 * dx1; oddY += pq1 * dy1
            e += 2
        }
        if e < end {
            let j = 2 * Int(columns[e])
            let dx = xi - positions[j], dy = yi - positions[j + 1]
            let pq = Double(values[e]) / (1 + dx * dx + dy * dy)
            evenX += pq * dx; evenY += pq * dy
        }
        return (evenX + oddX, evenY + oddY)
    }
}
