// Reads and writes NumPy .npy files of float32 in C order, 1-D and 2-D (format version 1.0/2.0,
// https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html). Just enough for fixtures,
// feature dumps and embeddings; anything else is refused with a message naming the file.
import Foundation

/// A float32 array of shape [count] or [rows, columns], row-major (C order).
public struct NumpyArray: Sendable, Equatable {
    public var shape: [Int]
    public var values: [Float]

    public init(shape: [Int], values: [Float]) {
        self.shape = shape
        self.values = values
    }

    public var rows: Int { shape.first ?? 0 }
    public var columns: Int { shape.count == 2 ? shape[1] : 1 }

    /// Row `r` of a 2-D array (a copy).
    public func row(_ r: Int) -> [Float] { Array(values[(r * columns)..<((r + 1) * columns)]) }
}

/// Why a .npy file could not be read or written.
public struct NumpyFileError: Error, CustomStringConvertible, Sendable {
    public var description: String
}

public enum NumpyFile {
    static let magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59] // "\x93NUMPY"
    /// Refuse arrays above this many values (1 G floats, 4 GB) rather than allocate blindly.
    static let maximumValueCount = 1 << 30

    // MARK: reading

    public static func read(_ url: URL) throws -> NumpyArray {
        let data: Data
        do { data = try Data(contentsOf: url, options: .alwaysMapped) } catch {
            throw NumpyFileError(description: "\(url.path): cannot read (\(error.localizedDescription))")
        }
        return try parse(data, name: url.path)
    }

    /// Parses the bytes of a .npy file; `name` appears in error messages.
    public static func parse(_ data: Data, name: String = "npy data") throws -> NumpyArray {
        let (shape, dataOffset) = try parseHeader(data, name: name)
        let count = shape.reduce(1, *)
        let byteCount = count * 4
        guard data.count - dataOffset >= byteCount else {
            throw NumpyFileError(description: "\(name): truncated: header says \(count) float32 values, file holds \(max(0, data.count - dataOffset) / 4)")
        }
        var values = [Float](repeating: 0, count: count)
        values.withUnsafeMutableBytes { out in
            data.withUnsafeBytes { raw in
                guard count > 0, let base = raw.baseAddress else { return }
                out.copyMemory(from: UnsafeRawBufferPointer(start: base + dataOffset, count: byteCount))
            }
        }
        // .npy '<f4' is little-endian; convert on a big-endian host.
        if 1.littleEndian != 1 { values = values.map { Float(bitPattern: UInt32(littleEndian: $0.bitPattern)) } }
        return NumpyArray(shape: shape, values: values)
    }

    /// The shape and the byte offset of the data, after checking magic, dtype and order.
    static func parseHeader(_ data: Data, name: String) throws -> (shape: [Int], dataOffset: Int) {
        guard data.count >= 10, Array(data.prefix(6)) == magic else {
            throw NumpyFileError(description: "\(name): not a .npy file (bad magic)")
        }
        let bytes = [UInt8](data.prefix(12))
        let major = bytes[6]
        let headerLength: Int, headerStart: Int
        switch major {
        case 1:
            headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
            headerStart = 10
        case 2, 3:
            guard bytes.count >= 12 else { throw NumpyFileError(description: "\(name): truncated header") }
            headerLength = Int(bytes[8]) | Int(bytes[9]) << 8 | Int(bytes[10]) << 16 | Int(bytes[11]) << 24
            headerStart = 12
        default:
            throw NumpyFileError(description: "\(name): unsupported .npy version \(major)")
        }
        guard headerLength <= 1 << 20, data.count >= headerStart + headerLength else {
            throw NumpyFileError(description: "\(name): truncated or oversized header")
        }
        let headerBytes = data.subdata(in: (data.startIndex + headerStart)..<(data.startIndex + headerStart + headerLength))
        guard let header = String(data: headerBytes, encoding: .isoLatin1) else {
            throw NumpyFileError(description: "\(name): unreadable header")
        }
        guard header.contains("'descr': '<f4'") || header.contains("'descr': '|f4'") else {
            throw NumpyFileError(description: "\(name): only little-endian float32 ('<f4') is supported; header: \(header.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        guard header.contains("'fortran_order': False") else {
            throw NumpyFileError(description: "\(name): only C order is supported (fortran_order is True)")
        }
        guard let open = header.range(of: "'shape': ("),
              let close = header.range(of: ")", range: open.upperBound..<header.endIndex) else {
            throw NumpyFileError(description: "\(name): header has no shape")
        }
        let parts = header[open.upperBound..<close.lowerBound]
            .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var shape: [Int] = []
        for part in parts {
            guard let n = Int(part), n >= 0 else { throw NumpyFileError(description: "\(name): bad shape entry '\(part)'") }
            shape.append(n)
        }
        guard shape.count == 1 || shape.count == 2 else {
            throw NumpyFileError(description: "\(name): only 1-D and 2-D arrays are supported, shape has \(shape.count) dimensions")
        }
        var count = 1
        for n in shape {
            let (product, overflow) = count.multipliedReportingOverflow(by: n)
            guard !overflow, product <= maximumValueCount else {
                throw NumpyFileError(description: "\(name): shape \(shape) is too large")
            }
            count = product
        }
        return (shape, headerStart + headerLength)
    }

    // MARK: writing

    /// Writes `array` as .npy version 1.0.
    public static func write(_ array: NumpyArray, to url: URL) throws {
        guard array.shape.reduce(1, *) == array.values.count else {
            throw NumpyFileError(description: "\(url.path): shape \(array.shape) does not hold \(array.values.count) values")
        }
        var data = header(shape: array.shape)
        array.values.withUnsafeBufferPointer { buffer in
            if 1.littleEndian == 1 {
                data.append(UnsafeBufferPointer(start: UnsafeRawPointer(buffer.baseAddress!).assumingMemoryBound(to: UInt8.self), count: buffer.count * 4))
            } else {
                for v in buffer { withUnsafeBytes(of: v.bitPattern.littleEndian) { data.append(contentsOf: $0) } }
            }
        }
        do { try data.write(to: url, options: .atomic) } catch {
            throw NumpyFileError(description: "\(url.path): cannot write (\(error.localizedDescription))")
        }
    }

    /// The magic, version and header dictionary, padded with spaces so the data starts at a multiple of 64
    /// and a header can be rewritten in place for any shape up to 2^40 rows (streaming writers rely on it).
    static func header(shape: [Int]) -> Data {
        let shapeText = shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
        var dictionary = "{'descr': '<f4', 'fortran_order': False, 'shape': \(shapeText), }"
        let total = 128 // bytes: magic(6) + version(2) + length(2) + dictionary padded + "\n"
        while 10 + dictionary.utf8.count + 1 < total { dictionary += " " }
        dictionary += "\n"
        var data = Data(magic)
        data.append(contentsOf: [1, 0])
        let length = UInt16(dictionary.utf8.count)
        data.append(contentsOf: [UInt8(length & 0xFF), UInt8(length >> 8)])
        data.append(contentsOf: Array(dictionary.utf8))
        return data
    }
}

