// Writes an output file (report page, figure, summary, export) whole or not at all: the bytes go to a
// hidden file beside the target that is renamed over it once complete, so a full disk leaves the old
// file (or none), never a truncated one; a failure is one line in plain words, not a Foundation dump.
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Why an output file could not be written (`path: reason`).
public struct OutputFileError: Error, CustomStringConvertible, Sendable {
    public var description: String
}

public enum OutputFile {
    public static func write(_ data: Data, to url: URL) throws {
        let partial = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial-\(UUID().uuidString)")
        func failure() -> OutputFileError { OutputFileError(description: "\(url.path): \(String(cString: strerror(errno)))") }
        let descriptor = open(partial.path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure() }
        var failed: OutputFileError?
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let count = Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    failed = failure()
                    return
                }
                offset += count
            }
        }
        if close(descriptor) != 0, failed == nil { failed = failure() }
        if failed == nil, rename(partial.path, url.path) != 0 { failed = failure() }
        if let failed {
            unlink(partial.path)
            throw failed
        }
    }
}
