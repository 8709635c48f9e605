// `presetatlas merge`: joins the stores of shards (same settings, disjoint renders) into one.
import Foundation
import GRDB

extension AtlasStore {
    /// Copies sources, bad inputs, patches, renders and embeddings of every store in `shards` into this
    /// one, skipping rows already here (so merging twice changes nothing). Each shard is one transaction.
    /// - Throws: when a shard was made with other settings.
    public func merge(shards: [URL]) throws {
        // Every shard is checked before any is merged: a bad one in the list leaves this store as it was.
        var expected: (shard: URL, settings: [String: String])?
        for shard in shards {
            guard FileManager.default.fileExists(atPath: shard.path) else {
                throw AtlasStoreError("\(shard.path): no such store")
            }
            try AtlasStore.checkIsAtlasOrEmpty(shard)
            let settings = try AtlasStore.readOnly(shard) { db in
                try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT key, value FROM setting")
                    .map { (row: Row) in (row["key"] as String, row["value"] as String) })
            }
            guard !settings.isEmpty else { throw AtlasStoreError("\(shard.path): store holds no atlas settings") }
            if let first = expected, first.settings != settings {
                throw AtlasStoreError("\(shard.path): made with other settings than \(first.shard.path); shards must share every setting")
            }
            expected = expected ?? (shard, settings)
        }
        if let expected, try !self.settings().isEmpty, try self.settings() != expected.settings {
            throw AtlasStoreError("\(url.path): made with other settings than \(expected.shard.path); merge into another --out")
        }
        for shard in shards {
            let other = try AtlasStore(url: shard)
            let settings = try other.settings()
            guard !settings.isEmpty else { throw AtlasStoreError("\(shard.path): store holds no atlas settings") }
            try adopt(settings: settings)
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "ATTACH DATABASE ? AS shard", arguments: [shard.path])
                defer { try? db.execute(sql: "DETACH DATABASE shard") }
                try db.inTransaction {
                    try db.execute(sql: """
                        INSERT OR IGNORE INTO main.source SELECT * FROM shard.source;
                        INSERT OR IGNORE INTO main.badInput SELECT * FROM shard.badInput;
                        INSERT OR IGNORE INTO main.patch SELECT * FROM shard.patch;
                        INSERT OR IGNORE INTO main.render SELECT * FROM shard.render;
                        INSERT OR IGNORE INTO main.embedding SELECT * FROM shard.embedding;
                        INSERT OR IGNORE INTO main.stage SELECT * FROM shard.stage WHERE name LIKE 'generate %';
                        """)
                    return .commit
                }
            }
        }
    }
}
