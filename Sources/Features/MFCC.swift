// Mel-frequency cepstral coefficients as librosa.feature.mfcc(S=log_mel, n_mfcc=, dct_type=2,
// norm='ortho', lifter=0): the orthonormal DCT-II (scipy.fft.dct) of each log-mel frame, first n_mfcc kept.
import Foundation

/// The first `nMFCC` rows of the orthonormal DCT-II of size `nMels`, precomputed.
public struct MFCCTransform: Sendable {
    public let nMFCC: Int
    public let nMels: Int
    /// nMFCC x nMels, row-major.
    private let basis: [Float]

    public init(nMFCC: Int = 20, nMels: Int = 128) {
        self.nMFCC = nMFCC
        self.nMels = nMels
        // X_k = s_k * sum_n x_n cos(pi k (2n + 1) / (2N)), s_0 = sqrt(1/N), s_k = sqrt(2/N) (norm='ortho').
        var basis = [Float](repeating: 0, count: nMFCC * nMels)
        let n = Double(nMels)
        for k in 0..<nMFCC {
            let scale = k == 0 ? (1 / n).squareRoot() : (2 / n).squareRoot()
            for i in 0..<nMels { basis[k * nMels + i] = Float(scale * cos(Double.pi * Double(k) * (2 * Double(i) + 1) / (2 * n))) }
        }
        self.basis = basis
    }

    /// Coefficients of one log-mel frame (nMels values) into `out` (nMFCC values). No allocation.
    @inline(__always)
    public func apply(_ logMel: UnsafeBufferPointer<Float>, into out: UnsafeMutableBufferPointer<Float>) {
        basis.withUnsafeBufferPointer { b in
            for k in 0..<nMFCC {
                out[k] = dotProduct(UnsafeBufferPointer(rebasing: b[(k * nMels)..<((k + 1) * nMels)]), logMel)
            }
        }
    }

    /// MFCCs of a frame-major log-mel matrix [frames x nMels]: [frames x nMFCC], frame-major.
    public func apply(logMel: [Float], frames: Int) -> [Float] {
        var out = [Float](repeating: 0, count: frames * nMFCC)
        logMel.withUnsafeBufferPointer { s in
            out.withUnsafeMutableBufferPointer { o in
                for t in 0..<frames {
                    apply(UnsafeBufferPointer(rebasing: s[(t * nMels)..<((t + 1) * nMels)]),
                          into: UnsafeMutableBufferPointer(rebasing: o[(t * nMFCC)..<((t + 1) * nMFCC)]))
                }
            }
        }
        return out
    }
}

/// Σ a[i] b[i] over min(a.count, b.count) values with 8 lanes of partial sums: eight independent add
/// chains instead of one (the scalar loop is bound by add latency), so the order of additions differs
/// from a sequential sum by float rounding only.
@inline(__always)
func dotProduct(_ a: UnsafeBufferPointer<Float>, _ b: UnsafeBufferPointer<Float>) -> Float {
    let n = min(a.count, b.count)
    var k = 0
    var lanes = SIMD8<Float>()
    if n >= 8, let pa = a.baseAddress, let pb = b.baseAddress {
        let ra = UnsafeRawPointer(pa), rb = UnsafeRawPointer(pb)
        while k + 8 <= n {
            lanes += ra.loadUnaligned(fromByteOffset: 4 * k, as: SIMD8<Float>.self)
                * rb.loadUnaligned(fromByteOffset: 4 * k, as: SIMD8<Float>.self)
            k += 8
        }
    }
    var sum = lanes.sum()
    while k < n { sum += a[k] * b[k]; k += 1 }
    return sum
}
