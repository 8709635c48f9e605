// A minimal zip reader (PKWARE APPNOTE 6.3: end of central directory, central directory, local
// headers) for the stored and deflated entries of MuseScore `.mscz` files. No encryption, no
// zip64, no multi-disk archives: those are rejected with a clear message.
import Foundation

struct ZipError: Error, CustomStringConvertible {
    var description: String
}

struct ZipArchive {
    struct Entry {
        let name: String
        let method: Int
        let compressedBytes: Int
        let uncompressedBytes: Int
        let localHeaderOffset: Int
        let flags: Int
    }

    private let bytes: ByteReader
    private(set) var entries: [Entry] = []

    var entryNames: [String] { entries.map(\.name) }

    static func looksLike(_ bytes: ByteReader) -> Bool { bytes.matches(0, "PK\u{3}\u{4}") }

    init(_ data: Data) throws {
        bytes = ByteReader([UInt8](data))
        // The end-of-central-directory record (22 bytes + a comment of up to 65,535 bytes) ends the file.
        let lowest = Swift.max(0, bytes.count - 22 - 0xffff)
        var eocd: Int?
        var position = bytes.count - 22
        while position >= lowest {
            if bytes.matches(position, "PK\u{5}\u{6}") { eocd = position; break }
            position -= 1
        }
        guard let eocd else { throw ZipError(description: "no end of central directory (not a zip, or truncated)") }
        guard let count = bytes.u16le(eocd + 10), let directoryOffset = bytes.u32le(eocd + 16) else {
            throw ZipError(description: "end of central directory truncated")
        }
        guard directoryOffset != 0xffff_ffff else { throw ZipError(description: "zip64 archives are not supported") }
        var offset = directoryOffset
        for _ in 0..<count {
            guard bytes.matches(offset, "PK\u{1}\u{2}"), let flags = bytes.u16le(offset + 8),
                  let method = bytes.u16le(offset + 10), let compressed = bytes.u32le(offset + 20),
                  let uncompressed = bytes.u32le(offset + 24), let nameLength = bytes.u16le(offset + 28),
                  let extraLength = bytes.u16le(offset + 30), let commentLength = bytes.u16le(offset + 32),
                  let localOffset = bytes.u32le(offset + 42), let name = bytes.text(offset + 46, nameLength) else {
                throw ZipError(description: "central directory entry truncated or corrupt")
            }
            entries.append(Entry(name: name, method: method, compressedBytes: compressed, uncompressedBytes: uncompressed,
                                 localHeaderOffset: localOffset, flags: flags))
            offset += 46 + nameLength + extraLength + commentLength
        }
    }

    /// The bytes of one entry, inflated when deflated; size-capped like every decompression here.
    func contents(of name: String) throws -> Data {
        guard let entry = entries.first(where: { $0.name == name }) else { throw ZipError(description: "no entry \(name)") }
        guard entry.flags & 1 == 0 else { throw ZipError(description: "\(name) is encrypted") }
        let local = entry.localHeaderOffset
        guard bytes.matches(local, "PK\u{3}\u{4}"), let nameLength = bytes.u16le(local + 26),
              let extraLength = bytes.u16le(local + 28) else {
            throw ZipError(description: "local header of \(name) missing or corrupt")
        }
        let start = local + 30 + nameLength + extraLength
        guard bytes.has(start, entry.compressedBytes) else { throw ZipError(description: "\(name) runs past the end of the archive") }
        guard entry.uncompressedBytes <= Decompression.maximumOutputBytes else {
            throw ZipError(description: "\(name) declares \(entry.uncompressedBytes) bytes, over the cap")
        }
        let payload = Data(bytes.bytes[start..<start + entry.compressedBytes])
        switch entry.method {
        case 0: return payload
        case 8:
            do { return try Decompression.rawInflate(payload) } catch { throw ZipError(description: "\(name): \(error)") }
        default: throw ZipError(description: "\(name) uses compression method \(entry.method) (only stored and deflate are read)")
        }
    }
}
