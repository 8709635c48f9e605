// The one file that talks to OpenBLAS: the matrix product behind every distance tile.
import COpenBLAS

enum BLAS {
    /// OpenBLAS would start a thread per core inside every call; SoundSpace already runs one worker per
    /// core, each with its own tiles, so every call runs on its caller's thread.
    private static let singleThreaded: Void = { openblas_set_num_threads(1) }()

    /// out[i * outStride + j] = Σ_c a[i * dimensions + c] · b[j * dimensions + c] for i < aRows, j < bRows:
    /// the dot products of every row of `a` with every row of `b` (both row-major, `dimensions` wide).
    static func rowDotProducts(_ a: UnsafePointer<Float>, aRows: Int, _ b: UnsafePointer<Float>, bRows: Int,
                               dimensions: Int, into out: UnsafeMutablePointer<Float>, outStride: Int) {
        _ = singleThreaded
        guard aRows > 0, bRows > 0 else { return }
        guard dimensions > 0 else {
            for i in 0..<aRows { (out + i * outStride).update(repeating: 0, count: bRows) }
            return
        }
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(aRows), Int32(bRows), Int32(dimensions),
                    1, a, Int32(dimensions), b, Int32(dimensions), 0, out, Int32(outStride))
    }
}
