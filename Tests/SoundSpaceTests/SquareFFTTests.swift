// The strip-blocked grid FFT agrees with the textbook 2-D DFT at power-of-two and 3·2^k sizes, both ways.
import Foundation
import Testing
@testable import SoundSpace

@Suite struct SquareFFTTests {
    /// X[u][v] = Σ_r Σ_c x[r][c]·e^{∓2πi(ur + vc)/L}, summed directly (O(L⁴)).
    func directDFT(_ re: [Double], _ im: [Double], size n: Int, inverse: Bool) -> (re: [Double], im: [Double]) {
        var outRe = [Double](repeating: 0, count: n * n), outIm = outRe
        let sign = inverse ? 1.0 : -1.0
        let cosines = (0..<n).map { cos(2 * Double.pi * Double($0) / Double(n)) }
        let sines = (0..<n).map { sign * sin(2 * Double.pi * Double($0) / Double(n)) }
        for u in 0..<n {
            for v in 0..<n {
                var sumRe = 0.0, sumIm = 0.0
                for r in 0..<n {
                    for c in 0..<n where re[r * n + c] != 0 || im[r * n + c] != 0 {
                        let t = (u * r + v * c) % n
                        sumRe += re[r * n + c] * cosines[t] - im[r * n + c] * sines[t]
                        sumIm += re[r * n + c] * sines[t] + im[r * n + c] * cosines[t]
                    }
                }
                outRe[u * n + v] = sumRe
                outIm[u * n + v] = sumIm
            }
        }
        return (outRe, outIm)
    }

    @Test(arguments: [16, 48, 64, 96])
    func matchesTheDirectTransform(size n: Int) {
        var generator = SeededGenerator(seed: UInt64(n))
        // Nonzero only in the top-left `used` block, as the t-SNE charges are.
        let used = n / 2
        var re = [Double](repeating: 0, count: n * n), im = re
        for r in 0..<used { for c in 0..<used { re[r * n + c] = generator.nextGaussian(); im[r * n + c] = generator.nextGaussian() } }
        let fft = SquareFFT(size: n)
        for inverse in [false, true] {
            let expected = directDFT(re, im, size: n, inverse: inverse)
            var gotRe = re, gotIm = im
            gotRe.withUnsafeMutableBufferPointer { r in gotIm.withUnsafeMutableBufferPointer { i in
                if inverse {
                    fft.inverse(r.baseAddress!, i.baseAddress!, used: n)
                } else {
                    fft.forward(r.baseAddress!, i.baseAddress!, used: used)
                }
            } }
            // Entries are sums of up to used² unit Gaussians (size ~used); double rounding leaves ~1e-13.
            let worst = (0..<(n * n)).map { Swift.max(abs(gotRe[$0] - expected.re[$0]), abs(gotIm[$0] - expected.im[$0])) }.max()!
            #expect(worst < 1e-9, "size \(n) inverse \(inverse): worst error \(worst)")
        }
    }

    @Test func roundTripRestoresTheUsedBlock() {
        let n = 192, used = 90
        var generator = SeededGenerator(seed: 5)
        var re = [Double](repeating: 0, count: n * n), im = re
        for r in 0..<used { for c in 0..<used { re[r * n + c] = generator.nextGaussian(); im[r * n + c] = generator.nextGaussian() } }
        let original = (re, im)
        let fft = SquareFFT(size: n)
        re.withUnsafeMutableBufferPointer { r in im.withUnsafeMutableBufferPointer { i in
            fft.forward(r.baseAddress!, i.baseAddress!, used: used)
            fft.inverse(r.baseAddress!, i.baseAddress!, used: used)
        } }
        var worst = 0.0
        for r in 0..<used {
            for c in 0..<used {
                let e = r * n + c
                worst = Swift.max(worst, abs(re[e] / Double(n * n) - original.0[e]), abs(im[e] / Double(n * n) - original.1[e]))
            }
        }
        #expect(worst < 1e-12, "worst round-trip error \(worst)")
    }

    /// The fused convolution is forward, product and inverse done strip by strip: the same bits.
    @Test(arguments: [64, 96])
    func convolveIsForwardProductInverse(size n: Int) {
        var generator = SeededGenerator(seed: 9)
        let used = n / 2 - 1
        var re = [Double](repeating: 0, count: n * n), im = re
        for r in 0..<used { for c in 0..<used { re[r * n + c] = generator.nextGaussian(); im[r * n + c] = generator.nextGaussian() } }
        let spectrum = (0..<(n * n)).map { _ in generator.nextGaussian() }
        let fft = SquareFFT(size: n), scale = 1 / Double(n * n)
        var fusedRe = re, fusedIm = im
        fusedRe.withUnsafeMutableBufferPointer { r in fusedIm.withUnsafeMutableBufferPointer { i in spectrum.withUnsafeBufferPointer { k in
            fft.convolve(r.baseAddress!, i.baseAddress!, spectrum: k.baseAddress!, scale: scale, used: used)
        } } }
        re.withUnsafeMutableBufferPointer { r in im.withUnsafeMutableBufferPointer { i in
            fft.forward(r.baseAddress!, i.baseAddress!, used: used)
            for e in 0..<(n * n) { let k = spectrum[e] * scale; r[e] *= k; i[e] *= k }
            fft.inverse(r.baseAddress!, i.baseAddress!, used: used)
        } }
        var differing = 0
        for row in 0..<used { for c in 0..<used where fusedRe[row * n + c] != re[row * n + c] || fusedIm[row * n + c] != im[row * n + c] { differing += 1 } }
        #expect(differing == 0, "\(differing) of \(used * used) values differ")
    }

    @Test func gridSizesStepByAtMostOneAndAHalf() {
        for span in stride(from: 1.0, through: 700, by: 0.5) {
            let (size, boxes) = InterpolatedRepulsion.grid(span: span)
            let needed = Swift.max(InterpolatedRepulsion.minBoxes, Int(span.rounded(.up)))
            #expect(SquareFFT.isValidSize(size))
            #expect(boxes >= needed && 6 * boxes - 1 <= size, "span \(span): size \(size), boxes \(boxes)")
            #expect(size == 64 || Double(size) < 1.5 * Double(6 * needed - 1), "span \(span): size \(size) for \(needed) boxes")
        }
    }
}
