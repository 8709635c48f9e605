// Initial tempo of a Scream Tracker 3 module (`.s3m`). Header from the ST3 "TECH.DOC" layout:
// "SCRM" at 44; Cwt/v (u16 LE) at 40 names the tracker that saved it (high nibble 1 = Scream
// Tracker 3.xx, 2 Imago Orpheus, 3 Impulse Tracker, 4 Schism Tracker, 5 OpenMPT; the low 12 bits
// the version in BCD); initial speed at 49, initial tempo (BPM) at 50.

enum ScreamTrackerModuleTempo {
    static func looksLike(_ bytes: ByteReader) -> Bool { bytes.matches(44, "SCRM") }

    static func read(_ bytes: ByteReader) throws -> TempoReading {
        guard let speed = bytes.u8(49), let tempo = bytes.u8(50), let cwt = bytes.u16le(40) else {
            throw TempoReadError("S3M header truncated")
        }
        // ST3 ignores initial tempos below 33 and keeps 125 (the player's minimum tempo).
        let header = tempo >= 33 ? Int(tempo) : 125
        let firstRow = TrackerFirstRow.screamTracker(bytes)
        return TempoReading(tool: "S3M", writer: trackerName(cwt: cwt), bpm: Double(firstRow.tempo ?? header),
                            ticksPerRow: firstRow.speed ?? Int(speed),
                            origin: tempo >= 33 || firstRow.tempo != nil ? .stored : .keptDefault)
    }

    /// The tracker named by an S3M or IT Cwt/v field; its low 12 bits are the version in BCD.
    static func trackerName(cwt: Int) -> String? {
        let major = (cwt >> 8) & 0x0f
        let minor = String(format: "%02X", cwt & 0xff)
        switch cwt >> 12 {
        case 1: return "Scream Tracker \(major).\(minor)"
        case 2: return "Imago Orpheus \(major).\(minor)"
        case 3: return "Impulse Tracker \(major).\(minor)"
        case 4: return "Schism Tracker"
        case 5: return "OpenMPT"
        case 6: return "BeRoTracker"
        case 7: return "CreamTracker"
        default: return nil
        }
    }
}

import Foundation
