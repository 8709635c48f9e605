// Stage 1: lists every patch of the atlas in the store (presets read from the sources, the init patch,
// random settings, sweeps), one transaction per source file and per synth, skipping what is there.
import Foundation
import GRDB
import Synthesis

/// What the catalog stage found.
public struct CatalogSummary: Sendable, Equatable {
    public var newSources = 0
    /// Sources read again because their content changed since the last run (included in `newSources`).
    public var changedSources = 0
    public var newBadInputs: [String] = []
    /// Inputs named in this run that are bad (found bad now, or unchanged since found bad): the run's
    /// exit status says whether there are any.
    public var badInputs = 0
    /// Sources gone from the folders named (deleted or moved) since the last run, removed from the atlas.
    public var vanishedSources = 0
    /// The paths behind `badInputs`.
    var badPaths = Set<String>()
    public var synths: [String] = []
}

public enum CatalogStage {
    /// A reader may put a preset's author in this attribute; the catalog moves it to its own column.
    public static let authorAttribute = "presetatlas.author"

    /// Catalogs `sourcePaths` (files or folders). Unreadable files become `badInput` rows, never errors.
    /// - Parameter root: paths under it are stored relative to it, so shards on machines with
    ///   different checkouts agree on keys.
    public static func run(store: AtlasStore, sourcePaths: [String], components: AtlasComponents,
                           settings: AtlasSettings, root: URL) throws -> CatalogSummary {
        var summary = CatalogSummary()
        let found = SourceDiscovery.files(in: sourcePaths)
        try recordDiscoveryProblems(found, store: store, root: root, summary: &summary)
        let catalog = SourceCatalog(store: store, components: components, root: root, previous: try PreviousReads(store),
                                    namedFiles: Set(sourcePaths.map { URL(fileURLWithPath: $0).standardizedFileURL.path }))
        for file in found.files { try catalog.add(file, summary: &summary) }
        summary.vanishedSources = try forgetVanished(store, sourcePaths: sourcePaths, found: found, root: root)
        summary.badInputs = summary.badPaths.count
        summary.synths = try generateForCataloguedSynths(store: store, components: components, settings: settings)
        return summary
    }

    /// Paths named that do not exist, and entries the folder walk could not take (links, unlistable folders).
    static func recordDiscoveryProblems(_ found: SourceDiscovery.Found, store: AtlasStore, root: URL,
                                        summary: inout CatalogSummary) throws {
        for path in found.missing {
            try recordBad(store, path: displayPath(URL(fileURLWithPath: path), root: root), problem: "no such file or folder",
                          summary: &summary)
        }
        for entry in found.problems {
            try recordBad(store, path: displayPath(URL(fileURLWithPath: entry.path), root: root), problem: entry.problem,
                          summary: &summary)
        }
    }

