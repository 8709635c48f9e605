// A complex FFT of square grids whose side is a power of two or three times one, for the grid convolutions
// of FFT-interpolated t-SNE.
import Foundation

/// Transforms an L×L split-complex grid (real and imaginary parts in two row-major arrays) along both axes,
/// in place and in natural [row][column] order; a convolution is forward, an element-wise product with a
/// spectrum made the same way, inverse. L is 2^k or 3·2^k (≥ 16): allowing the factor three lets t-SNE's
/// grid grow by 1.5x steps instead of 2x, which saves up to half the area (radix-2 stages, then for 3·2^k one
/// radix-3 stage joining three interleaved 2^k transforms: decimation in time).
///
/// Why it is laid out this way: a 1,024² grid of doubles is 16 MB, far more than a core's cache, so a
/// transform that sweeps the whole grid once per stage is bound by memory. Instead each 1-D pass works on
/// strips of `stripWidth` columns or rows (a 1,024-long strip is 256 KB), gathered in input order into a
/// per-worker scratch strip, transformed there through every stage while it sits in cache, and written back;
/// every butterfly is a loop over the strip's contiguous `stripWidth` lanes, which the compiler vectorises.
/// Strips are independent and shared among the cores; each element sees the same operations in the same
/// order whatever the core count, so results are identical on every run.
/// Columns known to be zero (input) or not needed (output) are skipped: `used` = the top-left used×used block.
/// Time O(L²·log L); unscaled (the inverse does not divide by L²).

struct SquareFFT: Sendable {
    static let stripWidth = 16
    let size: Int
    /// Length of the radix-2 transforms: `size`, or `size / 3` when a radix-3 stage joins three of them.
    private let blockLength: Int
    private let cosines: [Double]
    private let sines: [Double]
    /// Scratch position p holds input element `gather[p]`: bit-reversed within each radix-2 block, and for
    /// 3·2^k the three interleaved subsequences (elements 3j, 3j+1, 3j+2) in three consecutive blocks.
    private let gather: [Int]
    /// The inverse permutation: element e goes to scratch position `scatter[e]`.
    private let scatter: [Int]

    static func isValidSize(_ size: Int) -> Bool {
        let twos = size % 3 == 0 ? size / 3 : size
        return size >= stripWidth && twos > 0 && twos & (twos - 1) == 0
    }

    init(size: Int) {
        precondition(Self.isValidSize(size), "SquareFFT: \(size) is neither 2^k nor 3·2^k (≥ \(Self.stripWidth))")
        self.size = size
        let radices = size % 3 == 0 ? 3 : 1, m = size / radices
        blockLength = m
        // Twiddles e^{±2πi·t/size} over the whole circle: the radix-3 stage needs t up to 2·(size/3 − 1).
        cosines = (0..<size).map { cos(2 * Double.pi * Double($0) / Double(size)) }
        sines = (0..<size).map { sin(2 * Double.pi * Double($0) / Double(size)) }
        let bits = m.trailingZeroBitCount
        let reversed = (0..<m).map { i in
            var r = 0
            for b in 0..<bits where i & (1 << b) != 0 { r |= 1 << (bits - 1 - b) }
            return r
        }
        gather = (0..<size).map { p in radices * reversed[p % m] + p / m }
        var scatter = [Int](repeating: 0, count: size)
        for (p, e) in gather.enumerated() { scatter[e] = p }
        self.scatter = scatter
    }

    /// Forward transform of a grid whose nonzero values lie in the top-left used×used block.
    func forward(_ re: UnsafeMutablePointer<Double>, _ im: UnsafeMutablePointer<Double>, used: Int) {
        transformStrips(re, im, count: used, alongRows: false, inverse: false)
        transformStrips(re, im, count: size, alongRows: true, inverse: false)
    }

