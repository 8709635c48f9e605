// The one way a reader takes in a whole file someone named: a regular file only (a FIFO, /dev/stdin or a
// device would block forever or never end), refused at once when over the reader's size cap, and every
// failure a few plain words instead of a Foundation error dump.
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why an input file cannot be taken in: a short phrase, without the file name (callers add it).
public struct InputFileError: Error, CustomStringConvertible, Sendable {
    public var problem: String
    public var description: String { problem }
}

public enum InputFile {
    /// The whole file, at most `maximumBytes` long.
    /// - Throws: `InputFileError` when the file is missing, unreadable, not a regular file, or too large.
    public static func read(_ url: URL, maximumBytes: Int) throws -> Data {
        // O_NONBLOCK: opening a FIFO without a writer returns at once instead of waiting for one.
        let fd = open(url.path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw InputFileError(problem: reason(errno)) }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0 else { throw InputFileError(problem: reason(errno)) }
        if let kind = nonRegularKind(status.st_mode) {
            throw InputFileError(problem: "not a regular file (\(kind))")
        }
        let size = Int(status.st_size)
        guard size <= maximumBytes else {
            throw InputFileError(problem: "\(size) bytes, over the \(describe(bytes: maximumBytes)) limit for this kind of file")
        }
        var data = Data(count: size)
        var filled = 0
        while filled < size {
            let got = data.withUnsafeMutableBytes { readBytes(fd, $0.baseAddress! + filled, size - filled) }
            if got < 0, errno == EINTR { continue }
            guard got >= 0 else { throw InputFileError(problem: reason(errno)) }
            if got == 0 { break }  // the file shrank while we read it
            filled += got
        }
        return data.prefix(filled)
    }

    /// nil when `url` names a regular file (after symlinks) that can be opened; else the problem in words.
    /// For inputs handed to libraries that open files themselves, checked before they block on a FIFO.
    public static func problem(at url: URL) -> String? {
        var status = stat()
        guard stat(url.path, &status) == 0 else { return reason(errno) }
        return nonRegularKind(status.st_mode).map { "not a regular file (\($0))" }
    }

    private static func nonRegularKind(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "a folder"
        case S_IFIFO: return "a named pipe"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFSOCK: return "a socket"
        default: return "an unknown kind of file"
        }
    }

    /// errno in the words a user needs.
    static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "no such file"
        case EACCES, EPERM: return "permission denied"
        case ENOTDIR: return "a part of the path is not a folder"
        case ELOOP: return "too many symbolic links"
        case ENAMETOOLONG: return "file name too long"
        case EISDIR: return "not a regular file (a folder)"
        default: return String(cString: strerror(code)).lowercased()
        }
    }

    private static func describe(bytes: Int) -> String {
        bytes >= 1 << 20 ? "\(bytes >> 20) MiB" : "\(bytes >> 10) KiB"
    }
}

/// POSIX read(2), named apart from `InputFile.read`.
private func readBytes(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, buffer, count)
}
