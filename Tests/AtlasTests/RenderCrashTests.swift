// A render that kills the process is recorded: each render's mark is in the store before it starts, and
// the next run skips a patch that crashed alone (reporting it) and re-renders a crashed batch one by one.
import Foundation
import GRDB
import Testing
@testable import Atlas
import Synthesis

/// The toy synth, noting how many render marks another connection sees when each render starts.
struct MarkWatchingSynth: SynthModel {
    final class Seen: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var counts: [Int] = []
        func add(_ count: Int) { lock.lock(); counts.append(count); lock.unlock() }
    }
    let storeURL: URL
    let seen = Seen()
    var schema: SynthSchema { Fixtures.synth.schema }

    func render(_ patch: Patch, settings: RenderSettings) throws -> AudioBuffer {
        let marks = (try? AtlasStore.readOnly(storeURL) { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM renderAttempt") }) ?? nil
        seen.add(marks ?? -1)
        return try Fixtures.synth.render(patch, settings: settings)
    }
}

@Suite struct RenderCrashTests {
    static func catalogued(_ dir: URL, settings: AtlasSettings = Fixtures.settings) throws -> AtlasStore {
        let store = try AtlasStore(reportDirectory: dir.appendingPathComponent("report"))
        try store.adopt(settings: settings.pairs(embedder: ToyEmbedder().identifier))
        _ = try CatalogStage.run(store: store, sourcePaths: [dir.appendingPathComponent("bank").path],
                                 components: Fixtures.components(), settings: settings, root: dir)
        return store
    }

    @Test func everyRenderIsMarkedInTheStoreBeforeItStarts() throws {
        let dir = try Fixtures.bank(count: 4)
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try Self.catalogued(dir)
        let watcher = MarkWatchingSynth(storeURL: store.url)
        var components = Fixtures.components()
        components.models["toy"] = watcher
        let rendered = try RenderStage.run(store: store, components: components, settings: Fixtures.settings, shard: .whole)
        #expect(rendered == 4 + 1 + 40 + 12)
        #expect(watcher.seen.counts.count == rendered)
        // Another process (the next run, after a crash) would have found the mark of every render.
        #expect(watcher.seen.counts.allSatisfy { $0 >= 1 })
        #expect(try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM renderAttempt") } == 0)
    }

    @Test func theNextRunSkipsAPatchThatCrashedAloneAndRetriesACrashedBatchOneByOne() throws {
        let dir = try Fixtures.bank(count: 4)
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try Self.catalogued(dir)
        let keys = try store.read { db in try String.fetchAll(db, sql: "SELECT key FROM patch WHERE origin = 'preset' ORDER BY key") }
        // What a killed run leaves: the first preset was rendering alone, the others in a batch.
        try RenderAttempts.mark([keys[0]], .alone, in: store)
        try RenderAttempts.mark(Array(keys[1...]), .inBatch, in: store)
        var crashed: [String] = []
        let rendered = try RenderStage.run(store: store, components: Fixtures.components(), settings: Fixtures.settings,
                                           shard: .whole, crashed: { crashed.append($0) })
        #expect(rendered == 4 + 1 + 40 + 12)
        #expect(crashed == [keys[0]])
        let errors = try store.read { db in
            try Row.fetchAll(db, sql: "SELECT patchKey, error FROM render WHERE error IS NOT NULL").map { ($0["patchKey"] as String, $0["error"] as String) }
        }
        #expect(errors.map(\.0) == [keys[0]])
        #expect(errors.first?.1 == RenderAttempts.crashMessage)
        let embedded = try store.read { db in try String.fetchAll(db, sql: "SELECT patchKey FROM embedding") }
        #expect(Set(keys[1...]).isSubset(of: Set(embedded)) && !embedded.contains(keys[0]))
        #expect(try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM renderAttempt") } == 0)
        // The atlas goes on without it.
        #expect(try AnalysisStage.run(store: store, analysis: FirstTwoDimensionsMap(), seed: 11) == .analysed(points: 3 + 1 + 40 + 12))
    }
}
