// Bridges the .npy arrays of NumpyFormat and SoundSpace's Matrix.
import NumpyFormat

extension NumpyArray {
    /// A 2-D array `[rows, columns]` holding the matrix.
    public init(_ matrix: Matrix) {
        self.init(shape: [matrix.rows, matrix.columns], values: matrix.values)
    }

    /// The array as a matrix: 2-D as is, 1-D as one column.
    public var matrix: Matrix {
        if shape.count == 2 { return Matrix(rows: shape[0], columns: shape[1], values: values) }
        return Matrix(rows: values.count, columns: 1, values: values)
    }
}
