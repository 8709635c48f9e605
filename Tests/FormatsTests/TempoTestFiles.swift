// Builders for the small files the tempo tests write themselves: Standard MIDI Files, tracker
// module headers, gzip streams and zip archives (stored or deflated), laid out by the formats' specs.
import CZlib
import Foundation

enum TempoTestFiles {
    static func be32(_ v: Int) -> [UInt8] { [UInt8(v >> 24 & 0xff), UInt8(v >> 16 & 0xff), UInt8(v >> 8 & 0xff), UInt8(v & 0xff)] }
    static func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xff), UInt8(v >> 8 & 0xff)] }
    static func le32(_ v: Int) -> [UInt8] { le16(v & 0xffff) + le16(v >> 16 & 0xffff) }
    static func ascii(_ s: String, length: Int) -> [UInt8] { Array((Array(s.utf8) + [UInt8](repeating: 0, count: length)).prefix(length)) }

    /// A format-1 MIDI file; each track is raw event bytes (delta-time + event), End of Track appended.
    static func midi(tracks: [[UInt8]], division: Int = 480) -> Data {
        var bytes = Array("MThd".utf8) + be32(6) + [0, 1] + [UInt8(tracks.count >> 8), UInt8(tracks.count & 0xff)]
            + [UInt8(division >> 8), UInt8(division & 0xff)]
        for track in tracks {
            let body = track + [0x00, 0xff, 0x2f, 0x00]
            bytes += Array("MTrk".utf8) + be32(body.count) + body
        }
        return Data(bytes)
    }

    /// Set Tempo meta event at delta `delta` (< 128 ticks), microseconds per quarter note.
    static func setTempo(_ microseconds: Int, delta: UInt8 = 0) -> [UInt8] {
        [delta, 0xff, 0x51, 0x03, UInt8(microseconds >> 16 & 0xff), UInt8(microseconds >> 8 & 0xff), UInt8(microseconds & 0xff)]
    }

    /// Note on/off pair using running status for the off (note on, velocity 0).
    static let someNotes: [UInt8] = [0x00, 0x90, 60, 100, 0x60, 60, 0]

    /// A 4-channel "M.K." module with one pattern; `firstRow` gives (channel, effect, parameter) cells
    /// of row 0, `later` cells of other rows, `notes` (row, channel) cells playing sample 1 at period 428.
    static func mod(firstRow: [(channel: Int, effect: UInt8, parameter: UInt8)], tag: String = "M.K.",
                    later: [(row: Int, channel: Int, effect: UInt8, parameter: UInt8)] = [],
                    notes: [(row: Int, channel: Int)] = []) -> Data {
        var bytes = ascii("test module", length: 20) + [UInt8](repeating: 0, count: 31 * 30)
        bytes += [1, 127]  // song length, restart
        bytes += [UInt8](repeating: 0, count: 128)  // order table: pattern 0
        bytes += Array(tag.utf8)
        var pattern = [UInt8](repeating: 0, count: 64 * 4 * 4)
        for cell in firstRow {
            pattern[cell.channel * 4 + 2] = cell.effect & 0x0f
            pattern[cell.channel * 4 + 3] = cell.parameter
        }
        for cell in later {
            pattern[cell.row * 16 + cell.channel * 4 + 2] = cell.effect & 0x0f
            pattern[cell.row * 16 + cell.channel * 4 + 3] = cell.parameter
        }
        for note in notes {
            // Period 428 (C-2 in ProTracker's table) = 0x1AC, sample 1 in the high nibble of byte 2.
            pattern[note.row * 16 + note.channel * 4] = 0x01
            pattern[note.row * 16 + note.channel * 4 + 1] = 0xac
            pattern[note.row * 16 + note.channel * 4 + 2] |= 0x10
        }
        return Data(bytes + pattern)
    }

    /// An XM header up to the default BPM field (offsets from the XM format description).
    static func xm(tracker: String, speed: Int, bpm: Int) -> Data {
        var bytes = Array("Extended Module: ".utf8) + ascii("song", length: 20) + [0x1a] + ascii(tracker, length: 20)
        bytes += le16(0x0104) + le32(276)
        bytes += le16(1) + le16(0) + le16(8) + le16(1) + le16(1) + le16(1) + le16(speed) + le16(bpm)
        bytes += [UInt8](repeating: 0, count: 256)
        return Data(bytes)
    }

    /// An S3M header: title, 0x1A, type 16, counts, Cwt/v at 40, "SCRM" at 44, speed 49, tempo 50.
    static func s3m(cwt: Int, speed: UInt8, tempo: UInt8) -> Data {
        var bytes = ascii("song", length: 28) + [0x1a, 16, 0, 0]
        bytes += le16(1) + le16(0) + le16(0) + le16(0) + le16(cwt) + le16(2) + Array("SCRM".utf8)
        bytes += [64, speed, tempo, 0xb0, 0, 0xfc]
        bytes += [UInt8](repeating: 0, count: 64)
        return Data(bytes)
    }

    /// An IT header: "IMPM", name, counts, Cwt/v at 40, speed 50, tempo 51.
    static func it(cwt: Int, speed: UInt8, tempo: UInt8) -> Data {
        var bytes = Array("IMPM".utf8) + ascii("song", length: 26) + le16(0x1004)
        bytes += le16(1) + le16(0) + le16(0) + le16(0) + le16(cwt) + le16(0x0214) + le16(9) + le16(6)
        bytes += [128, 48, speed, tempo]
        bytes += [UInt8](repeating: 0, count: 128)
        return Data(bytes)
    }

    /// Raw deflate of `bytes` (zlib's stream without its 2-byte header and 4-byte Adler-32 trailer).
    static func rawDeflate(_ bytes: [UInt8]) -> [UInt8] {
        var length = compressBound(uLong(bytes.count))
        var out = [UInt8](repeating: 0, count: Int(length))
        _ = compress(&out, &length, bytes, uLong(bytes.count))
        return Array(out[2..<Int(length) - 4])
    }

    static func crc(_ bytes: [UInt8]) -> Int { Int(crc32(0, bytes, uInt(bytes.count))) }

    /// A gzip member (RFC 1952) around `bytes`.
    static func gzip(_ bytes: [UInt8]) -> Data {
        Data([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3] + rawDeflate(bytes) + le32(crc(bytes)) + le32(bytes.count))
    }

    /// A zip archive (APPNOTE: local headers, central directory, end record) with the given entries.
    static func zip(_ entries: [(name: String, contents: [UInt8], deflate: Bool)]) -> Data {
        var body: [UInt8] = []
        var directory: [UInt8] = []
        for entry in entries {
            let stored = entry.deflate ? rawDeflate(entry.contents) : entry.contents
            let name = Array(entry.name.utf8)
            let method = entry.deflate ? 8 : 0
            let offset = body.count
            let common = le16(20) + le16(0) + le16(method) + le16(0) + le16(0) + le32(crc(entry.contents))
                + le32(stored.count) + le32(entry.contents.count) + le16(name.count) + le16(0)
            body += le32(0x0403_4b50) + common + name + stored
            directory += le32(0x0201_4b50) + le16(20) + common + le16(0) + le16(0) + le16(0) + le32(0) + le32(offset) + name
        }
        let end = le32(0x0605_4b50) + le16(0) + le16(0) + le16(entries.count) + le16(entries.count)
            + le32(directory.count) + le32(body.count) + le16(0)
        return Data(body + directory + end)
    }
}
