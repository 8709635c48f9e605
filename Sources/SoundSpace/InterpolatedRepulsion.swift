// t-SNE's repulsive forces by polynomial interpolation on a grid and FFT convolution (FIt-SNE), O(N) per iteration.

/// The repulsion of FIt-SNE (Linderman, Rachh, Hoskins, Steinerberger & Kluger 2019, "Fast interpolation-based
/// t-SNE for improved visualization of single-cell RNA-seq data", §2) as openTSNE's "fft" method does it.
///
/// With K(a, b) = 1 / (1 + |a − b|²), every sum the gradient needs is a sum of K² against four charges
/// (1, x_j, y_j, |y_j|²): φ_c(i) = Σ_j K²(y_i, y_j)·c_j. Then Σ_j K(y_i, y_j) = (1 + |y_i|²)φ_1 − 2(x_i φ_2 + y_i φ_3) + φ_4
/// (because K = K²·(1 + |y_i − y_j|²)) and Σ_j K²·(y_i − y_j) = y_i·φ_1 − (φ_2, φ_3). Each φ_c is found by
/// spreading the charges onto an equispaced grid with 3-point Lagrange interpolation per box and axis
/// (boxes at most `maxBoxWidth` wide, at least `minBoxes` per axis), convolving the grid with K² by FFT
/// (the kernel on an equispaced grid is Toeplitz), and interpolating the grid potentials back to the points.
/// Accuracy: interpolation error of the order (box width)³ of K²'s third derivative; the FFT is exact in Double.
/// Time per call O(N + L² log L) with L the FFT size (2^k or 3·2^k, ≥ 6·boxes − 1); memory O(N + L²).
/// Deterministic: charges are spread in point order, every other step is element-wise or fixed-order.
struct InterpolatedRepulsion {
    static let nodesPerBox = 3
    static let maxBoxWidth = 1.0
    static let minBoxes = 10

    private var fft: SquareFFT?
    private var kernelRe: [Double] = [], kernelIm: [Double] = []
    private var gridARe: [Double] = [], gridAIm: [Double] = [], gridBRe: [Double] = [], gridBIm: [Double] = []

    /// The FFT size and the boxes per axis for a map `span` wide: boxes no wider than `maxBoxWidth`, then as
    /// many as the FFT holds (2·3·boxes − 1 ≤ L, the length of a linear convolution). L steps through 64, 96,
    /// 128, 192, …: never more than 1.5 times the length needed.
    static func grid(span: Double) -> (fftSize: Int, boxes: Int) {
        let needed = Swift.max(minBoxes, Int((span / maxBoxWidth).rounded(.up)))
        var power = 64
        while 3 * power / 2 < 2 * nodesPerBox * needed - 1 { power *= 2 }
        let size = power >= 2 * nodesPerBox * needed - 1 ? power : 3 * power / 2
        return (size, (size + 1) / (2 * nodesPerBox))
    }

