// Reads and writes NumPy .npy arrays (1-D and 2-D), the exchange format for features, embeddings and
// maps; shared by Features and SoundSpace, which DESIGN.md keeps independent of each other.
import Foundation
import InputFiles

/// A float32 array of one or two dimensions as stored in a `.npy` file.
///
/// Format: NumPy's "npy-format" NEP 1 (`numpy/lib/format.py`): the magic `\x93NUMPY`, a version byte pair,
/// a little-endian header length (2 bytes in v1.0, 4 in v2.0/v3.0), a Python-literal dict with `descr`,
/// `fortran_order` and `shape`, padding, then the raw values.
/// Reading accepts `<f4`, `<f8`, `<i4`, `<i8` (converted to Float) in C or Fortran order; writing always
/// produces v1.0, `<f4`, C order, with a 128-byte header so streaming writers can rewrite it in place.
/// Reading and writing are O(element count).
public struct NumpyArray: Sendable, Equatable {
    /// One entry per dimension: `[N]` or `[N, D]`.
    public var shape: [Int]
    /// Values in C (row-major) order.
    public var values: [Float]

    /// Refuse arrays above this many values (1 G floats, 4 GB) rather than allocate blindly.
    public static let maximumValueCount = 1 << 30

    public init(shape: [Int], values: [Float]) {
        self.shape = shape
        self.values = values
    }

    /// Rows of a 2-D array, or the length of a 1-D one.
    public var rows: Int { shape.first ?? 0 }
    /// Columns of a 2-D array; 1 for a 1-D one.
    public var columns: Int { shape.count == 2 ? shape[1] : 1 }

    /// Row `r` of a 2-D array (a copy).
    public func row(_ r: Int) -> [Float] { Array(values[(r * columns)..<((r + 1) * columns)]) }

    /// The largest `.npy` or matrix text file read (2 GiB: half a billion float32 values).
    public static let maximumFileBytes = 1 << 31

    /// A whole named file through the shared `InputFile` check, so a FIFO, a folder or a missing file is
    /// the same plain line as for every other input; the error names the file.
    public static func contents(of url: URL) throws -> Data {
        do { return try InputFile.read(url, maximumBytes: maximumFileBytes) } catch let error as InputFileError {
            throw NumpyArrayError(file: url.path, problem: error.problem)
        }
    }

    /// Reads a `.npy` file; throws `NumpyArrayError` naming the file and the problem.
    public static func read(contentsOf url: URL) throws -> NumpyArray {
        let data = try contents(of: url)
        do { return try decode(data) } catch let error as NumpyArrayError {
            throw NumpyArrayError(file: url.path, problem: error.problem)
        }
    }

    /// Writes a v1.0 `<f4` C-order `.npy` file atomically.
    public func write(to url: URL) throws {
        guard shape.reduce(1, *) == values.count else {
            throw NumpyArrayError(file: url.path, problem: "shape \(shape) does not hold \(values.count) values")
        }
        do { try encoded().write(to: url, options: .atomic) } catch {
            throw NumpyArrayError(file: url.path, problem: "cannot write file (\(error.localizedDescription))")
        }
    }

    /// True when the bytes start with the `.npy` magic string.
    public static func hasMagic(_ data: Data) -> Bool {
        data.count >= 6 && data.prefix(6).elementsEqual(magic)
    }

