// A source file's first bytes and content fingerprint, read with POSIX calls: an unreadable file gives
// the system's reason in one line (not a Foundation error dump), and opening never blocks on a FIFO.
import Foundation
#if canImport(Glibc)
import Glibc
#endif

enum SourceFile {
    /// Why a source could not be read: the system's reason, without the path (the caller names the file).
    struct Unreadable: Error, CustomStringConvertible {
        var description: String
    }

    /// Up to `count` bytes from the start of the file.
    static func head(_ url: URL, count: Int = 4096) throws -> Data {
        try withDescriptor(url) { descriptor in
            var data = Data()
            try readChunks(descriptor, chunkSize: count) { chunk in
                data.append(chunk)
                return data.count < count
            }
            return data.prefix(count)
        }
    }

    /// FNV-1a 64 of the whole content plus its length (`fnv1a64:<hex>:<bytes>`): equal for the same bytes,
    /// different (all but surely) after an edit, on every machine and run.
    static func contentHash(_ url: URL) throws -> String {
        try withDescriptor(url) { descriptor in
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            var length = 0
            try readChunks(descriptor, chunkSize: 1 << 16) { chunk in
                for byte in chunk {
                    hash ^= UInt64(byte)
                    hash &*= 0x0000_0100_0000_01B3
                }
                length += chunk.count
                return true
            }
            return "fnv1a64:" + String(hash, radix: 16) + ":\(length)"
        }
    }

    private static func withDescriptor<T>(_ url: URL, _ body: (Int32) throws -> T) throws -> T {
        let descriptor = open(url.path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw Unreadable(description: "cannot be read (\(String(cString: strerror(errno))))") }
        defer { close(descriptor) }
        return try body(descriptor)
    }

    /// Calls `consume` with each chunk until the end of the file or until it returns false.
    private static func readChunks(_ descriptor: Int32, chunkSize: Int, _ consume: (Data) -> Bool) throws {
        var buffer = [UInt8](repeating: 0, count: chunkSize)
        while true {
            let got = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, chunkSize) }
            if got < 0 {
                if errno == EINTR { continue }
                throw Unreadable(description: "cannot be read (\(String(cString: strerror(errno))))")
            }
            if got == 0 || !consume(Data(buffer[0..<got])) { return }
        }
    }
}