    /// Writes Σ_j K²·(y_i − y_j) for every point into `forceX`/`forceY` and returns Z = Σ_{i≠j} K(y_i, y_j).
    mutating func compute(x: UnsafePointer<Double>, y: UnsafePointer<Double>, count n: Int,
                          forceX: UnsafeMutablePointer<Double>, forceY: UnsafeMutablePointer<Double>) -> Double {
        guard n > 0 else { return 0 }
        var low = x[0], high = x[0]
        for i in 0..<n { low = Swift.min(low, x[i], y[i]); high = Swift.max(high, x[i], y[i]) }
        let span = Swift.max(high - low, 1e-9)
        let (size, boxes) = Self.grid(span: span)
        let nodes = boxes * Self.nodesPerBox
        let spacing = span / Double(nodes)
        prepare(size: size)
        // Coordinates relative to the grid's centre keep the charges |y|² small (less cancellation in Z).
        let centre = (low + high) / 2

        // Per point: first grid node and three Lagrange weights along each axis (nodes at 0.5, 1.5, 2.5 spacings into the box).
        var firstX = [Int32](repeating: 0, count: n), firstY = firstX
        var weightX = [Double](repeating: 0, count: 3 * n), weightY = weightX
        func locate(_ value: Double, _ first: inout Int32, _ weights: UnsafeMutablePointer<Double>) {
            let position = (value - low) / spacing
            let box = Swift.min(boxes - 1, Swift.max(0, Int(position / 3)))
            let t = position - Double(3 * box)
            first = Int32(3 * box)
            weights[0] = (t - 1.5) * (t - 2.5) / 2
            weights[1] = -(t - 0.5) * (t - 2.5)
            weights[2] = (t - 0.5) * (t - 1.5) / 2
        }
        weightX.withUnsafeMutableBufferPointer { wx in
            weightY.withUnsafeMutableBufferPointer { wy in
                for i in 0..<n {
                    locate(x[i], &firstX[i], wx.baseAddress! + 3 * i)
                    locate(y[i], &firstY[i], wy.baseAddress! + 3 * i)
                }
            }
        }

        // Charges onto the grid (row = y node, column = x node): A = 1 + i·x, B = y + i·|y|².
        for e in 0..<(size * size) { gridARe[e] = 0; gridAIm[e] = 0; gridBRe[e] = 0; gridBIm[e] = 0 }
        for i in 0..<n {
            let xi = x[i] - centre, yi = y[i] - centre
            let squared = xi * xi + yi * yi
            for ky in 0..<3 {
                let row = (Int(firstY[i]) + ky) * size + Int(firstX[i])
                for kx in 0..<3 {
                    let w = weightY[3 * i + ky] * weightX[3 * i + kx]
                    gridARe[row + kx] += w
                    gridAIm[row + kx] += w * xi
                    gridBRe[row + kx] += w * yi
                    gridBIm[row + kx] += w * squared
                }
            }
        }
        convolve(size: size, nodes: nodes, spacing: spacing)

        // Potentials back to the points.
        var sumQ = 0.0
        for i in 0..<n {
            let xi = x[i] - centre, yi = y[i] - centre
            var phi1 = 0.0, phi2 = 0.0, phi3 = 0.0, phi4 = 0.0
            for ky in 0..<3 {
                let row = (Int(firstY[i]) + ky) * size + Int(firstX[i])
                for kx in 0..<3 {
                    let w = weightY[3 * i + ky] * weightX[3 * i + kx]
                    phi1 += w * gridARe[row + kx]
                    phi2 += w * gridAIm[row + kx]
                    phi3 += w * gridBRe[row + kx]
                    phi4 += w * gridBIm[row + kx]
                }
            }
            sumQ += (1 + xi * xi + yi * yi) * phi1 - 2 * (xi * phi2 + yi * phi3) + phi4
            forceX[i] = xi * phi1 - phi2
            forceY[i] = yi * phi1 - phi3
        }
        // The sums include j = i, where K = 1.
        return sumQ - Double(n)
    }

    private mutating func prepare(size: Int) {
        guard fft?.size != size else { return }
        fft = SquareFFT(size: size)
        let zero = [Double](repeating: 0, count: size * size)
        kernelRe = zero; kernelIm = zero; gridARe = zero; gridAIm = zero; gridBRe = zero; gridBIm = zero
    }

    /// Both charge grids convolved with K² sampled on the node lattice (circulant embedding), in place, scaled.
    private mutating func convolve(size: Int, nodes: Int, spacing: Double) {
        guard let fft else { return }
        for e in 0..<(size * size) { kernelRe[e] = 0; kernelIm[e] = 0 }
        for dy in 0..<nodes {
            for dx in 0..<nodes {
                let r2 = spacing * spacing * Double(dx * dx + dy * dy)
                let value = 1 / ((1 + r2) * (1 + r2))
                let row = dy * size, mirroredRow = (size - dy) % size * size, mirroredColumn = (size - dx) % size
                kernelRe[row + dx] = value
                kernelRe[row + mirroredColumn] = value
                kernelRe[mirroredRow + dx] = value
                kernelRe[mirroredRow + mirroredColumn] = value
            }
        }
        kernelRe.withUnsafeMutableBufferPointer { re in
            kernelIm.withUnsafeMutableBufferPointer { im in fft.forward(re.baseAddress!, im.baseAddress!, used: size) }
        }
        let scale = 1 / Double(size * size)
        kernelRe.withUnsafeBufferPointer { spectrum in
            gridARe.withUnsafeMutableBufferPointer { aRe in gridAIm.withUnsafeMutableBufferPointer { aIm in
                gridBRe.withUnsafeMutableBufferPointer { bRe in gridBIm.withUnsafeMutableBufferPointer { bIm in
                    // Each transform shares its strips among the cores, so the grids go one after the other.
                    // The kernel is real and even, so its spectrum is real: a real scale per frequency.
                    fft.convolve(aRe.baseAddress!, aIm.baseAddress!, spectrum: spectrum.baseAddress!, scale: scale, used: nodes)
                    fft.convolve(bRe.baseAddress!, bIm.baseAddress!, spectrum: spectrum.baseAddress!, scale: scale, used: nodes)
                } }
            } }
        }
    }
}
