// Bridges the .npy arrays of NumpyFormat and SoundSpace's Matrix.
import NumpyFormat

extension NumpyArray {
    /// A 2-D array `[rows, columns]` holding the matrix.
    public init(_ matrix: Matrix) {
        self.init(shape: [matrix.rows, matrix.columns], values: matrix.values)
    }

    /// The array as a matrix: 2-D as is, 1-D as one column.
    /// - Throws: `SoundSpaceError` when the shape does not describe the values (an array built by hand).
    public var matrix: Matrix {
        get throws {
            if shape.count == 2 { return try Matrix(rows: shape[0], columns: shape[1], values: values) }
            guard shape.count == 1 else { throw SoundSpaceError("a \(shape.count)-D array is not a matrix") }
            return try Matrix(rows: values.count, columns: 1, values: values)
        }
    }
}
