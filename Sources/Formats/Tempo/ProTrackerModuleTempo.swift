// Initial tempo of a ProTracker-style module (`.mod`, 31 samples, a 4-byte format tag at offset 1080).
// A MOD has no tempo field: players start at speed 6 and 125 BPM (the Amiga's 50 Hz vertical blank,
// 125 BPM × 2 / 5 = 50 ticks per second) until an Fxx effect changes it; Fxx with xx < 32 sets the
// speed (ticks per row), xx ≥ 32 the tempo in BPM (the ProTracker 2.x CIA timing convention).
// We scan the first pattern played from row 0 to its first row with a note, where songs set their
// opening tempo.

enum ProTrackerModuleTempo {
    static let defaultBPM = 125.0
    static let defaultTicksPerRow = 6

    /// Format tags and what wrote them (tags listed in the ProTracker / FastTracker / StarTrekker
    /// module descriptions; `xCHN`/`xxCH` are FastTracker / TakeTracker multichannel tags).
    static func channelCount(tag: String) -> (channels: Int, writer: String)? {
        switch tag {
        case "M.K.", "M!K!": return (4, "ProTracker")
        case "FLT4": return (4, "StarTrekker")
        case "FLT8": return (8, "StarTrekker")
        case "4CHN": return (4, "FastTracker")
        case "6CHN": return (6, "FastTracker")
        case "8CHN": return (8, "FastTracker")
        case "CD81", "OKTA", "OCTA": return (8, "Oktalyzer-compatible")
        default:
            let chars = Array(tag)
            if chars.count == 4, tag.hasSuffix("CH") || tag.hasSuffix("CN"), let n = Int(String(chars[0...1])), (1...32).contains(n) {
                return (n, "FastTracker")
            }
            if chars.count == 4, tag.hasSuffix("CHN"), let n = Int(String(chars[0])), (1...9).contains(n) {
                return (n, "FastTracker")
            }
            return nil
        }
    }

    static func looksLike(_ bytes: ByteReader) -> Bool {
        guard let tag = bytes.text(1080, 4) else { return false }
        return channelCount(tag: tag) != nil
    }

    static func read(_ bytes: ByteReader) throws -> TempoReading {
        guard let tag = bytes.text(1080, 4), let format = channelCount(tag: tag) else {
            throw TempoReadError("not a 31-sample MOD (no known format tag at offset 1080)")
        }
        guard let songLength = bytes.u8(950), songLength >= 1, songLength <= 128 else {
            throw TempoReadError("MOD song length outside 1...128")
        }
        // Patterns stored = highest pattern number in the whole order table + 1 (ProTracker saves all 128 entries).
        var highest = 0
        for i in 0..<128 { highest = Swift.max(highest, Int(bytes.u8(952 + i) ?? 0)) }
        guard let firstPattern = bytes.u8(952) else { throw TempoReadError("MOD order table truncated") }
        let rowBytes = 4 * format.channels
        let patternBytes = 64 * rowBytes
        let rowStart = 1084 + Int(firstPattern) * patternBytes
        // Every stored pattern must be present: a shorter file is truncated (samples follow the patterns).
        let patternsEnd = 1084 + (highest + 1) * patternBytes
        guard Int(firstPattern) <= highest, bytes.has(rowStart, rowBytes), patternsEnd <= bytes.count else {
            throw TempoReadError("MOD truncated: \(highest + 1) patterns need \(patternsEnd) bytes, the file has \(bytes.count)")
        }
        var bpm = defaultBPM
        var ticks = defaultTicksPerRow
        var origin = TempoOrigin.keptDefault
        // Rows up to and including the first one that plays a note: Fxx there sets the opening tempo
        // (songs often put F06/F7D on a silent row 0 or spread them over the first rows).
        for row in 0..<64 {
            let rowOffset = rowStart + row * rowBytes
            var rowHasNote = false
            for channel in 0..<format.channels {
                let cell = rowOffset + channel * 4
                guard let b0 = bytes.u8(cell), let b1 = bytes.u8(cell + 1), let effectByte = bytes.u8(cell + 2),
                      let parameter = bytes.u8(cell + 3) else { continue }
                // A 12-bit period (low nibble of b0, b1) or a sample number (high nibbles of b0, b2) is a note.
                if (Int(b0 & 0x0f) << 8 | Int(b1)) != 0 || (b0 & 0xf0) != 0 || (effectByte & 0xf0) != 0 { rowHasNote = true }
                guard effectByte & 0x0f == 0x0f, parameter > 0 else { continue }  // F00 stops some players: ignored.
                if parameter < 32 { ticks = Int(parameter) } else { bpm = Double(parameter) }
                origin = .stored
            }
            if rowHasNote { break }
        }
        return TempoReading(tool: "MOD", writer: "\(format.writer) (\(tag))", bpm: bpm, ticksPerRow: ticks, origin: origin)
    }
}
