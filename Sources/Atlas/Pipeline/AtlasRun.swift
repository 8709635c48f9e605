// The whole atlas job: catalog, render and embed (this shard), analyse, report. Each stage resumes.
import Foundation
import GRDB

/// What a run did, for the command line to print.
public struct AtlasRunResult: Sendable {
    public var catalog: CatalogSummary
    public var rendered: Int
    /// Patches whose render killed an earlier run: recorded as failed and skipped, not rendered again.
    public var crashedPatches: [String] = []
    public var analysis: AnalysisStage.Outcome?
    public var reportFiles: [URL]
}

/// Progress of a run: the stage and, while rendering, done / total.
public enum AtlasProgress: Sendable {
    case stage(String)
    case rendering(done: Int, total: Int)
    /// Something the user should know before the work starts (one line).
    case note(String)
}

public enum AtlasRun {
    /// Runs every stage for `sourcePaths` into the report folder `out`. A shard run (`shard.count > 1`)
    /// stops after rendering; `merge` then analyses and reports the joined stores.
    public static func run(sourcePaths: [String], out: URL, settings: AtlasSettings, shard: Shard,
                           components: AtlasComponents, root: URL,
                           progress: @escaping (AtlasProgress) -> Void = { _ in }) throws -> AtlasRunResult {
        let lock = try AtlasLock(directory: out)
        defer { withExtendedLifetime(lock) {} }
        let store = try AtlasStore(reportDirectory: out)
        let embedder = components.embedder.identifier
        if components.embedder.supersedesEarlierVersions, let earlier = try store.dropWorkOfEarlierVersion(of: embedder) {
            progress(.note("\(store.url.path): made with embedder \(earlier); rendering and embedding every patch again with \(embedder)"))
        }
        try store.adopt(settings: settings.pairs(embedder: embedder))
        progress(.stage("catalog"))
        let catalog = try CatalogStage.run(store: store, sourcePaths: sourcePaths, components: components,
                                           settings: settings, root: root)
        if let imported = components.embedder as? ImportedEmbedder {
            let keys = try store.read { db in try String.fetchAll(db, sql: "SELECT key FROM patch ORDER BY key") }
            let problems = imported.mismatches(catalogKeys: keys)
            if !problems.isEmpty { throw ImportedEmbeddingError(lines: problems) }
        }
        progress(.stage("render"))
        var crashed: [String] = []
        let rendered = try RenderStage.run(store: store, components: components, settings: settings, shard: shard,
                                           progress: { progress(.rendering(done: $0, total: $1)) },
                                           crashed: { crashed.append($0) })
        guard shard.count == 1 else {
            return AtlasRunResult(catalog: catalog, rendered: rendered, crashedPatches: crashed, analysis: nil, reportFiles: [])
        }
        let (analysis, files) = try analyseAndReport(store: store, out: out, components: components,
                                                     seed: settings.seed, progress: progress)
        return AtlasRunResult(catalog: catalog, rendered: rendered, crashedPatches: crashed, analysis: analysis, reportFiles: files)
    }

    /// Analysis and report of a complete store (after a whole run or a merge).
    public static func analyseAndReport(store: AtlasStore, out: URL, components: AtlasComponents, seed: UInt64,
                                        progress: @escaping (AtlasProgress) -> Void = { _ in })
        throws -> (AnalysisStage.Outcome, [URL]) {
        progress(.stage("analysis"))
        if try AnalysisStage.pendingCount(store) == 0 { try InvarianceStage.run(store: store, components: components) }
        let outcome = try AnalysisStage.run(store: store, analysis: components.analysis, seed: seed)
        if case .waiting = outcome { return (outcome, []) }
        progress(.stage("report"))
        let files = try ReportWriter.write(store: store, to: out)
        return (outcome, files)
    }
}
