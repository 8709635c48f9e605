// A dense row-major Float32 matrix: N points of D dimensions, the input of every SoundSpace algorithm.

/// `rows` points of `columns` dimensions, stored row after row.
public struct Matrix: Sendable, Equatable {
    public var rows: Int
    public var columns: Int
    public var values: [Float]

    /// - Throws: `SoundSpaceError` unless rows and columns are >= 0 and `values` holds rows × columns values.
    public init(rows: Int, columns: Int, values: [Float]) throws {
        let product = rows.multipliedReportingOverflow(by: columns)
        guard rows >= 0, columns >= 0, !product.overflow, product.partialValue == values.count else {
            throw SoundSpaceError("a \(rows) x \(columns) matrix cannot hold \(values.count) values")
        }
        self.init(checkedRows: rows, columns: columns, values: values)
    }

    /// For shapes that hold by construction inside SoundSpace (an algorithm's own output).
    init(checkedRows rows: Int, columns: Int, values: [Float]) {
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    /// A rows × columns matrix of `value` (no matrix for negative sizes: an empty one instead).
    public init(rows: Int, columns: Int, repeating value: Float = 0) {
        let rows = Swift.max(rows, 0), columns = Swift.max(columns, 0)
        self.init(checkedRows: rows, columns: columns, values: [Float](repeating: value, count: rows * columns))
    }

    /// Builds a matrix from equal-length rows.
    /// - Throws: `SoundSpaceError` when the rows differ in length.
    public init(_ rowArrays: [[Float]]) throws {
        let columns = rowArrays.first?.count ?? 0
        if let uneven = rowArrays.firstIndex(where: { $0.count != columns }) {
            throw SoundSpaceError("row \(uneven) holds \(rowArrays[uneven].count) values, row 0 holds \(columns)")
        }
        self.init(checkedRows: rowArrays.count, columns: columns, values: rowArrays.flatMap { $0 })
    }

    public subscript(row: Int, column: Int) -> Float {
        get { values[row * columns + column] }
        set { values[row * columns + column] = newValue }
    }

    /// One point as an array.
    public func row(_ index: Int) -> [Float] {
        Array(values[(index * columns)..<((index + 1) * columns)])
    }

    /// The rows at these indices, in order.
    public func selecting(rows indices: [Int]) -> Matrix {
        var out = [Float]()
        out.reserveCapacity(indices.count * columns)
        for i in indices { out.append(contentsOf: values[(i * columns)..<((i + 1) * columns)]) }
        return Matrix(checkedRows: indices.count, columns: columns, values: out)
    }

    /// Rows of `self` followed by rows of `other` (same column count, unless one has no rows).
    /// - Throws: `SoundSpaceError` when both have rows and their column counts differ.
    public func stacked(on other: Matrix) throws -> Matrix {
        guard columns == other.columns || rows == 0 || other.rows == 0 else {
            throw SoundSpaceError("cannot stack points of \(other.columns) dimensions on points of \(columns)")
        }
        return Matrix(checkedRows: rows + other.rows, columns: rows == 0 ? other.columns : columns, values: values + other.values)
    }
}
