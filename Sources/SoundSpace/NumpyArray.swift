// Reads and writes NumPy .npy arrays of float32 (1-D and 2-D, C order), the exchange format for embeddings and maps.
import Foundation

/// A float32 array of one or two dimensions as stored in a `.npy` file.
///
/// Format: NumPy's "npy-format" NEP 1 (`numpy/lib/format.py`): the magic `\x93NUMPY`, a version byte pair,
/// a little-endian header length (2 bytes in v1.0, 4 in v2.0/v3.0), a Python-literal dict with `descr`,
/// `fortran_order` and `shape`, padding to a multiple of 64 bytes, then the raw values.
/// Reading accepts `<f4`, `<f8`, `<i4`, `<i8` (converted to Float) in C or Fortran order; writing always
/// produces v1.0, `<f4`, C order. Reading and writing are O(element count).
public struct NumpyArray: Sendable, Equatable {
    /// One entry per dimension: `[N]` or `[N, D]`.
    public var shape: [Int]
    /// Values in C (row-major) order.
    public var values: [Float]

    public init(shape: [Int], values: [Float]) {
        self.shape = shape
        self.values = values
    }

    /// A 2-D array `[rows, columns]` holding the matrix.
    public init(_ matrix: Matrix) {
        self.init(shape: [matrix.rows, matrix.columns], values: matrix.values)
    }

    /// The array as a matrix: 2-D as is, 1-D as one column.
    public var matrix: Matrix {
        if shape.count == 2 { return Matrix(rows: shape[0], columns: shape[1], values: values) }
        return Matrix(rows: values.count, columns: 1, values: values)
    }