    /// Inverse transform (unscaled); only the top-left used×used block of the result is computed (the other
    /// columns are left transformed along rows only).
    func inverse(_ re: UnsafeMutablePointer<Double>, _ im: UnsafeMutablePointer<Double>, used: Int) {
        transformStrips(re, im, count: size, alongRows: true, inverse: true)
        transformStrips(re, im, count: used, alongRows: false, inverse: true)
    }

    /// The same as `forward(used:)`, a product with `spectrum` (a real spectrum made by `forward(used: size)`)
    /// times `scale`, and `inverse(used:)`, with the same arithmetic; the pass along rows does all three per
    /// strip while it is in cache instead of writing the grid out and reading it back twice.
    func convolve(_ re: UnsafeMutablePointer<Double>, _ im: UnsafeMutablePointer<Double>, spectrum: UnsafePointer<Double>, scale: Double, used: Int) {
        let n = size, width = Self.stripWidth
        transformStrips(re, im, count: used, alongRows: false, inverse: false)
        let shared = UncheckedSendable((re, im, spectrum))
        Parallel.forEachChunk(count: n / width, chunkCount: Parallel.coreCount) { _, range in
            let (re, im, spectrum) = shared.value
            let scratch = Scratch(size: n), reordered = Scratch(size: n)
            defer { scratch.deallocate(); reordered.deallocate() }
            for strip in range {
                let first = strip * width
                load(re, im, into: scratch, first: first, lanes: width, alongRows: true)
                transformStrip(scratch.re, scratch.im, lanes: width, inverse: false)
                // Scratch row p holds frequency p of rows first..<first+width, in natural order.
                for p in 0..<n {
                    for k in 0..<width {
                        let factor = spectrum[(first + k) * n + p] * scale
                        scratch.re[p * width + k] *= factor
                        scratch.im[p * width + k] *= factor
                    }
                }
                for p in 0..<n {
                    let source = gather[p] * width, target = p * width
                    for k in 0..<width {
                        reordered.re[target + k] = scratch.re[source + k]
                        reordered.im[target + k] = scratch.im[source + k]
                    }
                }
                transformStrip(reordered.re, reordered.im, lanes: width, inverse: true)
                store(reordered, into: re, im, first: first, lanes: width, alongRows: true)
            }
        }
        transformStrips(re, im, count: used, alongRows: false, inverse: true)
    }

    /// A strip's worth of split-complex rows, one per worker.
    private struct Scratch {
        let re: UnsafeMutablePointer<Double>
        let im: UnsafeMutablePointer<Double>
        init(size: Int) {
            re = .allocate(capacity: size * SquareFFT.stripWidth)
            im = .allocate(capacity: size * SquareFFT.stripWidth)
        }
        func deallocate() { re.deallocate(); im.deallocate() }
    }

    /// 1-D transforms of columns (or rows) 0..<count, `stripWidth` at a time through a scratch strip whose
    /// row p is element `gather[p]` of each of the strip's lines.
    private func transformStrips(_ re: UnsafeMutablePointer<Double>, _ im: UnsafeMutablePointer<Double>, count: Int, alongRows: Bool, inverse: Bool) {
        let width = Self.stripWidth
        let strips = (count + width - 1) / width
        let grid = UncheckedSendable((re, im))
        Parallel.forEachChunk(count: strips, chunkCount: Parallel.coreCount) { _, range in
            let (re, im) = grid.value
            let scratch = Scratch(size: size)
            defer { scratch.deallocate() }
            for strip in range {
                let first = strip * width, lanes = Swift.min(width, count - first)
                load(re, im, into: scratch, first: first, lanes: lanes, alongRows: alongRows)
                transformStrip(scratch.re, scratch.im, lanes: lanes, inverse: inverse)
                store(scratch, into: re, im, first: first, lanes: lanes, alongRows: alongRows)
            }
        }
    }

