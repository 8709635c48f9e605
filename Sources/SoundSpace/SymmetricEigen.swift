// Eigenvalues and eigenvectors of a small symmetric matrix by the cyclic Jacobi method (the PCA solver).

/// Eigen-decomposition of a symmetric D×D matrix (row-major Double), eigenvalues in descending order.
///
/// Cyclic Jacobi rotations (Golub & Van Loan, "Matrix Computations", 4th ed., §8.5): each sweep zeroes
/// every off-diagonal element once; convergence is quadratic, so ~6-10 sweeps reach Double precision.
/// Time O(D³) per sweep, memory O(D²). Meant for embedding dimensions (D up to a few hundred).
/// Each eigenvector's sign is fixed so that its largest-magnitude entry is positive (deterministic output).
struct SymmetricEigen {
    let values: [Double]
    /// `vectors[k]` is the unit eigenvector of `values[k]`.
    let vectors: [[Double]]

    init(symmetric input: [Double], dimension n: Int, maxSweeps: Int = 60) {
        var a = input
        var v = [Double](repeating: 0, count: n * n)
        for i in 0..<n { v[i * n + i] = 1 }
        for _ in 0..<maxSweeps {
            var offDiagonal = 0.0, diagonal = 0.0
            for i in 0..<n {
                diagonal += a[i * n + i] * a[i * n + i]
                for j in (i + 1)..<Swift.max(i + 1, n) { offDiagonal += a[i * n + j] * a[i * n + j] }
            }
            if offDiagonal <= 1e-30 * Swift.max(diagonal, 1e-300) { break }
            for p in 0..<n {
                for q in (p + 1)..<Swift.max(p + 1, n) {
                    let apq = a[p * n + q]
                    if abs(apq) < 1e-300 { continue }
                    // The rotation angle that zeroes a[p][q] (Golub & Van Loan Algorithm 8.5.1, sym.schur2).
                    let theta = (a[q * n + q] - a[p * n + p]) / (2 * apq)
                    let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
                    let c = 1 / (t * t + 1).squareRoot(), s = t * c
                    for k in 0..<n {
                        let akp = a[k * n + p], akq = a[k * n + q]
                        a[k * n + p] = c * akp - s * akq
                        a[k * n + q] = s * akp + c * akq
                    }
                    for k in 0..<n {
                        let apk = a[p * n + k], aqk = a[q * n + k]
                        a[p * n + k] = c * apk - s * aqk
                        a[q * n + k] = s * apk + c * aqk
                    }
                    for k in 0..<n {
                        let vkp = v[k * n + p], vkq = v[k * n + q]
                        v[k * n + p] = c * vkp - s * vkq
                        v[k * n + q] = s * vkp + c * vkq
                    }
                }
            }
        }
        let order = (0..<n).sorted { a[$0 * n + $0] > a[$1 * n + $1] }
        values = order.map { a[$0 * n + $0] }
        vectors = order.map { column in
            var vector = (0..<n).map { v[$0 * n + column] }
            if let largest = vector.indices.max(by: { abs(vector[$0]) < abs(vector[$1]) }), vector[largest] < 0 {
                vector = vector.map { -$0 }
            }
            return vector
        }
    }
}
