// The store and the pipeline: complete runs, resume after interruption, shards and merge, bad input.
import Foundation
import GRDB
import Testing
@testable import Atlas
import Formats
import Synthesis

/// Every table's content as comparable text (floats exactly, blobs by hash), ignoring row order.
func snapshot(_ store: AtlasStore, tables: [String]) throws -> [String: [String]] {
    try store.read { db in
        var out: [String: [String]] = [:]
        for table in tables {
            out[table] = try Row.fetchAll(db, sql: "SELECT * FROM \(table)").map { row in
                row.columnNames.map { column -> String in
                    let value = row[column] as DatabaseValue
                    if case .blob(let data) = value.storage { return "\(column)=blob:\(stableHash64(data.base64EncodedString()))" }
                    return "\(column)=\(value)"
                }.joined(separator: " ")
            }.sorted()
        }
        return out
    }
}

let resultTables = ["patch", "render", "embedding", "mapPoint", "metric", "finding", "source", "badInput", "setting"]

@Suite struct AtlasStoreTests {
    @Test func aWholeRunFillsEveryTableAndWritesTheReport() throws {
        let dir = try Fixtures.bank(count: 12)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("report")
        let result = try AtlasRun.run(sourcePaths: [dir.appendingPathComponent("bank").path], out: out,
                                      settings: Fixtures.settings, shard: .whole, components: Fixtures.components(), root: dir)
        let store = try AtlasStore(reportDirectory: out)
        let counts = try store.read { db in
            try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT origin, COUNT(*) AS n FROM patch GROUP BY origin")
                .map { ($0["origin"] as String, $0["n"] as Int) })
        }
        // 4 parameters x 3 sweep steps (the int knob 1...6 has 6 values, so 3 distinct steps).
        #expect(counts == ["preset": 12, "init": 1, "random": 40, "sweep": 12])
        let rows = try snapshot(store, tables: resultTables)
        #expect(rows["render"]?.count == 65)
        #expect(rows["embedding"]?.count == 65)
        #expect(rows["mapPoint"]?.count == 65)
        #expect(rows["source"]?.count == 12)
        #expect(result.analysis == .analysed(points: 65))
        for name in ["precision", "recall", "density", "coverage", "occupancy.presets"] {
            #expect(rows["metric"]!.contains { $0.contains("scope=\"toy\"") && $0.contains("name=\"\(name)\"") }, "\(name)")
        }
        #expect(result.reportFiles.map(\.lastPathComponent) == ["index.html", "data.js", "neighbours.js", "parameters.js"] + ReportWriter.resourceFiles
                                                               + ["map.svg", "summary.json", "summary.md", "previews"])
        // Every point keeps a preview: presets, the init patch, random settings and sweep steps.
        let previews = try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM render WHERE previewWAV IS NOT NULL") }
        #expect(previews == 65)
        // A second run finds nothing to do and changes nothing.
        let again = try AtlasRun.run(sourcePaths: [dir.appendingPathComponent("bank").path], out: out,
                                     settings: Fixtures.settings, shard: .whole, components: Fixtures.components(), root: dir)
        #expect(again.rendered == 0)
        #expect(again.analysis == .unchanged(points: 65))
        #expect(try snapshot(store, tables: resultTables) == rows)
    }

    @Test func resumingAfterAnInterruptionGivesTheUninterruptedResult() throws {
        let dir = try Fixtures.bank(count: 10)
        defer { try? FileManager.default.removeItem(at: dir) }
        let bank = dir.appendingPathComponent("bank").path
        let whole = dir.appendingPathComponent("whole"), resumed = dir.appendingPathComponent("resumed")
        _ = try AtlasRun.run(sourcePaths: [bank], out: whole, settings: Fixtures.settings, shard: .whole,
                             components: Fixtures.components(), root: dir)

        // Interrupted run: catalog, then only 21 renders (a batch and a bit), as if killed mid-stage.
        let store = try AtlasStore(reportDirectory: resumed)
        try store.adopt(settings: Fixtures.settings.pairs(embedder: ToyEmbedder().identifier))
        _ = try CatalogStage.run(store: store, sourcePaths: [bank], components: Fixtures.components(),
                                 settings: Fixtures.settings, root: dir)
        #expect(try RenderStage.run(store: store, components: Fixtures.components(), settings: Fixtures.settings,
                                    shard: .whole, limit: 21) == 21)
        #expect(try AnalysisStage.run(store: store, analysis: FirstTwoDimensionsMap(), seed: 11) == .waiting(pending: 63 - 21))
        // A transaction that fails half-way leaves no trace.
        #expect(throws: (any Error).self) {
            try store.write { db in
                try db.execute(sql: "INSERT INTO badInput(path, problem) VALUES ('half', 'written')")
                throw AtlasStoreError("killed")
            }
        }
        let resumedResult = try AtlasRun.run(sourcePaths: [bank], out: resumed, settings: Fixtures.settings, shard: .whole,
                                             components: Fixtures.components(), root: dir)
        #expect(resumedResult.rendered == 63 - 21)
        #expect(try snapshot(store, tables: resultTables) == snapshot(AtlasStore(reportDirectory: whole), tables: resultTables))
    }

    @Test func twoShardsMergedEqualOneRun() throws {
        let dir = try Fixtures.bank(count: 10)
        defer { try? FileManager.default.removeItem(at: dir) }
        let bank = dir.appendingPathComponent("bank").path
        let whole = dir.appendingPathComponent("whole")
        _ = try AtlasRun.run(sourcePaths: [bank], out: whole, settings: Fixtures.settings, shard: .whole,
                             components: Fixtures.components(), root: dir)
        var shardStores: [URL] = []
        var renderedPerShard: [Int] = []
        for k in 1...2 {
            let out = dir.appendingPathComponent("shard\(k)")
            let result = try AtlasRun.run(sourcePaths: [bank], out: out, settings: Fixtures.settings,
                                          shard: Shard(index: k, count: 2), components: Fixtures.components(), root: dir)
            #expect(result.analysis == nil)
            renderedPerShard.append(result.rendered)
            shardStores.append(out.appendingPathComponent(AtlasStore.fileName))
        }
        #expect(renderedPerShard.reduce(0, +) == 63)
        #expect(renderedPerShard.allSatisfy { $0 > 10 })   // both shards got real work
        let mergedDir = dir.appendingPathComponent("merged")
        let merged = try AtlasStore(reportDirectory: mergedDir)
        try merged.merge(shards: shardStores)
        try merged.merge(shards: shardStores)   // merging twice changes nothing
        let (outcome, files) = try AtlasRun.analyseAndReport(store: merged, out: mergedDir, components: Fixtures.components(), seed: 11)
        #expect(outcome == .analysed(points: 63))
        // index.html, data.js, neighbours.js, parameters.js, the page's scripts and style, map.svg, two summaries, previews/.
        #expect(files.count == 4 + ReportWriter.resourceFiles.count + 4)
        #expect(try snapshot(merged, tables: resultTables + ["stage"]) == snapshot(AtlasStore(reportDirectory: whole), tables: resultTables + ["stage"]))
    }

    @Test func shardsPartitionEveryKeyExactlyOnce() {
        let keys = (0..<1000).map { "synth|random|\($0)" }
        let shards = (1...7).map { Shard(index: $0, count: 7) }
        for key in keys { #expect(shards.filter { $0.owns(patchKey: key) }.count == 1) }
        let sizes = shards.map { s in keys.filter { s.owns(patchKey: $0) }.count }
        #expect(sizes.allSatisfy { $0 > 100 && $0 < 190 })
        #expect(Shard(parsing: "2/4") == Shard(index: 2, count: 4))
        for bad in ["0/4", "5/4", "x/2", "1", "1/0", "-1/3"] { #expect(Shard(parsing: bad) == nil, "\(bad)") }
    }

    @Test func badInputsAreRecordedOneLineEachAndTheRunGoesOn() throws {
        let dir = try Fixtures.bank(count: 8, extra: [
            "truncated.xml": "<presetatlas-preset version=\"1\" synth=\"toy\" name=\"cut\"><parameter id=\"pitchHz\" val",
            "nan.xml": "<presetatlas-preset synth=\"toy\" name=\"nan\"><parameter id=\"pitchHz\" value=\"nan\"/></presetatlas-preset>",
            "alien.xml": "<presetatlas-preset synth=\"moog\" name=\"alien\"/>",
            "notes.txt": "not a preset",
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("report")
        let result = try AtlasRun.run(sourcePaths: [dir.appendingPathComponent("bank").path, dir.appendingPathComponent("missing").path],
                                      out: out, settings: Fixtures.settings, shard: .whole, components: Fixtures.components(), root: dir)
        let bad = try AtlasStore(reportDirectory: out).read { db in
            try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT path, problem FROM badInput")
                .map { ($0["path"] as String, $0["problem"] as String) })
        }
        // notes.txt sits in a folder, so it is skipped, not an error; the missing folder is one.
        #expect(Set(bad.keys) == ["bank/truncated.xml", "bank/nan.xml", "bank/alien.xml", "missing"])
        #expect(bad["bank/nan.xml"]?.contains("no finite value") == true)
        #expect(bad["bank/alien.xml"]?.contains("moog") == true)
        #expect(bad.values.allSatisfy { !$0.contains("\n") && !$0.isEmpty })
        #expect(result.analysis == .analysed(points: 8 + 1 + 40 + 12))
        let summary = try String(contentsOf: out.appendingPathComponent("summary.md"), encoding: .utf8)
        #expect(summary.contains("bank/truncated.xml"))
    }

    @Test func aStoreRefusesOtherSettings() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("atlas-settings-\(UUID())")
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try AtlasStore(reportDirectory: dir)
        try store.adopt(settings: Fixtures.settings.pairs(embedder: "e"))
        try store.adopt(settings: Fixtures.settings.pairs(embedder: "e"))
        var other = Fixtures.settings
        other.seed = 12
        #expect(throws: AtlasStoreError.self) { try store.adopt(settings: other.pairs(embedder: "e")) }
    }

    @Test func aCorruptStoreIsOneLine() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("atlas-corrupt-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(repeating: 0x41, count: 5000).write(to: dir.appendingPathComponent(AtlasStore.fileName))
        do {
            _ = try AtlasStore(reportDirectory: dir)
            Issue.record("opened a corrupt store")
        } catch {
            #expect("\(error)".contains(AtlasStore.fileName))
            #expect(!"\(error)".contains("\n"))
        }
    }

    @Test func aSourceAddedLaterIsCataloguedAndTheAnalysisRedone() throws {
        let dir = try Fixtures.bank(count: 8)
        defer { try? FileManager.default.removeItem(at: dir) }
        let bank = dir.appendingPathComponent("bank")
        let out = dir.appendingPathComponent("report")
        let first = try AtlasRun.run(sourcePaths: [bank.path], out: out, settings: Fixtures.settings, shard: .whole,
                                     components: Fixtures.components(), root: dir)
        #expect(first.analysis == .analysed(points: 8 + 1 + 40 + 12))
        let extra = NativePreset(patch: Patch(synthID: "toy", name: "Late", values: ["pitchHz": 1500, "partials": 6]), author: "x")
        try extra.write(to: bank.appendingPathComponent("late.xml"), schema: Fixtures.synth.schema)
        let second = try AtlasRun.run(sourcePaths: [bank.path], out: out, settings: Fixtures.settings, shard: .whole,
                                      components: Fixtures.components(), root: dir)
        #expect(second.catalog.newSources == 1)
        #expect(second.rendered == 1)
        #expect(second.analysis == .analysed(points: 8 + 1 + 1 + 40 + 12))
    }
}
