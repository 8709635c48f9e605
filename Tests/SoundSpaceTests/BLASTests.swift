// The distance tiles' dot products: OpenBLAS (opened at run time) and the plain Swift kernel used
// without it agree, and OpenBLAS is really found where scripts/install-deps.sh installed it.
import Foundation
import Testing
@testable import SoundSpace

@Suite struct BLASTests {
    static var openBLASInstalled: Bool {
        ["/usr/lib/x86_64-linux-gnu/libopenblas.so.0", "/usr/lib/aarch64-linux-gnu/libopenblas.so.0"]
            .contains { FileManager.default.fileExists(atPath: $0) }
    }

    @Test(.enabled(if: BLASTests.openBLASInstalled, "libopenblas.so.0 is not installed (scripts/install-deps.sh)"))
    func openBLASIsOpened() {
        #expect(BLAS.usesOpenBLAS)
        #expect(ProcessInfo.processInfo.environment["OPENBLAS_NUM_THREADS"] != nil || getenv("OPENBLAS_NUM_THREADS") != nil)
    }

    /// 37 x 29 rows of 13 dimensions (not multiples of any vector width), written into a wider tile.
    @Test func bothPathsGiveTheSameProducts() {
        var generator = SeededGenerator(seed: 5)
        let d = 13, aRows = 37, bRows = 29, stride = 40
        let a = (0..<(aRows * d)).map { _ in Float.random(in: -3...3, using: &generator) }
        let b = (0..<(bRows * d)).map { _ in Float.random(in: -3...3, using: &generator) }
        var blas = [Float](repeating: .nan, count: aRows * stride), plain = blas
        BLAS.rowDotProducts(a, aRows: aRows, b, bRows: bRows, dimensions: d, into: &blas, outStride: stride)
        BLAS.rowDotProducts(a, aRows: aRows, b, bRows: bRows, dimensions: d, into: &plain, outStride: stride, withoutOpenBLAS: true)
        var worst: Float = 0
        for i in 0..<aRows {
            for j in 0..<bRows {
                var exact = 0.0
                for c in 0..<d { exact += Double(a[i * d + c]) * Double(b[j * d + c]) }
                worst = max(worst, abs(blas[i * stride + j] - Float(exact)), abs(plain[i * stride + j] - Float(exact)))
            }
            #expect(blas[i * stride + bRows].isNaN && plain[i * stride + bRows].isNaN, "columns past bRows are left alone")
        }
        #expect(worst < 1e-4, "largest difference from the Double products: \(worst)")
    }
}
