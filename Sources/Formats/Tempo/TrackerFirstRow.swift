// The speed and tempo a player starts a tracker song at: the header's values, then the speed (Axx,
// Fxx < 32) and tempo (Txx, Fxx ≥ 32) commands of the first row of the first pattern in the order
// list, which every player applies before the first tick is heard. Layouts from ITTECH.TXT (IT),
// TECH.DOC (Scream Tracker 3) and the FastTracker 2 "xm.txt" description; only row 0 is decoded.

/// Speed (ticks per row) and tempo set by commands in the first row; nil where none is set.
struct TrackerFirstRow: Equatable {
    var speed: Int?
    var tempo: Int?

    /// A command that sets speed when below 32 and tempo from 32 (MOD/XM Fxx; the IT/S3M Axx and Txx
    /// are passed apart). A zero parameter is ignored: players treat A00/F00 as "no change" or stop.
    mutating func apply(speedOrTempo parameter: Int) {
        if parameter >= 32 { tempo = parameter } else if parameter > 0 { speed = parameter }
    }

    /// The first order entry that names a pattern (254 is a "+++" separator, 255 the end), or nil.
    static func firstPattern(_ bytes: ByteReader, orders offset: Int, count: Int) -> Int? {
        for index in 0..<Swift.min(count, 256) {
            guard let entry = bytes.u8(offset + index) else { return nil }
            if entry == 255 { return nil }
            if entry != 254 { return Int(entry) }
        }
        return nil
    }

    /// Impulse Tracker: orders at 0xC0, then u32 offsets of instruments, samples and patterns; a
    /// pattern is u16 packed length, u16 rows, 4 reserved bytes, then rows packed by channel mask.
    static func impulseTracker(_ bytes: ByteReader) -> TrackerFirstRow {
        var result = TrackerFirstRow()
        guard let orders = bytes.u16le(0x20), let instruments = bytes.u16le(0x22), let samples = bytes.u16le(0x24),
              let patterns = bytes.u16le(0x26), let pattern = firstPattern(bytes, orders: 0xc0, count: orders),
              pattern < patterns,
              let offset = bytes.u32le(0xc0 + orders + 4 * (instruments + samples + pattern)), offset != 0,
              let length = bytes.u16le(offset) else { return result }
        var position = offset + 8
        let end = Swift.min(bytes.count, position + length)
        var masks = [UInt8](repeating: 0, count: 64)
        while position < end, let channelByte = bytes.u8(position), channelByte != 0 {
            position += 1
            let channel = Int(channelByte &- 1) & 63
            if channelByte & 0x80 != 0 {
                guard let mask = bytes.u8(position) else { break }
                masks[channel] = mask
                position += 1
            }
            let mask = masks[channel]
            if mask & 1 != 0 { position += 1 }
            if mask & 2 != 0 { position += 1 }
            if mask & 4 != 0 { position += 1 }
            if mask & 8 != 0 {
                guard let command = bytes.u8(position), let value = bytes.u8(position + 1) else { break }
                position += 2
                result.applyImpulse(command: Int(command), value: Int(value))
            }
        }
        return result
    }

    /// Scream Tracker 3: orders at 0x60, then u16 paragraph pointers (×16) of instruments and
    /// patterns; a pattern is a u16 length then rows of (what, [note, instrument], [volume], [command, info]).
    static func screamTracker(_ bytes: ByteReader) -> TrackerFirstRow {
        var result = TrackerFirstRow()
        guard let orders = bytes.u16le(0x20), let instruments = bytes.u16le(0x22), let patterns = bytes.u16le(0x24),
              let pattern = firstPattern(bytes, orders: 0x60, count: orders), pattern < patterns,
              let paragraph = bytes.u16le(0x60 + orders + 2 * instruments + 2 * pattern), paragraph != 0 else { return result }
        var position = paragraph * 16 + 2
        while let what = bytes.u8(position), what != 0 {
            position += 1
            if what & 0x20 != 0 { position += 2 }
            if what & 0x40 != 0 { position += 1 }
            if what & 0x80 != 0 {
                guard let command = bytes.u8(position), let info = bytes.u8(position + 1) else { break }
                position += 2
                result.applyImpulse(command: Int(command), value: Int(info))
            }
        }
        return result
    }

    /// IT and S3M number commands from 1 = A: A (1) sets the speed, T (20) the tempo from 0x20 on
    /// (below, T0x/T1x slide the tempo during the row and do not set the starting value).
    private mutating func applyImpulse(command: Int, value: Int) {
        if command == 1, value > 0 { speed = value }
        if command == 20, value >= 0x20 { tempo = value }
    }

    /// FastTracker 2: patterns follow the header (at 60 + header size), each a u32 header length,
    /// packing type, u16 rows, u16 packed size; cells packed by a flag byte with bit 7 set, else 5 bytes.
    static func fastTracker(_ bytes: ByteReader) -> TrackerFirstRow {
        var result = TrackerFirstRow()
        guard let headerSize = bytes.u32le(60), let songLength = bytes.u16le(64), let channels = bytes.u16le(68),
              let patterns = bytes.u16le(70), songLength > 0, let pattern = bytes.u8(80).map(Int.init),
              pattern < patterns, channels <= 128 else { return result }
        var start = 60 + headerSize
        for _ in 0..<pattern {
            guard let headerLength = bytes.u32le(start), let packed = bytes.u16le(start + 7) else { return result }
            start += headerLength + packed
        }
        guard let headerLength = bytes.u32le(start), let packed = bytes.u16le(start + 7), packed > 0 else { return result }
        var position = start + headerLength
        for _ in 0..<channels {
            guard let flags = bytes.u8(position) else { break }
            var effect = 0, parameter = 0
            if flags & 0x80 != 0 {
                position += 1
                if flags & 1 != 0 { position += 1 }
                if flags & 2 != 0 { position += 1 }
                if flags & 4 != 0 { position += 1 }
                if flags & 8 != 0 { effect = Int(bytes.u8(position) ?? 0); position += 1 }
                if flags & 16 != 0 { parameter = Int(bytes.u8(position) ?? 0); position += 1 }
            } else {
                effect = Int(bytes.u8(position + 3) ?? 0)
                parameter = Int(bytes.u8(position + 4) ?? 0)
                position += 5
            }
            if effect == 0x0f { result.apply(speedOrTempo: parameter) }
        }
        return result
    }
}
