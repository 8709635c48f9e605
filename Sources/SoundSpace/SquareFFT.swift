// A radix-2 complex FFT of square power-of-two grids, for the grid convolutions of FFT-interpolated t-SNE.
import Foundation

/// Transforms an L×L split-complex grid (real and imaginary parts in two row-major arrays) along both axes,
/// L a power of two. Each axis is done as a 1-D transform whose elements are whole rows (every butterfly is
/// a loop over contiguous columns, which the compiler vectorises), then the grid is transposed.
/// `forward` leaves the spectrum transposed ([v][u]); `inverse` takes that layout back to [row][column], so a
/// convolution is forward, an element-wise product with a spectrum made the same way, inverse.
/// Columns known to be zero (input) or not needed (output) are skipped: `used` = the top-left used×used block.
/// Time O(L²·log L); unscaled (the inverse does not divide by L²). Deterministic (fixed operation order).
struct SquareFFT: Sendable {
    let size: Int
    private let cosines: [Double]
    private let sines: [Double]
    private let reversed: [Int]

    init(size: Int) {
        precondition(size >= 2 && size & (size - 1) == 0, "SquareFFT: \(size) is not a power of two")
        self.size = size
        cosines = (0..<(size / 2)).map { cos(2 * Double.pi * Double($0) / Double(size)) }
        sines = (0..<(size / 2)).map { sin(2 * Double.pi * Double($0) / Double(size)) }
        let bits = size.trailingZeroBitCount
        reversed = (0..<size).map { i in
            var r = 0
            for b in 0..<bits where i & (1 << b) != 0 { r |= 1 << (bits - 1 - b) }
            return r
        }
    }

    /// Forward transform of a grid whose nonzero values lie in the top-left used×used block.
    func forward(_ re: UnsafeMutablePointer<Double>, _ im: UnsafeMutablePointer<Double>, used: Int) {
        transformAxis0(re, im, columns: used, inverse: false)
        transpose(re, im)
        transformAxis0(re, im, columns: size, inverse: false)
    }

    /// Inverse transform (unscaled) of a transposed spectrum; only the top-left used×used block of the
    /// result is computed correctly (the rest is left partly transformed).
    func inverse(_ re: UnsafeMutablePointer<Double>, _ im: UnsafeMutablePointer<Double>, used: Int) {
        transformAxis0(re, im, columns: size, inverse: true)
        transpose(re, im)
        transformAxis0(re, im, columns: used, inverse: true)
    }

    /// 1-D transforms down every column in 0..<columns at once: rows are the elements.
    private func transformAxis0(_ re: UnsafeMutablePointer<Double>, _ im: UnsafeMutablePointer<Double>, columns: Int, inverse: Bool) {
        let n = size
        for r in 0..<n where reversed[r] > r {
            let a = r * n, b = reversed[r] * n
            for c in 0..<columns {
                let tr = re[a + c], ti = im[a + c]
                re[a + c] = re[b + c]; im[a + c] = im[b + c]
                re[b + c] = tr; im[b + c] = ti
            }
        }
        var half = 1
        while half < n {
            let stride = n / (2 * half)
            var start = 0
            while start < n {
                for j in 0..<half {
                    let wr = cosines[j * stride], wi = inverse ? sines[j * stride] : -sines[j * stride]
                    let a = (start + j) * n, b = a + half * n
                    for c in 0..<columns {
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
    }

    /// In-place transpose of both parts, in 32×32 blocks to stay in cache.
    private func transpose(_ re: UnsafeMutablePointer<Double>, _ im: UnsafeMutablePointer<Double>) {
        let n = size, block = 32
        var rowBlock = 0
        while rowBlock < n {
            var columnBlock = rowBlock
            while columnBlock < n {
                for r in rowBlock..<Swift.min(n, rowBlock + block) {
                    for c in Swift.max(columnBlock, r + 1)..<Swift.max(Swift.max(columnBlock, r + 1), Swift.min(n, columnBlock + block)) {
                        let a = r * n + c, b = c * n + r
                        let tr = re[a], ti = im[a]
                        re[a] = re[b]; im[a] = im[b]
                        re[b] = tr; im[b] = ti
                    }
                }
                columnBlock += block
            }
            rowBlock += block
        }
    }
}