    static let magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]

    /// What a `.npy` header says: element type, order, shape, and where the values start.
    struct Header {
        var descr: String
        var fortranOrder: Bool
        var shape: [Int]
        var count: Int
        var dataOffset: Int
        var elementSize: Int { descr.contains("4") ? 4 : 8 }
    }

    /// Parses the header at the start of `data` (the values need not follow).
    static func header(_ data: Data) throws -> Header {
        func fail(_ problem: String) -> NumpyArrayError { NumpyArrayError(file: "", problem: problem) }
        let bytes = [UInt8](data.prefix(12))
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
        guard headerLength <= 1 << 20, headerStart + headerLength <= data.count else { throw fail("truncated header") }
        let start = data.startIndex + headerStart
        guard let text = String(data: data.subdata(in: start..<(start + headerLength)), encoding: .utf8) else {
            throw fail("header is not text")
        }
        let descr = try headerValue(text, key: "descr", fail)
        let fortran = try headerValue(text, key: "fortran_order", fail)
        let shapeText = try headerValue(text, key: "shape", fail)
        switch descr {
        case "'<f4'", "'<f8'", "'<i4'", "'<i8'": break
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
            guard !overflow, product <= maximumValueCount else { throw fail("shape \(shapeText) too large") }
            count = product
        }
        return Header(descr: descr, fortranOrder: fortran.hasPrefix("True"), shape: shape, count: count,
                      dataOffset: headerStart + headerLength)
    }

    /// Parses `.npy` bytes.
    public static func decode(_ data: Data) throws -> NumpyArray {
        let head = try header(data)
        let available = data.count - head.dataOffset
        guard available >= head.count * head.elementSize else {
            throw NumpyArrayError(file: "", problem: "truncated data: shape \(head.shape) needs \(head.count) values, file has \(max(0, available) / head.elementSize)")
        }
        var values = [Float](repeating: 0, count: head.count)
        // The element type is decided once, not per value: comparing the header's strings for each of a
        // million-row file's values took seconds.
        let count = head.count, descr = head.descr
        values.withUnsafeMutableBufferPointer { out in
            data.withUnsafeBytes { raw in
                guard count > 0, let start = raw.baseAddress else { return }
                let base = start.advanced(by: head.dataOffset)
                switch descr {
                case "'<f4'": for i in 0..<count { out[i] = Float(bitPattern: UInt32(littleEndian: base.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self))) }
                case "'<f8'": for i in 0..<count { out[i] = Float(Double(bitPattern: UInt64(littleEndian: base.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self)))) }
                case "'<i4'": for i in 0..<count { out[i] = Float(Int32(littleEndian: base.loadUnaligned(fromByteOffset: 4 * i, as: Int32.self))) }
                default: for i in 0..<count { out[i] = Float(Int64(littleEndian: base.loadUnaligned(fromByteOffset: 8 * i, as: Int64.self))) }
                }
            }
        }
        if head.fortranOrder, head.shape.count == 2 {
            // Fortran order stores column after column: transpose into row-major.
            let (rows, columns) = (head.shape[0], head.shape[1])
            var rowMajor = values
            for r in 0..<rows { for c in 0..<columns { rowMajor[r * columns + c] = values[c * rows + r] } }
            values = rowMajor
        }
        return NumpyArray(shape: head.shape, values: values)
    }

    /// The `.npy` bytes (v1.0, `<f4`, C order).
    public func encoded() -> Data {
        var out = NumpyArray.headerBytes(shape: shape)
        values.withUnsafeBufferPointer { buffer in
            var littleEndian = buffer.map { $0.bitPattern.littleEndian }
            littleEndian.withUnsafeMutableBytes { out.append(contentsOf: $0) }
        }
        return out
    }

    /// Magic, version, length and the header dict padded with spaces to 128 bytes in all (a multiple of
    /// 64 as NEP 1 asks), so a streaming writer can rewrite it in place for any shape up to 2^40 rows.
    static func headerBytes(shape: [Int]) -> Data {
        let shapeText = shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
        var dictionary = "{'descr': '<f4', 'fortran_order': False, 'shape': \(shapeText), }"
        let total = 10 + dictionary.utf8.count + 1 <= 128 ? 128 : ((10 + dictionary.utf8.count + 1 + 63) / 64) * 64
        dictionary += String(repeating: " ", count: total - 10 - dictionary.utf8.count - 1) + "\n"
        var out = Data(magic + [1, 0])
        let length = UInt16(dictionary.utf8.count)
        out.append(contentsOf: [UInt8(length & 0xFF), UInt8(length >> 8)])
        out.append(contentsOf: Array(dictionary.utf8))
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

    public init(file: String, problem: String) {
        self.file = file
        self.problem = problem
    }
}
