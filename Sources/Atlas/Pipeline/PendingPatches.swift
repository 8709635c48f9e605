// The patches a render run still owes, read a chunk at a time in key order, so memory is bounded by
// the chunk and not by the atlas (`--random` allows a million patches per synth, each with its JSON).
import Foundation
import GRDB

enum PendingPatches {
    /// One page of unrendered patches with keys after `after`, in key order. The query walks the patch
    /// key index from `after` and probes the render key index for each row (no sort, no scan of rows
    /// before `after`); `PendingPatchesTests` checks the plan.
    static let chunkSQL = """
        SELECT p.key, p.synth, p.valuesJSON, p.attributesJSON, p.name, p.keepsPreview FROM patch p
        LEFT JOIN render r ON r.patchKey = p.key WHERE r.patchKey IS NULL AND p.key > ? ORDER BY p.key LIMIT ?
        """

    static func chunk(_ store: AtlasStore, after key: String, count: Int) throws -> [RenderStage.Pending] {
        try store.read { db in
            try Row.fetchAll(db, sql: chunkSQL, arguments: [key, count]).map(pending)
        }
    }

    /// The patches with these keys that are not rendered yet, in key order (the marks a killed run left:
    /// a batch at most, so small).
    static func withKeys(_ keys: [String], _ store: AtlasStore) throws -> [RenderStage.Pending] {
        try store.read { db in
            try keys.sorted().compactMap { key in
                try Row.fetchOne(db, sql: """
                    SELECT p.key, p.synth, p.valuesJSON, p.attributesJSON, p.name, p.keepsPreview FROM patch p
                    LEFT JOIN render r ON r.patchKey = p.key WHERE r.patchKey IS NULL AND p.key = ?
                    """, arguments: [key]).map(pending)
            }
        }
    }

    /// How many unrendered patches `shard` owns, counted over a cursor of keys (none kept).
    static func count(_ store: AtlasStore, shard: Shard) throws -> Int {
        try store.read { db in
            let keysSQL = "SELECT p.key FROM patch p LEFT JOIN render r ON r.patchKey = p.key WHERE r.patchKey IS NULL"
            guard shard.count > 1 else { return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM (\(keysSQL))") ?? 0 }
            var owned = 0
            let keys = try String.fetchCursor(db, sql: keysSQL)
            while let key = try keys.next() { if shard.owns(patchKey: key) { owned += 1 } }
            return owned
        }
    }

    private static func pending(_ row: Row) -> RenderStage.Pending {
        RenderStage.Pending(key: row["key"], synth: row["synth"], valuesJSON: row["valuesJSON"],
                            attributesJSON: row["attributesJSON"], name: row["name"], keepsPreview: row["keepsPreview"])
    }
}
