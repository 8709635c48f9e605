// The one file that talks to zlib: Qt's qCompress blocks (LMMS .mmpz/.xpf) and gzip streams
// (.xiz, .mscz parts, .h2song), each with a size cap against decompression bombs.
import CZlib
import Foundation

public struct DecompressionError: Error, CustomStringConvertible, Sendable {
    public var description: String
}

public enum Decompression {
    /// Largest output we accept.
    public static let maximumOutputBytes = 64 << 20

    /// Whether `data` looks like Qt's qCompress output: a 4-byte big-endian length, then a zlib header.
    public static func isQtCompressed(_ data: Data) -> Bool {
        guard data.count >= 6 else { return false }
        let b = [UInt8](data.prefix(6))
        // zlib header: CMF 0x78 and (CMF*256 + FLG) divisible by 31.
        return b[4] == 0x78 && (UInt16(b[4]) << 8 | UInt16(b[5])) % 31 == 0
    }

    /// Whether `data` starts with the gzip magic bytes.
    public static func isGzip(_ data: Data) -> Bool {
        data.count >= 2 && data[data.startIndex] == 0x1f && data[data.startIndex + 1] == 0x8b
    }

    /// Undoes Qt's qCompress (4-byte big-endian expected length, then a zlib stream).
    public static func qtUncompress(_ data: Data) throws -> Data {
        guard data.count > 4 else { throw DecompressionError(description: "compressed data truncated") }
        let b = [UInt8](data.prefix(4))
        let expected = Int(b[0]) << 24 | Int(b[1]) << 16 | Int(b[2]) << 8 | Int(b[3])
        guard expected <= maximumOutputBytes else {
            throw DecompressionError(description: "declares \(expected) bytes uncompressed, over the \(maximumOutputBytes >> 20) MiB cap")
        }
        return try inflate(data.dropFirst(4), windowBits: 15)
    }

    /// Decompresses a gzip stream (several members are joined, as gunzip does).
    public static func gunzip(_ data: Data) throws -> Data {
        try inflate(data, windowBits: 15 + 32)
    }

    /// Inflates a raw deflate stream (no zlib or gzip framing), as stored in zip entries (method 8).
    public static func rawInflate(_ data: Data) throws -> Data {
        try inflate(data, windowBits: -15)
    }

    private static func inflate(_ input: Data, windowBits: Int32) throws -> Data {
        var stream = z_stream()
        guard inflateInit2_(&stream, windowBits, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw DecompressionError(description: "zlib could not start")
        }
        defer { inflateEnd(&stream) }
        var output = Data()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        let bytes = [UInt8](input)
        var status: Int32 = Z_OK
        try bytes.withUnsafeBufferPointer { inBuffer in
            stream.next_in = UnsafeMutablePointer(mutating: inBuffer.baseAddress)
            stream.avail_in = uInt(inBuffer.count)
            repeat {
                let produced: Int = chunk.withUnsafeMutableBufferPointer { outBuffer in
                    stream.next_out = outBuffer.baseAddress
                    stream.avail_out = uInt(outBuffer.count)
                    status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    return outBuffer.count - Int(stream.avail_out)
                }
                output.append(contentsOf: chunk[0..<produced])
                if output.count > maximumOutputBytes {
                    throw DecompressionError(description: "decompresses to over \(maximumOutputBytes >> 20) MiB")
                }
                if status == Z_STREAM_END, stream.avail_in > 0, windowBits > 15 {
                    // Another gzip member follows.
                    inflateReset(&stream)
                    status = Z_OK
                }
            } while status == Z_OK
        }
        guard status == Z_STREAM_END else {
            throw DecompressionError(description: "compressed data \(problem(status))")
        }
        return output
    }

    /// zlib's status codes in words (its own `zError` strings are terse, e.g. "data error").
    static func problem(_ status: Int32) -> String {
        switch status {
        case Z_BUF_ERROR: return "truncated (the stream ends early)"
        case Z_DATA_ERROR: return "corrupt (not a valid deflate stream, or a checksum mismatch)"
        case Z_NEED_DICT: return "needs a preset dictionary, which no preset format uses"
        case Z_MEM_ERROR: return "could not be inflated (out of memory)"
        default: return "could not be inflated (zlib error \(status))"
        }
    }
}
