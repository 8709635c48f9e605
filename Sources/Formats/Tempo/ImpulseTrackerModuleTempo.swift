// Initial tempo of an Impulse Tracker module (`.it`). Header from ITTECH.TXT: "IMPM" at 0;
// Cwt/v (u16 LE, "created with tracker") at 40: 0x02xx is Impulse Tracker 2.xx itself, 0x1xxx
// Schism Tracker, 0x5xxx OpenMPT (0x0888 OpenMPT in compatibility mode); initial speed at 50,
// initial tempo (BPM) at 51.

enum ImpulseTrackerModuleTempo {
    static func looksLike(_ bytes: ByteReader) -> Bool { bytes.matches(0, "IMPM") }

    static func read(_ bytes: ByteReader) throws -> TempoReading {
        guard let speed = bytes.u8(50), let tempo = bytes.u8(51), let cwt = bytes.u16le(40) else {
            throw TempoReadError("IT header truncated")
        }
        guard tempo >= 31 else { throw TempoReadError("IT header tempo \(tempo) BPM below Impulse Tracker's minimum 31") }
        let firstRow = TrackerFirstRow.impulseTracker(bytes)
        return TempoReading(tool: "IT", writer: trackerName(cwt: cwt), bpm: Double(firstRow.tempo ?? Int(tempo)),
                            ticksPerRow: firstRow.speed ?? Int(speed))
    }

    static func trackerName(cwt: Int) -> String? {
        switch cwt {
        case 0x0888: return "OpenMPT"
        case 0x0100..<0x1000: return String(format: "Impulse Tracker %X.%02X", cwt >> 8, cwt & 0xff)
        case 0x1000..<0x2000: return "Schism Tracker"
        case 0x5000..<0x6000: return "OpenMPT"
        default: return nil
        }
    }
}

import Foundation
