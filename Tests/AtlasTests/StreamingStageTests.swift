// Stages at scale: render reads its pending patches a chunk at a time (memory bounded by the chunk, not by
// the atlas), the catalog commits random patches a chunk per transaction, a killed run resumes where it
// stopped, and the per-chunk queries walk indexes instead of scanning or sorting the patch table.
import Foundation
import GRDB
import Testing
@testable import Atlas
import Synthesis

@Suite struct StreamingStageTests {
    /// 10 presets, the init patch, 40 random settings and 4 parameters x 3 sweep steps.
    static let patchCount = 10 + 1 + 40 + 12

    @Test func renderHoldsAtMostAChunkOfPendingRowsAtOnce() throws {
        let dir = try Fixtures.bank(count: 10)
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try RenderCrashTests.catalogued(dir)
        var chunks: [Int] = []
        let rendered = try RenderStage.run(store: store, components: Fixtures.components(), settings: Fixtures.settings,
                                           shard: .whole, chunkSize: 8, loaded: { chunks.append($0) })
        #expect(rendered == Self.patchCount)
        #expect(chunks.max() == 8)
        // Every pending row read exactly once: 63 rows in chunks of 8 are 7 full chunks and one of 7.
        #expect(chunks == Array(repeating: 8, count: 7) + [7])
        #expect(try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM render") } == Self.patchCount)
    }

    @Test func aResumedRenderReadsOnlyWhatTheKilledRunLeftAndEndsAsAnUninterruptedOne() throws {
        let dir = try Fixtures.bank(count: 10)
        defer { try? FileManager.default.removeItem(at: dir) }
        let whole = try RenderCrashTests.catalogued(dir)
        try RenderStage.run(store: whole, components: Fixtures.components(), settings: Fixtures.settings, shard: .whole)

        let resumedDir = try Fixtures.bank(count: 10)
        defer { try? FileManager.default.removeItem(at: resumedDir) }
        let resumed = try RenderCrashTests.catalogued(resumedDir)
        // Killed after 21 renders (two chunks of 8 and part of a third).
        #expect(try RenderStage.run(store: resumed, components: Fixtures.components(), settings: Fixtures.settings,
                                    shard: .whole, limit: 21, chunkSize: 8) == 21)
        var chunks: [Int] = []
        let rest = try RenderStage.run(store: resumed, components: Fixtures.components(), settings: Fixtures.settings,
                                       shard: .whole, chunkSize: 8, loaded: { chunks.append($0) })
        #expect(rest == Self.patchCount - 21)
        // The rendered rows are skipped by the query, not read and dropped: 42 rows, 5 chunks of 8 and one of 2.
        #expect(chunks == Array(repeating: 8, count: 5) + [2])
        #expect(try snapshot(resumed, tables: ["render", "embedding"]) == snapshot(whole, tables: ["render", "embedding"]))
    }

    @Test func twoShardsReadInChunksRenderEveryPatchOnce() throws {
        let dir = try Fixtures.bank(count: 10)
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try RenderCrashTests.catalogued(dir)
        var chunks: [Int] = []
        let first = try RenderStage.run(store: store, components: Fixtures.components(), settings: Fixtures.settings,
                                        shard: Shard(index: 1, count: 2), chunkSize: 5, loaded: { chunks.append($0) })
        let second = try RenderStage.run(store: store, components: Fixtures.components(), settings: Fixtures.settings,
                                         shard: Shard(index: 2, count: 2), chunkSize: 5, loaded: { chunks.append($0) })
        #expect(first > 0 && second > 0)
        #expect(first + second == Self.patchCount)
        #expect(chunks.allSatisfy { $0 <= 5 })
        #expect(try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM render") } == Self.patchCount)
    }

    @Test func aCatalogKilledBetweenChunksGeneratesTheSamePatchesWhenResumed() throws {
        let dir = try Fixtures.bank(count: 10)
        defer { try? FileManager.default.removeItem(at: dir) }
        let whole = try RenderCrashTests.catalogued(dir)
        let resumedDir = try Fixtures.bank(count: 10)
        defer { try? FileManager.default.removeItem(at: resumedDir) }
        let resumed = try RenderCrashTests.catalogued(resumedDir)
        // What a catalog killed after two committed chunks of 7 leaves: the init patch and random 0-13, no
        // sweeps and no stage row.
        try resumed.write { db in
            try db.execute(sql: "DELETE FROM patch WHERE origin = 'sweep' OR (origin = 'random' AND sourceIndex >= 14)")
            try db.execute(sql: "DELETE FROM stage WHERE name = 'generate toy'")
        }
        #expect(try resumed.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM patch") } == 10 + 1 + 14)
        try CatalogStage.generate(store: resumed, model: Fixtures.synth, settings: Fixtures.settings, chunkSize: 7)
        #expect(try snapshot(resumed, tables: ["patch"]) == snapshot(whole, tables: ["patch"]))
    }

    /// The plan's lines, e.g. "SEARCH p USING INDEX sqlite_autoindex_patch_1 (key>?)".
    static func plan(_ store: AtlasStore, _ sql: String, _ arguments: StatementArguments) throws -> [String] {
        try store.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments).map { $0["detail"] as String }
        }
    }

    @Test func perChunkQueriesSearchIndexesWithoutScanningOrSorting() throws {
        let dir = try Fixtures.bank(count: 2)
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try RenderCrashTests.catalogued(dir)
        let chunk = try Self.plan(store, PendingPatches.chunkSQL, ["toy|random|0000010", 8])
        #expect(chunk.contains { $0.hasPrefix("SEARCH p USING") && $0.contains("(key>?)") }, "\(chunk)")
        #expect(chunk.contains { $0.hasPrefix("SEARCH r USING") && $0.contains("(patchKey=?)") }, "\(chunk)")
        #expect(!chunk.contains { $0.contains("SCAN") || $0.contains("TEMP B-TREE") }, "\(chunk)")
        let resume = try Self.plan(store, "SELECT COUNT(*) FROM patch WHERE synth = ? AND origin = 'random'", ["toy"])
        #expect(resume.contains { $0.contains("patchBySynth") } && !resume.contains { $0.contains("SCAN") }, "\(resume)")
        let forget = try Self.plan(store, "SELECT key FROM patch WHERE origin = 'preset' AND sourcePath = ?", ["bank/p0.xml"])
        #expect(forget.contains { $0.contains("patchBySource") } && !forget.contains { $0.contains("SCAN") }, "\(forget)")
    }
}

