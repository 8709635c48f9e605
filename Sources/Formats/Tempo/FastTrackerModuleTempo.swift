// Initial tempo of a FastTracker 2 Extended Module (`.xm`). Header layout from the XM format
// description (FT2 2.0x "xm.txt"): "Extended Module: " (17 bytes), module name (20), 0x1A,
// tracker name (20 bytes, e.g. "FastTracker v2.00", "MilkyTracker", "OpenMPT 1.28.01.00"),
// version (u16), header size (u32) at 60, then at 64: song length, restart, channels, patterns,
// instruments, flags, default speed (ticks per row) at 76 and default BPM at 78, all u16 LE.

enum FastTrackerModuleTempo {
    static func looksLike(_ bytes: ByteReader) -> Bool { bytes.matches(0, "Extended Module:") }

    static func read(_ bytes: ByteReader) throws -> TempoReading {
        guard let speed = bytes.u16le(76), let bpm = bytes.u16le(78) else { throw TempoReadError("XM header truncated") }
        guard bpm >= 32, bpm <= 255 else {
            // FT2 itself clamps the BPM field to 32...255 (its tempo knob's range).
            throw TempoReadError("XM header tempo \(bpm) BPM outside FastTracker's 32...255")
        }
        let tracker = bytes.text(38, 20).map(printable).flatMap { $0.isEmpty ? nil : $0 }
        let firstRow = TrackerFirstRow.fastTracker(bytes)
        return TempoReading(tool: "XM", writer: tracker, bpm: Double(firstRow.tempo ?? bpm), ticksPerRow: firstRow.speed ?? speed)
    }

    /// The tracker name reaches reports and terminals: printable ASCII only.
    static func printable(_ text: String) -> String {
        String(text.filter { $0.asciiValue.map { $0 >= 0x20 && $0 < 0x7f } ?? false })
    }
}
