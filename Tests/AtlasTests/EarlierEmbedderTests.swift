// An atlas made by an earlier version of the embedder is rendered and embedded again by a later one,
// keeping its catalog and its failed renders; an older version or another embedder is still refused.
import Foundation
import GRDB
import Testing
@testable import Atlas
import Synthesis

/// The toy embedder under a versioned name, replacing its earlier versions as the built-in one does.
struct VersionedToyEmbedder: Embedder {
    var version: Int
    var identifier: String { "toy descriptors v\(version) 4" }
    var supersedesEarlierVersions: Bool { true }
    func embed(_ audio: AudioBuffer, settings: RenderSettings) throws -> [Float] {
        try ToyEmbedder().embed(audio, settings: settings)
    }
}

@Suite struct EarlierEmbedderTests {
    func run(_ dir: URL, version: Int, notes: inout [String]) throws -> AtlasRunResult {
        var components = Fixtures.components()
        components.embedder = VersionedToyEmbedder(version: version)
        var heard: [String] = []
        let result = try AtlasRun.run(sourcePaths: [dir.appendingPathComponent("bank").path], out: dir.appendingPathComponent("report"),
                                      settings: Fixtures.settings, shard: .whole, components: components, root: dir,
                                      progress: { if case .note(let line) = $0 { heard.append(line) } })
        notes = heard
        return result
    }

    @Test func aLaterVersionRendersAndEmbedsAgainAndKeepsTheCatalog() throws {
        let dir = try Fixtures.bank(count: 12)
        defer { try? FileManager.default.removeItem(at: dir) }
        var notes: [String] = []
        let first = try run(dir, version: 2, notes: &notes)
        #expect(first.rendered == 65 && notes.isEmpty)
        let store = try AtlasStore(reportDirectory: dir.appendingPathComponent("report"))
        // One render marked failed (as a render that threw): it must stay failed, not be tried again.
        let failedKey = try store.write { db -> String in
            let key = try String.fetchOne(db, sql: "SELECT patchKey FROM render ORDER BY patchKey LIMIT 1")!
            try db.execute(sql: "UPDATE render SET error = 'engine threw' WHERE patchKey = ?", arguments: [key])
            try db.execute(sql: "DELETE FROM embedding WHERE patchKey = ?", arguments: [key])
            return key
        }
        let catalogBefore = try snapshot(store, tables: ["patch", "source", "badInput"])

        let second = try run(dir, version: 3, notes: &notes)
        #expect(second.rendered == 64)
        #expect(notes.count == 1)
        #expect(notes.first?.contains("made with embedder toy descriptors v2 4; rendering and embedding every patch again with toy descriptors v3 4") == true)
        #expect(try snapshot(store, tables: ["patch", "source", "badInput"]) == catalogBefore)
        #expect(try store.settings()["embedder"] == "toy descriptors v3 4")
        let (embedded, failed) = try store.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM embedding")!,
             try String.fetchOne(db, sql: "SELECT error FROM render WHERE patchKey = ?", arguments: [failedKey]))
        }
        #expect(embedded == 64)
        #expect(failed == "engine threw")
        #expect(second.analysis == .analysed(points: 64))

        // Run again with the same version: nothing to redo.
        let third = try run(dir, version: 3, notes: &notes)
        #expect(third.rendered == 0 && notes.isEmpty)
    }

    @Test func anEarlierVersionOrAnotherEmbedderIsStillRefused() throws {
        let dir = try Fixtures.bank(count: 3)
        defer { try? FileManager.default.removeItem(at: dir) }
        var notes: [String] = []
        _ = try run(dir, version: 3, notes: &notes)
        #expect(throws: AtlasStoreError.self) { try run(dir, version: 2, notes: &notes) }
        var components = Fixtures.components()
        components.embedder = ToyEmbedder()   // "toy descriptors v1": another name, and it does not supersede
        #expect(throws: AtlasStoreError.self) {
            try AtlasRun.run(sourcePaths: [dir.appendingPathComponent("bank").path], out: dir.appendingPathComponent("report"),
                             settings: Fixtures.settings, shard: .whole, components: components, root: dir)
        }
        let store = try AtlasStore(reportDirectory: dir.appendingPathComponent("report"))
        #expect(try store.settings()["embedder"] == "toy descriptors v3 4")
    }

    @Test func versionsAreReadFromTheIdentifier() {
        #expect(EmbedderVersion("features descriptors v3 100") == EmbedderVersion(name: "features descriptors", version: 3))
        #expect(EmbedderVersion("toy descriptors v12") == EmbedderVersion(name: "toy descriptors", version: 12))
        for other in ["imported v2.npy 512d 9f3a", "v3 100", "toy v+3 4", "toy v 4", "no version at all"] {
            #expect(EmbedderVersion(other) == nil, "\(other)")
        }
    }
}