/// At scale only a sample of the random settings keeps a preview; everything else always does.
@Suite struct RandomPreviewLimitTests {
    @Test func onlyTheFirstRandomSettingsKeepAPreviewAndTheRenderStageEncodesNoOther() throws {
        let dir = try Fixtures.bank(count: 10)
        defer { try? FileManager.default.removeItem(at: dir) }
        var settings = Fixtures.settings
        settings.randomPreviews = 15
        let store = try RenderCrashTests.catalogued(dir, settings: settings)
        try RenderStage.run(store: store, components: Fixtures.components(), settings: settings, shard: .whole)
        let rows = try store.read { db in
            try Row.fetchAll(db, sql: """
                SELECT p.origin, p.sourceIndex, r.previewWAV IS NOT NULL AS hasPreview FROM patch p JOIN render r ON r.patchKey = p.key
                """)
        }
        let random = rows.filter { ($0["origin"] as String) == "random" }
        #expect(random.count == 40)
        #expect(random.filter { $0["hasPreview"] as Bool }.map { $0["sourceIndex"] as Int }.sorted() == Array(0..<15))
        #expect(rows.filter { ($0["origin"] as String) != "random" }.allSatisfy { $0["hasPreview"] as Bool },
                "presets, the init patch and sweeps keep theirs")
        // The limit is part of the atlas's settings only where it leaves random settings without a preview.
        #expect(settings.pairs(embedder: "e")["randomPreviews"] == "15")
        #expect(Fixtures.settings.pairs(embedder: "e")["randomPreviews"] == nil)
    }
}
