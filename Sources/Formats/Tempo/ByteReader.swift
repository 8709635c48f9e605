// Bounds-checked little/big-endian reads from a byte array, so binary readers (MIDI, trackers, zip)
// never index past the end of a hostile file.

struct ByteReader {
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var count: Int { bytes.count }

    func has(_ offset: Int, _ length: Int) -> Bool {
        offset >= 0 && length >= 0 && offset <= bytes.count - length
    }

    func u8(_ offset: Int) -> UInt8? { has(offset, 1) ? bytes[offset] : nil }

    func u16le(_ offset: Int) -> Int? {
        guard has(offset, 2) else { return nil }
        return Int(bytes[offset]) | Int(bytes[offset + 1]) << 8
    }

    func u32le(_ offset: Int) -> Int? {
        guard has(offset, 4) else { return nil }
        return Int(bytes[offset]) | Int(bytes[offset + 1]) << 8 | Int(bytes[offset + 2]) << 16 | Int(bytes[offset + 3]) << 24
    }

    func u16be(_ offset: Int) -> Int? {
        guard has(offset, 2) else { return nil }
        return Int(bytes[offset]) << 8 | Int(bytes[offset + 1])
    }

    func u32be(_ offset: Int) -> Int? {
        guard has(offset, 4) else { return nil }
        return Int(bytes[offset]) << 24 | Int(bytes[offset + 1]) << 16 | Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3])
    }

    /// `length` bytes at `offset` as text (Latin-1, NULs and trailing spaces dropped), or nil.
    func text(_ offset: Int, _ length: Int) -> String? {
        guard has(offset, length) else { return nil }
        let slice = bytes[offset..<offset + length].prefix { $0 != 0 }
        let scalars = slice.map { Character(Unicode.Scalar($0)) }
        return String(scalars).trimmingCharacters(in: .whitespaces)
    }

    /// Whether the bytes at `offset` spell `ascii`. Compared in place, without copying: the zip reader asks
    /// this at up to 65,536 positions when it looks for the end of the central directory.
    func matches(_ offset: Int, _ ascii: String) -> Bool {
        guard offset >= 0 else { return false }
        var index = offset
        for byte in ascii.utf8 {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
        }
        return true
    }
}

import Foundation
