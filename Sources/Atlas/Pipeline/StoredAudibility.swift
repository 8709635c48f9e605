// The one audibility rule (Features.Audibility) applied to renders as the store keeps them.
import Features
import Foundation
import GRDB

enum StoredAudibility {
    /// The short-term level of a stored render. Renders stored before the level was kept (store
    /// migration v5) have only their whole-render RMS, which is never above the short-term level, so
    /// such a render counts as audible only when that lower bound already passes the rule.
    static func levelDecibels(stored: Double?, rms: Double) -> Double {
        stored ?? max(Audibility.floorDecibels, 20 * log10(max(rms, 1e-12)))
    }

    static func isAudible(_ row: Row) -> Bool {
        Audibility.isAudible(levelDecibels: levelDecibels(stored: row["levelDecibels"], rms: row["rms"]))
    }

    /// Rendered (without error) but inaudible patches, by synth and origin: kept in the store, never
    /// embedded or placed among sounds, counted in the analysis and the report.
    static func inaudibleCounts(_ db: Database) throws -> [String: [PatchOrigin: Int]] {
        var counts: [String: [PatchOrigin: Int]] = [:]
        // A cursor: a million renders are counted without holding their rows.
        let rows = try Row.fetchCursor(db, sql: """
            SELECT p.synth, p.origin, r.rms, r.levelDecibels FROM patch p JOIN render r ON r.patchKey = p.key
            WHERE r.error IS NULL
            """)
        while let row = try rows.next() {
            guard !isAudible(row) else { continue }
            counts[row["synth"], default: [:]][PatchOrigin(rawValue: row["origin"]) ?? .random, default: 0] += 1
        }
        return counts
    }
}
