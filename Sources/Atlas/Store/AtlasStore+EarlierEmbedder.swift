// A store whose embeddings an earlier version of the same embedder made. Its vectors would not mix with
// the new version's, and the store keeps no audio to embed again (only short previews), so every
// successful render and all that was computed from renders are dropped and the render stage does them
// again; the catalog (sources, patches, bad inputs) stays. Renders that failed stay failed: a patch whose
// render crashed a run is not tried again because the embedder changed.
import GRDB

/// An embedder identifier of the form "<name> v<N> <layout>" ("features descriptors v3 100").
struct EmbedderVersion: Equatable {
    var name: String
    var version: Int

    init(name: String, version: Int) {
        self.name = name
        self.version = version
    }

    init?(_ identifier: String) {
        let words = identifier.split(separator: " ")
        guard let index = words.firstIndex(where: { $0.count > 1 && $0.first == "v" && $0.dropFirst().allSatisfy { ("0"..."9").contains($0) } }),
              let version = Int(words[index].dropFirst()), index > 0 else { return nil }
        name = words[..<index].joined(separator: " ")
        self.version = version
    }
}

extension AtlasStore {
    /// The tables of work that depends on the embedding, emptied when an earlier embedder's is dropped.
    static let embeddingDependentTables = ["embedding", "renderAttempt", "mapPoint", "metric", "finding", "analysisNote", "invariance"]

    /// Drops the renders and everything computed from them when the store was made by an earlier version
    /// (same name, smaller number) of `identifier`'s embedder, and records `identifier` as the store's.
    /// - Returns: the earlier identifier when its work was dropped; nil for a new store, one made by this
    ///   embedder, or one made by another embedder or a later version (which `adopt(settings:)` refuses).
    public func dropWorkOfEarlierVersion(of identifier: String) throws -> String? {
        guard let new = EmbedderVersion(identifier) else { return nil }
        return try write { db in
            guard let stored = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'embedder'"),
                  let old = EmbedderVersion(stored), old.name == new.name, old.version < new.version else { return nil }
            for table in Self.embeddingDependentTables { try db.execute(sql: "DELETE FROM \(table)") }
            try db.execute(sql: "DELETE FROM render WHERE error IS NULL")
            try db.execute(sql: "DELETE FROM stage WHERE name = 'analysis'")
            try db.execute(sql: "UPDATE setting SET value = ? WHERE key = 'embedder'", arguments: [identifier])
            return stored
        }
    }
}
