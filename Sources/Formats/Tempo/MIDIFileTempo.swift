// Initial tempo of a Standard MIDI File (`MThd` header, `MTrk` chunks). The first Set Tempo meta
// event (FF 51 03, microseconds per quarter note) in time order sets it; a file with none plays at
// 120 BPM (500,000 µs per quarter note) by the MIDI 1.0 specification, reported as `.absent`.

enum MIDIFileTempo {
    /// 500,000 µs per quarter note: the specification's tempo until a Set Tempo event.
    static let specificationDefaultBPM = 120.0

    static func looksLike(_ bytes: ByteReader) -> Bool { bytes.matches(0, "MThd") || isRIFFMIDI(bytes) }

    /// RIFF MIDI (`.rmi`): "RIFF", size, "RMID", then a "data" chunk holding a Standard MIDI File.
    static func isRIFFMIDI(_ bytes: ByteReader) -> Bool { bytes.matches(0, "RIFF") && bytes.matches(8, "RMID") }

    /// The Standard MIDI File inside a RIFF MIDI file, or the bytes unchanged.
    static func unwrapped(_ bytes: ByteReader) throws -> ByteReader {
        guard isRIFFMIDI(bytes) else { return bytes }
        var offset = 12
        while let length = bytes.u32le(offset + 4) {
            if bytes.matches(offset, "data") {
                let start = offset + 8
                guard bytes.has(start, Swift.min(length, bytes.count - start)), start < bytes.count else { break }
                return ByteReader(Array(bytes.bytes[start..<Swift.min(start + length, bytes.count)]))
            }
            offset += 8 + length + (length & 1)  // RIFF chunks are padded to even sizes
        }
        throw TempoReadError("RIFF MIDI file without a data chunk")
    }

    static func read(_ file: ByteReader) throws -> TempoReading {
        let bytes = try unwrapped(file)
        guard bytes.matches(0, "MThd") else { throw TempoReadError("RIFF MIDI data chunk is not a Standard MIDI File") }
        // The division (offset 12) does not matter here: Set Tempo is in µs per quarter note whether
        // the file counts ticks per quarter note or SMPTE frames.
        guard let headerLength = bytes.u32be(4), headerLength >= 6, let trackCount = bytes.u16be(10),
              bytes.u16be(12) != nil else {
            throw TempoReadError("MIDI header truncated")
        }
        var offset = 8 + headerLength
        // Earliest Set Tempo over all tracks, by tick (format 1 keeps it in track 0, format 0 in the only track).
        var earliest: (tick: Int, microsecondsPerQuarter: Int)?
        var tracksRead = 0
        while tracksRead < trackCount, bytes.has(offset, 8) {
            guard let length = bytes.u32be(offset + 4) else { break }
            let start = offset + 8
            // A chunk longer than the rest of the file (0xFFFFFFFF is common in damaged files) is an
            // error, not a track to read to the end or skip: either way the tempo could be lost silently.
            guard length <= bytes.count - start else {
                let kind = bytes.matches(offset, "MTrk") ? "track" : "chunk"
                throw TempoReadError("MIDI \(kind) at byte \(offset) declares \(length) bytes, only \(bytes.count - start) remain (truncated or corrupt)")
            }
            let end = start + length
            if bytes.matches(offset, "MTrk") {
                tracksRead += 1
                if let found = try firstTempo(bytes, from: start, to: end),
                   earliest == nil || found.tick < earliest!.tick {
                    earliest = found
                }
            }
            offset = start + length
        }
        guard tracksRead > 0 else { throw TempoReadError("MIDI file has no MTrk chunk") }
        guard let earliest else {
            return TempoReading(tool: "MIDI", bpm: specificationDefaultBPM, origin: .absent)
        }
        guard earliest.microsecondsPerQuarter > 0 else { throw TempoReadError("MIDI Set Tempo of 0 µs per quarter note") }
        let bpm = 60_000_000.0 / Double(earliest.microsecondsPerQuarter)
        return TempoReading(tool: "MIDI", bpm: try TempoRange.checked(bpm, what: "MIDI"))
    }

    /// Walks one track's events; returns the first Set Tempo with its tick, or nil.
    private static func firstTempo(_ bytes: ByteReader, from start: Int, to end: Int) throws -> (tick: Int, microsecondsPerQuarter: Int)? {
        var position = start
        var tick = 0
        var runningStatus: UInt8 = 0
        func variableLength() -> Int? {
            var value = 0
            for _ in 0..<4 {
                guard position < end, let byte = bytes.u8(position) else { return nil }
                position += 1
                value = value << 7 | Int(byte & 0x7f)
                if byte & 0x80 == 0 { return value }
            }
            return nil
        }
        while position < end {
            guard let delta = variableLength() else { throw TempoReadError("MIDI track truncated inside a delta time") }
            tick += delta
            guard let first = bytes.u8(position) else { break }
            var status = first
            if first & 0x80 != 0 { position += 1; if first < 0xf0 { runningStatus = first } } else {
                guard runningStatus != 0 else { throw TempoReadError("MIDI data byte without a status byte") }
                status = runningStatus
            }
            switch status {
            case 0xff:
                guard let type = bytes.u8(position) else { return nil }
                position += 1
                guard let length = variableLength(), position + length <= end else {
                    throw TempoReadError("MIDI meta event runs past its track")
                }
                if type == 0x51 {
                    guard length == 3, let hi = bytes.u8(position), let mid = bytes.u8(position + 1),
                          let lo = bytes.u8(position + 2) else { throw TempoReadError("MIDI Set Tempo event is not 3 bytes") }
                    return (tick, Int(hi) << 16 | Int(mid) << 8 | Int(lo))
                }
                if type == 0x2f { return nil }  // End of Track
                position += length
            case 0xf0, 0xf7:
                guard let length = variableLength(), position + length <= end else {
                    throw TempoReadError("MIDI SysEx event runs past its track")
                }
                position += length
            default:
                // Channel messages: program change and channel pressure carry one data byte, the rest two.
                let kind = status & 0xf0
                position += (kind == 0xc0 || kind == 0xd0) ? 1 : 2
            }
        }
        return nil
    }
}
