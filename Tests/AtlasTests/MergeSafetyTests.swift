// `merge` checks every input before it writes anything: another program's SQLite file is refused and
// left byte for byte as it was, and a bad shard late in the list leaves the merged store unchanged.
import Foundation
import GRDB
import Testing
@testable import Atlas

@Suite struct MergeSafetyTests {
    /// An SQLite file of another program (a notes app), with one table and one row.
    static func foreignDatabase(at url: URL) throws {
        let queue = try DatabaseQueue(path: url.path)
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO note(text) VALUES ('keep me')")
        }
        try queue.close()
    }

    static func shard(_ index: Int, of count: Int, bank: URL, dir: URL) throws -> URL {
        let out = dir.appendingPathComponent("shard\(index)")
        _ = try AtlasRun.run(sourcePaths: [bank.path], out: out, settings: Fixtures.settings,
                             shard: Shard(index: index, count: count), components: Fixtures.components(), root: dir)
        return out.appendingPathComponent(AtlasStore.fileName)
    }

    @Test func aForeignSQLiteFileIsRefusedAndLeftUntouched() throws {
        let dir = try Fixtures.bank(count: 4)
        defer { try? FileManager.default.removeItem(at: dir) }
        let foreign = dir.appendingPathComponent("notes.sqlite")
        try Self.foreignDatabase(at: foreign)
        let before = try Data(contentsOf: foreign)
        let good = try Self.shard(1, of: 2, bank: dir.appendingPathComponent("bank"), dir: dir)

        let merged = try AtlasStore(reportDirectory: dir.appendingPathComponent("merged"))
        do {
            try merged.merge(shards: [good, foreign])
            Issue.record("merged a foreign file")
        } catch {
            #expect("\(error)".contains("notes.sqlite: an SQLite file but not an atlas store"))
        }
        #expect(try Data(contentsOf: foreign) == before)
        // The good shard listed first was not merged either.
        #expect(try merged.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM patch") } == 0)
        // Nor is it opened as a store directly.
        #expect(throws: AtlasStoreError.self) { _ = try AtlasStore(url: foreign) }
        #expect(try Data(contentsOf: foreign) == before)
    }

    @Test func aShardWithOtherSettingsLeavesTheMergedStoreAsItWas() throws {
        let dir = try Fixtures.bank(count: 4)
        defer { try? FileManager.default.removeItem(at: dir) }
        let bank = dir.appendingPathComponent("bank")
        let first = try Self.shard(1, of: 2, bank: bank, dir: dir)
        var other = Fixtures.settings
        other.seed = 99
        let odd = dir.appendingPathComponent("odd")
        _ = try AtlasRun.run(sourcePaths: [bank.path], out: odd, settings: other, shard: Shard(index: 2, count: 2),
                             components: Fixtures.components(), root: dir)
        let merged = try AtlasStore(reportDirectory: dir.appendingPathComponent("merged"))
        #expect(throws: AtlasStoreError.self) {
            try merged.merge(shards: [first, odd.appendingPathComponent(AtlasStore.fileName)])
        }
        #expect(try merged.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM patch") } == 0)
        #expect(try merged.settings().isEmpty)
    }
}