    /// Lines first..<first+lanes (rows, or columns) into the scratch in gathered order. Elements are read in
    /// storage order (along rows, the strip's lines advance together through the same few cache lines) and
    /// written to their gathered scratch rows.
    private func load(_ re: UnsafeMutablePointer<Double>, _ im: UnsafeMutablePointer<Double>, into scratch: Scratch, first: Int, lanes: Int, alongRows: Bool) {
        let n = size, width = Self.stripWidth
        // Element e of lane k: grid[first + k][e] along rows, grid[e][first + k] down columns.
        let (laneStep, elementStep) = alongRows ? (n, 1) : (1, n)
        for e in 0..<n {
            let source = e * elementStep + first * laneStep, p = scatter[e] * width
            for k in 0..<lanes {
                scratch.re[p + k] = re[source + k * laneStep]
                scratch.im[p + k] = im[source + k * laneStep]
            }
        }
    }

    /// The scratch's transformed lines (natural order) back into the grid.
    private func store(_ scratch: Scratch, into re: UnsafeMutablePointer<Double>, _ im: UnsafeMutablePointer<Double>, first: Int, lanes: Int, alongRows: Bool) {
        let n = size, width = Self.stripWidth
        let (laneStep, elementStep) = alongRows ? (n, 1) : (1, n)
        for p in 0..<n {
            let target = p * elementStep + first * laneStep
            for k in 0..<lanes {
                re[target + k * laneStep] = scratch.re[p * width + k]
                im[target + k * laneStep] = scratch.im[p * width + k]
            }
        }
    }

    /// Every stage of the transforms of `lanes` interleaved lines already in gathered order (`stripWidth` apart).
    private func transformStrip(_ re: UnsafeMutablePointer<Double>, _ im: UnsafeMutablePointer<Double>, lanes: Int, inverse: Bool) {
        let n = size, m = blockLength, width = Self.stripWidth
        var blockStart = 0
        while blockStart < n {
            var half = 1
            while half < m {
                let stride = n / (2 * half)
                var start = blockStart
                while start < blockStart + m {
                    for j in 0..<half {
                        let wr = cosines[j * stride], wi = inverse ? sines[j * stride] : -sines[j * stride]
                        let a = (start + j) * width, b = a + half * width
                        for c in 0..<lanes {
                            let xr = re[b + c] * wr - im[b + c] * wi
                            let xi = re[b + c] * wi + im[b + c] * wr
                            re[b + c] = re[a + c] - xr
                            im[b + c] = im[a + c] - xi
                            re[a + c] += xr
                            im[a + c] += xi
                        }
                    }
                    start += 2 * half
                }
                half *= 2
            }
            blockStart += m
        }
        guard m < n else { return }
        // Radix 3: X[k + r·m] = A[k] + ω^r·B'[k] + ω^{2r}·C'[k], with B', C' the twiddled second and third
        // transforms and ω = e^{∓2πi/3}; ω and ω² share the real part −1/2 and split ±(√3/2)·i.
        let sign = inverse ? 1.0 : -1.0
        let root = sign * 3.0.squareRoot() / 2
        for k in 0..<m {
            let w1r = cosines[k], w1i = sign * sines[k], w2r = cosines[2 * k], w2i = sign * sines[2 * k]
            let a = k * width, b = a + m * width, c = b + m * width
            for l in 0..<lanes {
                let br = re[b + l] * w1r - im[b + l] * w1i, bi = re[b + l] * w1i + im[b + l] * w1r
                let cr = re[c + l] * w2r - im[c + l] * w2i, ci = re[c + l] * w2i + im[c + l] * w2r
                let sr = br + cr, si = bi + ci
                let dr = br - cr, di = bi - ci
                let mr = re[a + l] - sr / 2, mi = im[a + l] - si / 2
                re[a + l] += sr; im[a + l] += si
                // ω·B' + ω²·C' = −S/2 + i·root·D (root carries the direction's sign).
                re[b + l] = mr - root * di; im[b + l] = mi + root * dr
                re[c + l] = mr + root * di; im[c + l] = mi - root * dr
            }
        }
    }
}
