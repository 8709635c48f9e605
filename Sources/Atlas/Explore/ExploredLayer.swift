// The exported patches back in the atlas as their own layer (origin `explored`): rendered and embedded as
// every other point, with a preview, placed on the map, and the report written again.
import Foundation
import GRDB
import Synthesis

public enum ExploredLayer {
    /// Adds `patches` (as written, in file order) under `files`, the files `ExploredBankWriter` wrote, replacing an
    /// earlier export to the same files; renders them and re-runs the analysis and the report of the atlas
    /// in `reportFolder`. Returns the report files written.
    @discardableResult
    public static func add(_ patches: [ExploredPatch], writtenTo files: [URL], store: AtlasStore, reportFolder: URL,
                           components: AtlasComponents, progress: @escaping (AtlasProgress) -> Void = { _ in }) throws -> [URL] {
        guard let first = patches.first, !files.isEmpty else { return [] }
        let lock = try AtlasLock(directory: reportFolder)
        defer { withExtendedLifetime(lock) {} }
        guard let model = components.models[first.patch.synthID] else { throw ExploreError("synth \(first.patch.synthID) is not built in") }
        let settings = try ExploreStore.renderSettings(store)
        let perFile = ExploredBankWriter.patchesPerFile(synth: model.schema.id)
        try store.write { db in
            for file in files { try forget(db, sourcePath: file.path) }
            for (index, explored) in patches.enumerated() {
                let file = files[min(index / perFile, files.count - 1)].path
                var patch = explored.patch
                patch.attributes["explore.origin"] = explored.origin
                patch.attributes["explore.distance"] = String(format: "%.3f", explored.distanceRatio)
                try CatalogStage.insert(db, key: PatchKey.explored(synth: model.schema.id, file: file, index: index), patch: patch,
                                        schema: model.schema, origin: .explored, collection: "explored", author: "presetatlas explore",
                                        sourcePath: file, sourceIndex: index % perFile, keepsPreview: true)
            }
            // The keys may be the same as an earlier export's, with other sounds: the analysis must run again.
            try db.execute(sql: "DELETE FROM stage WHERE name = 'analysis'")
        }
        progress(.stage("render"))
        try RenderStage.run(store: store, components: components, settings: settings, shard: .whole,
                            progress: { progress(.rendering(done: $0, total: $1)) })
        return try AtlasRun.analyseAndReport(store: store, out: reportFolder, components: components, seed: settings.seed,
                                             progress: progress).1
    }

    /// Removes the explored patches written to `sourcePath` and everything computed from them.
    static func forget(_ db: Database, sourcePath: String) throws {
        let keys = "SELECT key FROM patch WHERE origin = 'explored' AND sourcePath = ?"
        for table in ["mapPoint", "finding", "embedding", "render", "renderAttempt"] {
            try db.execute(sql: "DELETE FROM \(table) WHERE patchKey IN (\(keys))", arguments: [sourcePath])
        }
        try db.execute(sql: "DELETE FROM patch WHERE origin = 'explored' AND sourcePath = ?", arguments: [sourcePath])
    }
}