    /// Reads a `.npy` file; throws `NumpyArrayError` naming the file and the problem.
    public static func read(contentsOf url: URL) throws -> NumpyArray {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw NumpyArrayError(file: url.path, problem: "cannot read file (\(error.localizedDescription))")
        }
        do { return try decode(data) } catch let error as NumpyArrayError {
            throw NumpyArrayError(file: url.path, problem: error.problem)
        }
    }

    /// Writes a v1.0 `<f4` C-order `.npy` file.
    public func write(to url: URL) throws {
        do { try encoded().write(to: url) } catch {
            throw NumpyArrayError(file: url.path, problem: "cannot write file (\(error.localizedDescription))")
        }
    }

    /// True when the bytes start with the `.npy` magic string.
    public static func hasMagic(_ data: Data) -> Bool {
        data.count >= 6 && data.prefix(6).elementsEqual([0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59])
    }

    /// Parses `.npy` bytes.
    public static func decode(_ data: Data) throws -> NumpyArray {
        let bytes = [UInt8](data)
        func fail(_ problem: String) -> NumpyArrayError { NumpyArrayError(file: "", problem: problem) }
        guard hasMagic(data), bytes.count >= 10 else { throw fail("not a .npy file (magic \\x93NUMPY missing)") }
        let major = bytes[6]
        let headerLength: Int
        let headerStart: Int
        switch major {
        case 1:
            headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
            headerStart = 10
        case 2, 3:
            guard bytes.count >= 12 else { throw fail("truncated header") }
            headerLength = Int(bytes[8]) | Int(bytes[9]) << 8 | Int(bytes[10]) << 16 | Int(bytes[11]) << 24
            headerStart = 12
        default:
            throw fail("unsupported .npy version \(major).\(bytes[7])")
        }
        guard headerLength <= 1 << 20, headerStart + headerLength <= bytes.count else { throw fail("truncated header") }
        guard let header = String(bytes: bytes[headerStart..<(headerStart + headerLength)], encoding: .utf8) else {
            throw fail("header is not text")
        }
        let descr = try headerValue(header, key: "descr", fail)
        let fortran = try headerValue(header, key: "fortran_order", fail)
        let shapeText = try headerValue(header, key: "shape", fail)
        let elementSize: Int
        switch descr {
        case "'<f4'", "'<f8'", "'<i4'", "'<i8'": elementSize = descr.contains("4") ? 4 : 8
        default: throw fail("unsupported dtype \(descr) (need little-endian float32, float64, int32 or int64)")
        }
        let shape = try shapeText.trimmingCharacters(in: CharacterSet(charactersIn: "() "))
            .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            .map { text -> Int in
                guard let n = Int(text), n >= 0 else { throw fail("bad shape \(shapeText)") }
                return n
            }
        guard shape.count == 1 || shape.count == 2 else { throw fail("shape \(shapeText): need 1 or 2 dimensions") }
        var count = 1
        for n in shape {
            let (product, overflow) = count.multipliedReportingOverflow(by: n)
            guard !overflow else { throw fail("shape \(shapeText) too large") }
            count = product
        }
        let dataStart = headerStart + headerLength
        let (byteCount, overflow) = count.multipliedReportingOverflow(by: elementSize)
        guard !overflow, bytes.count - dataStart >= byteCount else {
            throw fail("truncated data: shape \(shapeText) needs \(count) values, file has \((bytes.count - dataStart) / elementSize)")
        }
        var values = [Float](repeating: 0, count: count)
        bytes.withUnsafeBytes { raw in
            let base = raw.baseAddress!.advanced(by: dataStart)
            for i in 0..<count {
                let p = base.advanced(by: i * elementSize)
                switch descr {
                case "'<f4'": values[i] = Float(bitPattern: UInt32(littleEndian: p.loadUnaligned(as: UInt32.self)))
                case "'<f8'": values[i] = Float(Double(bitPattern: UInt64(littleEndian: p.loadUnaligned(as: UInt64.self))))
                case "'<i4'": values[i] = Float(Int32(littleEndian: p.loadUnaligned(as: Int32.self)))
                default: values[i] = Float(Int64(littleEndian: p.loadUnaligned(as: Int64.self)))
                }
            }
        }
        if fortran.hasPrefix("True"), shape.count == 2 {
            // Fortran order stores column after column: transpose into row-major.
            let (rows, columns) = (shape[0], shape[1])
            var rowMajor = values
            for r in 0..<rows { for c in 0..<columns { rowMajor[r * columns + c] = values[c * rows + r] } }
            values = rowMajor
        }
        return NumpyArray(shape: shape, values: values)
    }

    /// The `.npy` bytes (v1.0, `<f4`, C order).
    public func encoded() -> Data {
        let shapeText = shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
        var header = "{'descr': '<f4', 'fortran_order': False, 'shape': \(shapeText), }"
        // Magic (6) + version (2) + length (2) + header + "\n" must be a multiple of 64 (NEP 1).
        let unpadded = 10 + header.utf8.count + 1
        header += String(repeating: " ", count: (64 - unpadded % 64) % 64) + "\n"
        var out = Data([0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, 1, 0])
        let length = UInt16(header.utf8.count)
        out.append(contentsOf: [UInt8(length & 0xFF), UInt8(length >> 8)])
        out.append(contentsOf: Array(header.utf8))
        values.withUnsafeBufferPointer { buffer in
            var littleEndian = buffer.map { $0.bitPattern.littleEndian }
            littleEndian.withUnsafeMutableBytes { out.append(contentsOf: $0) }
        }
        return out
    }

    /// The text after `'key':` up to the next top-level comma (a tuple counts as one value).
    private static func headerValue(_ header: String, key: String, _ fail: (String) -> NumpyArrayError) throws -> String {
        guard let keyRange = header.range(of: "'\(key)':") else { throw fail("header has no '\(key)'") }
        var value = ""
        var depth = 0
        for character in header[keyRange.upperBound...] {
            if character == "(" { depth += 1 }
            if character == ")" { depth -= 1 }
            if (character == "," && depth == 0) || character == "}" { break }
            value.append(character)
        }
        return value.trimmingCharacters(in: .whitespaces)
    }
}

/// A `.npy` file that cannot be read or written: which file, and what is wrong, in one line.
public struct NumpyArrayError: Error, CustomStringConvertible, Sendable {
    public var file: String
    public var problem: String
    public var description: String { file.isEmpty ? problem : "\(file): \(problem)" }
}
