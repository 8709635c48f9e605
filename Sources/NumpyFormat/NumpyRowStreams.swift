// Streams 2-D float32 .npy files row by row, so memory stays flat in the number of rows.
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a 2-D float32 .npy row by row without knowing the row count in advance. The header is
/// written with a provisional shape and rewritten (same length) on `finish()`. Rows go to a hidden file
/// beside `url` that `finish()` renames into place: a full disk, an error or a kill before then leaves
/// no truncated `.npy` (a writer dropped unfinished removes its partial file).
public final class NumpyRowWriter {
    public let url: URL
    public let columns: Int
    public private(set) var rows = 0
    private let handle: FileHandle
    private let partialURL: URL
    private var finished = false

    public init(url: URL, columns: Int) throws {
        self.url = url
        self.columns = columns
        partialURL = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: partialURL.path, contents: NumpyArray.headerBytes(shape: [0, columns])),
              let handle = try? FileHandle(forWritingTo: partialURL) else {
            try? FileManager.default.removeItem(at: partialURL)
            throw NumpyArrayError(file: url.path, problem: "cannot create")
        }
        self.handle = handle
        handle.seekToEndOfFile()
    }

    deinit {
        guard !finished else { return }
        try? handle.close()
        try? FileManager.default.removeItem(at: partialURL)
    }

    public func append(_ row: [Float]) throws {
        guard row.count == columns else {
            throw NumpyArrayError(file: url.path, problem: "row of \(row.count) values for \(columns) columns")
        }
        var data = Data(capacity: columns * 4)
        for v in row { withUnsafeBytes(of: v.bitPattern.littleEndian) { data.append(contentsOf: $0) } }
        try handle.write(contentsOf: data)
        rows += 1
    }

    /// Rewrites the header with the final row count, closes the file and moves it to `url`.
    public func finish() throws {
        try handle.seek(toOffset: 0)
        try handle.write(contentsOf: NumpyArray.headerBytes(shape: [rows, columns]))
        try handle.close()
        finished = true
        guard rename(partialURL.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: partialURL)
            throw NumpyArrayError(file: url.path, problem: "cannot move the finished file into place (\(reason))")
        }
    }
}

/// Reads a 2-D float32 C-order .npy one row at a time.
public final class NumpyRowReader {
    public let rows: Int
    public let columns: Int
    private let handle: FileHandle

    public init(url: URL) throws {
        guard let handle = try? FileHandle(forReadingFrom: url) else {
            throw NumpyArrayError(file: url.path, problem: "cannot open")
        }
        let head: NumpyArray.Header
        do { head = try NumpyArray.header((try? handle.read(upToCount: 1 << 16)) ?? Data()) } catch let error as NumpyArrayError {
            throw NumpyArrayError(file: url.path, problem: error.problem)
        }
        guard head.shape.count == 2, head.descr == "'<f4'", !head.fortranOrder else {
            throw NumpyArrayError(file: url.path, problem: "expected a 2-D float32 C-order array, header says \(head.descr) shape \(head.shape)")
        }
        rows = head.shape[0]
        columns = head.shape[1]
        let size = try handle.seekToEnd()
        guard size >= UInt64(head.dataOffset + rows * columns * 4) else {
            throw NumpyArrayError(file: url.path, problem: "truncated: shape \(head.shape) needs \(rows * columns * 4) data bytes")
        }
        try handle.seek(toOffset: UInt64(head.dataOffset))
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
