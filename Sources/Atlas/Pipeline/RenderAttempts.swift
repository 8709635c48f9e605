// Marks of renders in flight, committed before the render starts: when a render kills the process
// (a crash no `catch` sees), the next run finds the mark and knows which patches were being rendered.
import Foundation
import GRDB

enum RenderAttempts {
    enum Kind: Int {
        /// Rendered with others: any of the batch may have caused a crash.
        case inBatch = 0
        /// Rendered alone: a crash was this patch's.
        case alone = 1
    }

    static let crashMessage = "the render crashed the process in an earlier run; skipped"

    /// The marks a killed run left behind, by patch key.
    static func left(in store: AtlasStore) throws -> [String: Kind] {
        try store.read { db in
            var marks: [String: Kind] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT patchKey, kind FROM renderAttempt") {
                marks[row["patchKey"]] = Kind(rawValue: row["kind"]) ?? .inBatch
            }
            return marks
        }
    }

    /// Records that `keys` are about to be rendered (one transaction, committed before rendering).
    static func mark(_ keys: [String], _ kind: Kind, in store: AtlasStore) throws {
        try store.write { db in
            for key in keys {
                try db.execute(sql: "INSERT OR REPLACE INTO renderAttempt(patchKey, kind) VALUES (?, ?)",
                               arguments: [key, kind.rawValue])
            }
        }
    }
}