/// Writes a 2-D float32 .npy row by row without knowing the row count in advance: memory stays flat.
/// The header is written with a provisional shape and rewritten on `finish()`.
public final class NumpyRowWriter {
    public let url: URL
    public let columns: Int
    public private(set) var rows = 0
    private let handle: FileHandle

    public init(url: URL, columns: Int) throws {
        self.url = url
        self.columns = columns
        guard FileManager.default.createFile(atPath: url.path, contents: NumpyFile.header(shape: [0, columns])),
              let handle = try? FileHandle(forWritingTo: url) else {
            throw NumpyFileError(description: "\(url.path): cannot create")
        }
        self.handle = handle
        handle.seekToEndOfFile()
    }

    public func append(_ row: [Float]) throws {
        guard row.count == columns else {
            throw NumpyFileError(description: "\(url.path): row of \(row.count) values for \(columns) columns")
        }
        var data = Data(capacity: columns * 4)
        for v in row { withUnsafeBytes(of: v.bitPattern.littleEndian) { data.append(contentsOf: $0) } }
        try handle.write(contentsOf: data)
        rows += 1
    }

    /// Rewrites the header with the final row count and closes the file.
    public func finish() throws {
        try handle.seek(toOffset: 0)
        try handle.write(contentsOf: NumpyFile.header(shape: [rows, columns]))
        try handle.close()
    }
}

/// Reads a 2-D float32 .npy one row at a time (memory flat in the row count).
public final class NumpyRowReader {
    public let rows: Int
    public let columns: Int
    private let handle: FileHandle
    private let url: URL

    public init(url: URL) throws {
        self.url = url
        guard let handle = try? FileHandle(forReadingFrom: url) else {
            throw NumpyFileError(description: "\(url.path): cannot open")
        }
        let head = (try? handle.read(upToCount: 1 << 16)) ?? Data()
        let (shape, offset) = try NumpyFile.parseHeader(head, name: url.path)
        guard shape.count == 2 else { throw NumpyFileError(description: "\(url.path): expected a 2-D array, shape is \(shape)") }
        rows = shape[0]
        columns = shape[1]
        let size = try handle.seekToEnd()
        guard size >= UInt64(offset + rows * columns * 4) else {
            throw NumpyFileError(description: "\(url.path): truncated: shape \(shape) needs \(rows * columns * 4) data bytes")
        }
        try handle.seek(toOffset: UInt64(offset))
        self.handle = handle
    }

    deinit { try? handle.close() }

    /// The next row, or nil after the last.
    public func next() throws -> [Float]? {
        guard let data = try handle.read(upToCount: columns * 4), data.count == columns * 4 else { return nil }
        return data.withUnsafeBytes { raw in
            (0..<columns).map { Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self))) }
        }
    }
}