    /// The synths found in the sources (now or in an earlier run) get their init, random and sweep patches.
    static func generateForCataloguedSynths(store: AtlasStore, components: AtlasComponents,
                                            settings: AtlasSettings) throws -> [String] {
        let synths = try store.read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT synth FROM patch WHERE origin = 'preset' ORDER BY synth")
        }
        for synth in synths {
            guard let model = components.models[synth] else { continue }
            try generate(store: store, model: model, settings: settings)
        }
        return synths
    }

    /// Random patches per transaction: no transaction grows with `--random` (a million per synth is
    /// allowed), and a killed catalog keeps the chunks it committed.
    static let generatedPerTransaction = 4096

    /// Init, random and sweep patches of one synth, once. Random patches commit in index order, a chunk per
    /// transaction, so a resumed run starts after those stored; the stage row is written with the last chunk.
    static func generate(store: AtlasStore, model: any SynthModel, settings: AtlasSettings,
                         chunkSize: Int = generatedPerTransaction) throws {
        let schema = model.schema
        let drawsAttributes = model as? any DrawsRandomAttributes
        let stageName = "generate \(schema.id)"
        let (already, stored) = try store.read { db in
            (try Bool.fetchOne(db, sql: "SELECT 1 FROM stage WHERE name = ?", arguments: [stageName]) ?? false,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM patch WHERE synth = ? AND origin = 'random'",
                              arguments: [schema.id]) ?? 0)
        }
        guard !already else { return }
        let sampler = try PatchSampler(schema: schema, method: settings.sampler, seed: settings.seed)
        try store.write { db in
            try insert(db, key: PatchKey.initPatch(synth: schema.id), patch: schema.initPatch(name: "\(schema.name) init"),
                       schema: schema, origin: .initPatch, collection: "", author: "", sourcePath: "", sourceIndex: 0,
                       keepsPreview: true)
        }
        var next = min(stored, settings.randomCount)
        while next < settings.randomCount {
            let indices = next..<min(next + max(1, chunkSize), settings.randomCount)
            try store.write { db in
                for index in indices {
                    var patch = sampler.randomPatch(index: index)
                    if let drawsAttributes {
                        patch.attributes.merge(drawsAttributes.randomAttributes(seed: settings.seed, index: index)) { $1 }
                    }
                    try insert(db, key: PatchKey.random(synth: schema.id, index: index), patch: patch,
                               schema: schema, origin: .random, collection: "", author: "", sourcePath: "",
                               sourceIndex: index, keepsPreview: index < settings.randomPreviews)
                }
            }
            next = indices.upperBound
        }
        try store.write { db in
            for step in PatchSampler.sweeps(of: schema, steps: settings.sweepSteps) {
                try insert(db, key: PatchKey.sweep(synth: schema.id, parameterID: step.parameterID, step: step.step),
                           patch: step.patch, schema: schema, origin: .sweep, collection: "", author: "", sourcePath: "",
                           sourceIndex: step.step, keepsPreview: true, sweepParameter: step.parameterID)
            }
            try db.execute(sql: "INSERT INTO stage(name, fingerprint) VALUES (?, ?)",
                           arguments: [stageName, "\(settings.randomCount) \(settings.sampler.rawValue) \(settings.sweepSteps)"])
        }
    }

    static func insert(_ db: Database, key: String, patch: Patch, schema: SynthSchema, origin: PatchOrigin,
                       collection: String, author: String, sourcePath: String, sourceIndex: Int,
                       keepsPreview: Bool, sweepParameter: String? = nil) throws {
        // Values pass through the schema: NaN and out-of-range numbers from a file never reach an engine.
        var values: [String: Double] = [:]
        for spec in schema.parameters { values[spec.id] = patch.value(spec) }
        var attributes = patch.attributes
        attributes[authorAttribute] = nil
        // Prepared once per connection: generation inserts up to a million rows per synth.
        try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO patch(key, synth, origin, name, author, collection, sourcePath, sourceIndex,
                sweepParameter, sweepStep, valuesJSON, attributesJSON, keepsPreview)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [key, schema.id, origin.rawValue, patch.name, author, collection, sourcePath, sourceIndex,
                             sweepParameter, sweepParameter == nil ? nil : sourceIndex,
                             PatchJSON.encode(values), PatchJSON.encode(attributes), keepsPreview])
    }

    /// Records a file that gives no patches. `contentHash` is empty when the file could not be read at
    /// all, so the next run tries it again.
    static func recordBad(_ store: AtlasStore, path: String, problem: String, contentHash: String = "",
                          summary: inout CatalogSummary) throws {
        try store.write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO badInput(path, problem, contentHash) VALUES (?, ?, ?)",
                           arguments: [path, problem, contentHash])
        }
        summary.newBadInputs.append("\(path): \(problem)")
        summary.badPaths.insert(path)
    }

    /// Removes everything read from the source at `path` (its patches with their renders, embeddings and
    /// map points, its source or bad-input row) and the analysis built on it, before the file is read again.
    static func forget(_ store: AtlasStore, path: String) throws {
        try store.write { db in
            let keys = "SELECT key FROM patch WHERE origin = 'preset' AND sourcePath = ?"
            for table in ["mapPoint", "finding", "embedding", "render", "renderAttempt"] {
                try db.execute(sql: "DELETE FROM \(table) WHERE patchKey IN (\(keys))", arguments: [path])
            }
            try db.execute(sql: "DELETE FROM patch WHERE origin = 'preset' AND sourcePath = ?", arguments: [path])
            let removedPatches = db.changesCount
            try db.execute(sql: "DELETE FROM source WHERE path = ?", arguments: [path])
            try db.execute(sql: "DELETE FROM badInput WHERE path = ?", arguments: [path])
            if removedPatches > 0 { try db.execute(sql: "DELETE FROM stage WHERE name = 'analysis'") }
        }
    }

    /// `url` relative to `root` when inside it, else its absolute path.
    static func displayPath(_ url: URL, root: URL) -> String {
        let path = url.standardizedFileURL.resolvingSymlinksInPath().path
        let base = root.standardizedFileURL.resolvingSymlinksInPath().path
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    /// The problem alone: readers already name the file, the store's row names it again.
    static func oneLine(_ message: String, dropping path: String) -> String {
        var text = message.replacingOccurrences(of: "\n", with: " ")
        for prefix in [path + ": ", URL(fileURLWithPath: path).lastPathComponent + ": "] where text.hasPrefix(prefix) {
            text = String(text.dropFirst(prefix.count))
        }
        return text
    }
}
