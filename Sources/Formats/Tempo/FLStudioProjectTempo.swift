// Project tempo of an FL Studio project (`.flp`). Facts from PyFLP's documentation and source
// (demberto/PyFLP, pyflp/project.py): a "FLhd" chunk (u32 size 6: format i16, channel count u16,
// PPQ u16), then a "FLdt" chunk of events. An event id below 64 carries 1 byte, below 128 a u16,
// below 192 a u32, from 192 on a variable length (LEB128: 7 bits a byte, low bits first) then data.
// The tempo is event 156 (u32, thousandths of a BPM; FL 3.4 on), or in older files event 66 (u16,
// whole BPM) plus event 93 (u16, thousandths). Event 199 is the FL version as ASCII text
// ("20.7.1.1773"); event 64 opens a channel, event 65 selects a pattern by number.
import Foundation

enum FLStudioProjectTempo {
    static let tempoThousandths = 156
    static let tempoCoarse = 66
    static let tempoFine = 93
    static let versionText = 199
    static let newChannel = 64
    static let patternNumber = 65

    /// FL Studio files start "FLhd" and the data chunk follows the 6-byte header; Forte sources and
    /// floppy images that share the extension do not.
    static func looksLike(_ bytes: ByteReader) -> Bool {
        guard bytes.matches(0, "FLhd"), let size = bytes.u32le(4), size >= 6, size < 1024 else { return false }
        return bytes.matches(8 + size, "FLdt")
    }

    static func read(_ bytes: ByteReader) throws -> TempoReading {
        guard looksLike(bytes), let headerSize = bytes.u32le(4), let headerChannels = bytes.u16le(10),
              let dataLength = bytes.u32le(8 + headerSize + 4) else {
            throw TempoReadError("FL Studio project header truncated")
        }
        let start = 8 + headerSize + 8
        // FL has written data lengths a few bytes off; read to whichever ends first.
        let end = Swift.min(bytes.count, start + dataLength)
        var events = FLStudioEvents()
        try events.scan(bytes, from: start, to: end)
        let bpm: Double
        if let thousandths = events.tempoThousandths {
            bpm = Double(thousandths) / 1000
        } else if let coarse = events.tempoCoarse {
            bpm = Double(coarse) + Double(events.tempoFine ?? 0) / 1000
        } else {
            throw TempoReadError("FL Studio project has no tempo event (156, or 66 in old versions)")
        }
        let writer = events.version.map { "FL Studio \($0)" } ?? "FL Studio"
        return TempoReading(tool: "FL Studio", writer: writer, bpm: try TempoRange.checked(bpm, what: "FL Studio"),
                            patterns: events.patternNumbers.count, channels: Swift.max(events.channels, headerChannels))
    }
}

/// The few FL Studio events the tempo reader keeps, gathered in one pass (first occurrence wins).
struct FLStudioEvents {
    var tempoThousandths: Int?
    var tempoCoarse: Int?
    var tempoFine: Int?
    var version: String?
    var channels = 0
    var patternNumbers = Set<Int>()

    mutating func scan(_ bytes: ByteReader, from start: Int, to end: Int) throws {
        var position = start
        while position < end {
            guard let id = bytes.u8(position).map(Int.init) else { break }
            position += 1
            switch id {
            case 0..<64:
                position += 1
            case 64..<128:
                guard position + 2 <= end, let value = bytes.u16le(position) else { throw truncated(id) }
                keep(word: id, value)
                position += 2
            case 128..<192:
                guard position + 4 <= end, let value = bytes.u32le(position) else { throw truncated(id) }
                if id == FLStudioProjectTempo.tempoThousandths, tempoThousandths == nil { tempoThousandths = value }
                position += 4
            default:
                var length = 0
                var shift = 0
                while true {
                    guard position < end, let byte = bytes.u8(position), shift <= 28 else { throw truncated(id) }
                    position += 1
                    length |= Int(byte & 0x7f) << shift
                    shift += 7
                    if byte & 0x80 == 0 { break }
                }
                guard length <= end - position else { throw truncated(id) }
                if id == FLStudioProjectTempo.versionText, version == nil {
                    version = versionString(bytes, position, length)
                }
                position += length
            }
        }
    }

    private mutating func keep(word id: Int, _ value: Int) {
        switch id {
        case FLStudioProjectTempo.tempoCoarse where tempoCoarse == nil: tempoCoarse = value
        case FLStudioProjectTempo.tempoFine where tempoFine == nil: tempoFine = value
        case FLStudioProjectTempo.newChannel: channels += 1
        case FLStudioProjectTempo.patternNumber: patternNumbers.insert(value)
        default: break
        }
    }

    /// Digits and dots only: the version reaches reports, so nothing else from the file passes.
    private func versionString(_ bytes: ByteReader, _ offset: Int, _ length: Int) -> String? {
        let text = bytes.text(offset, Swift.min(length, 32)) ?? ""
        let kept = String(text.filter { $0.isASCII && ($0.isNumber || $0 == ".") })
        return kept.isEmpty ? nil : kept
    }

    private func truncated(_ id: Int) -> TempoReadError {
        TempoReadError("FL Studio event \(id) runs past the end of the data chunk (truncated or corrupt)")
    }
}
