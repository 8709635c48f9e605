// The one file that talks to OpenBLAS: the matrix product behind every distance tile.
//
// The library is opened on first use, not linked: Debian's default OpenBLAS starts a thread per core
// when it loads, and those threads spin (sched_yield) for their first moments whether or not BLAS is
// ever called: about 0.1 CPU-second per process, a third of a short benchmark's CPU time (measured on
// `dev bench-amsynth`, BENCHMARKS.md). It reads OPENBLAS_NUM_THREADS only as it loads, so the variable
// is set first, and every call runs on its caller's thread (SoundSpace already runs a worker per core).
// Without the library (install-deps.sh installs it) a plain Swift kernel gives the same products,
// several times slower, after one line on standard error.
import Foundation

enum BLAS {
    /// cblas_sgemm(order, transA, transB, M, N, K, alpha, A, lda, B, ldb, beta, C, ldc).
    private typealias Sgemm = @convention(c) (Int32, Int32, Int32, Int32, Int32, Int32, Float, UnsafePointer<Float>?, Int32,
                                             UnsafePointer<Float>?, Int32, Float, UnsafeMutablePointer<Float>?, Int32) -> Void
    /// The CBLAS standard's enumerators.
    private static let rowMajor: Int32 = 101, noTranspose: Int32 = 111, transpose: Int32 = 112

    private static let sgemm: Sgemm? = {
        setenv("OPENBLAS_NUM_THREADS", "1", 0)
        for name in ["libopenblas.so.0", "libopenblas.so"] {
            if let library = dlopen(name, RTLD_NOW | RTLD_LOCAL), let symbol = dlsym(library, "cblas_sgemm") {
                return unsafeBitCast(symbol, to: Sgemm.self)
            }
        }
        FileHandle.standardError.write(Data("presetatlas: OpenBLAS (libopenblas.so.0) not found; distances are computed without it, several times slower (scripts/install-deps.sh installs it)\n".utf8))
        return nil
    }()

    /// True when OpenBLAS does the products (tests check both paths agree).
    static var usesOpenBLAS: Bool { sgemm != nil }

    /// out[i * outStride + j] = Σ_c a[i * dimensions + c] · b[j * dimensions + c] for i < aRows, j < bRows:
    /// the dot products of every row of `a` with every row of `b` (both row-major, `dimensions` wide).
    static func rowDotProducts(_ a: UnsafePointer<Float>, aRows: Int, _ b: UnsafePointer<Float>, bRows: Int,
                               dimensions: Int, into out: UnsafeMutablePointer<Float>, outStride: Int,
                               withoutOpenBLAS: Bool = false) {
        guard aRows > 0, bRows > 0 else { return }
        guard dimensions > 0 else {
            for i in 0..<aRows { (out + i * outStride).update(repeating: 0, count: bRows) }
            return
        }
        if !withoutOpenBLAS, let sgemm {
            sgemm(rowMajor, noTranspose, transpose, Int32(aRows), Int32(bRows), Int32(dimensions),
                  1, a, Int32(dimensions), b, Int32(dimensions), 0, out, Int32(outStride))
            return
        }
        for i in 0..<aRows {
            let x = a + i * dimensions
            for j in 0..<bRows {
                let y = b + j * dimensions
                var lanes = SIMD8<Float>()
                var c = 0
                while c + 8 <= dimensions {
                    lanes += UnsafeRawPointer(x + c).loadUnaligned(as: SIMD8<Float>.self)
                        * UnsafeRawPointer(y + c).loadUnaligned(as: SIMD8<Float>.self)
                    c += 8
                }
                var sum = lanes.sum()
                while c < dimensions { sum += x[c] * y[c]; c += 1 }
                out[i * outStride + j] = sum
            }
        }
    }
}
