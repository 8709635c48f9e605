// `explore`: playable, far, spread-out patches, written as files that give back the same sound.
import Foundation
import Formats
import GRDB
import SoundSpace
import Synthesis
import Testing
@testable import Atlas

@Suite struct ExploreTests {
    @Test func spreadOutStartsFarthestFromTheBankThenSpreads() throws {
        // Candidates on a line at 0, 1, 2, 10, 11, 20; the bank's distances favour index 5 (at 20).
        let points = try Matrix([[0], [1], [2], [10], [11], [20]])
        let toBank = [0.1, 0.2, 0.3, 0.5, 0.6, 0.9]
        let chosen = UnexploredSelection.spreadOut(points, eligible: Array(0..<6), distanceToBank: toBank, count: 3)
        // 20 first; then 0 (20 away); then 10 or 11: 10 is 10 from both ends, 11 is 9 from 20.
        #expect(chosen == [5, 0, 3])
        // Ineligible rows are never chosen, and no more than the eligible ones.
        #expect(UnexploredSelection.spreadOut(points, eligible: [1, 2], distanceToBank: toBank, count: 5) == [2, 1])
    }

    @Test func bankSpacingIsTheMedianNearestNeighbourDistance() throws {
        // Presets at 0, 1, 3, 7: nearest-other distances 1, 1, 2, 4 -> median (upper) 2.
        #expect(UnexploredSelection.bankSpacing(try Matrix([[0], [1], [3], [7]])) == 2)
    }

    @Test func thePlayableRuleNamesWhatIsWrong() {
        let rule = PlayableRule()
        let names = ["pitch.voiced.fraction", "pitch.stability.cents_std"]
        #expect(rule.rejection(levelDecibels: -50.5, peak: 0.1, raw: [1, 0], names: names, tonal: true)?.hasPrefix("inaudible") == true)
        #expect(rule.rejection(levelDecibels: -14, peak: 1.0, raw: [1, 0], names: names, tonal: true) == "clipping")
        #expect(rule.rejection(levelDecibels: -14, peak: 0.5, raw: [0.2, 0], names: names, tonal: true)?.hasPrefix("no stable pitch") == true)
        #expect(rule.rejection(levelDecibels: -14, peak: 0.5, raw: [0.9, 80], names: names, tonal: true)?.hasPrefix("pitch wanders") == true)
        #expect(rule.rejection(levelDecibels: -14, peak: 0.5, raw: [0.9, 10], names: names, tonal: true) == nil)
        #expect(rule.rejection(levelDecibels: -14, peak: 0.5, raw: [0.2, 80], names: names, tonal: false) == nil)
    }

    @Test func exportNamesFitADX7VoiceAndSayWhereTheyCameFrom() {
        #expect(ExploreRun.exportName(source: .random, rank: 7, presetName: nil) == "EMPTY 07")
        #expect(ExploreRun.exportName(source: .search, rank: 12, presetName: nil) == "FOUND 12")
        #expect(ExploreRun.exportName(source: .beyond, rank: 3, presetName: "E.Piano 1") == "E.PIANO+03")
        #expect(ExploreRun.exportName(source: .beyond, rank: 3, presetName: "Brass  é 2").count <= 10)
    }

    /// A toy atlas, explored from each source: the exported patches are playable, farther from the bank
    /// than the typical random setting, distinct, and the run repeats exactly.
    @Test(arguments: [ExploreSource.random, .search, .beyond])
    func exploringAToyAtlas(source: ExploreSource) throws {
        let (dir, _, store) = try Self.toyAtlas(names: ["Low Bell"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let request = ExploreRequest(synth: "toy", count: 5, source: source, seed: 3, searchSize: 60,
                                     presetName: source == .beyond ? "low bell" : nil, tonal: false)
        let result = try ExploreRun.run(store: store, request: request, components: Fixtures.components())
        #expect(result.patches.count == 5)
        #expect(Set(result.patches.map(\.patch.name)).count == 5)
        #expect(result.patches.allSatisfy { $0.rmsDecibels >= -40 })
        if source != .beyond, let random = result.randomMedianRatio {
            let exported = result.patches.map(\.distanceRatio).sorted()[2]
            #expect(exported > random, "exported median \(exported) against random \(random)")
        }
        #expect(result.vendiExported > 1 && result.vendiExported <= 5)
        let again = try ExploreRun.run(store: store, request: request, components: Fixtures.components())
        #expect(again.patches.map(\.patch) == result.patches.map(\.patch))

        // Native preset files load back as the same patches.
        let folder = dir.appendingPathComponent("explored")
        let files = try ExploredBankWriter.write(result.patches, synth: "toy", schema: Fixtures.synth.schema, to: folder)
        #expect(files.count == 5)
        for (file, explored) in zip(files, result.patches) {
            let read = try NativePreset.read(Data(contentsOf: file), file: file.path, schema: Fixtures.synth.schema)
            #expect(read.patch.values == explored.patch.values)
        }
    }

    /// A folder with a bank of 12 toy presets and its atlas (80 random settings) in `report`.
    static func toyAtlas(names: [String] = []) throws -> (dir: URL, out: URL, store: AtlasStore) {
        let dir = try Fixtures.bank(count: 12, names: names)
        let out = dir.appendingPathComponent("report")
        var settings = Fixtures.settings
        settings.randomCount = 80
        _ = try AtlasRun.run(sourcePaths: [dir.appendingPathComponent("bank").path], out: out, settings: settings,
                             shard: .whole, components: Fixtures.components(), root: dir)
        return (dir, out, try AtlasStore(reportDirectory: out))
    }

    @Test func anAtlasOfAnotherEmbedderIsNotExplored() throws {
        let (dir, _, store) = try Self.toyAtlas()
        defer { try? FileManager.default.removeItem(at: dir) }
        var components = Fixtures.components()
        components.embedder = VersionedToyEmbedder(version: 7)
        do {
            _ = try ExploreRun.run(store: store, request: ExploreRequest(synth: "toy", count: 2, tonal: false), components: components)
            Issue.record("explored an atlas made by another embedder")
        } catch let error as ExploreError {
            #expect("\(error)".contains("embedded by toy descriptors v1 and explore embeds with toy descriptors v7 4"), "\(error)")
        }
        #expect(try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM patch WHERE origin = 'explored'") } == 0)
    }

    @Test func beyondNeedsAPresetTheAtlasHolds() throws {
        let dir = try Fixtures.bank(count: 6)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("report")
        _ = try AtlasRun.run(sourcePaths: [dir.appendingPathComponent("bank").path], out: out, settings: Fixtures.settings,
                             shard: .whole, components: Fixtures.components(), root: dir)
        let request = ExploreRequest(synth: "toy", source: .beyond, presetName: "Preset", tonal: false)
        #expect(throws: ExploreError.self) {
            try ExploreRun.run(store: try AtlasStore(reportDirectory: out), request: request, components: Fixtures.components())
        }
        // A synth the atlas does not hold: the error names the synths it does hold.
        do {
            _ = try ExploreRun.run(store: try AtlasStore(reportDirectory: out), request: ExploreRequest(synth: "moog"),
                                   components: Fixtures.components())
            Issue.record("exploring a synth the atlas lacks succeeded")
        } catch {
            #expect("\(error)" == "the atlas holds no moog patches; its synths: toy")
        }
    }

    /// A written .syx is a valid bulk dump (size, header, checksum computed here) and every voice read back
    /// from it renders sample for sample like the patch in memory.
    @Test func dx7BankRoundTripRendersTheSameSamples() throws {
        let components = try BuiltInComponents.make()
        let model = try #require(components.models["dx7"])
        let sampler = try PatchSampler(schema: model.schema, seed: 7)
        let explored = sampler.randomPatches(0..<32).enumerated().map { i, patch -> ExploredPatch in
            var written = ExploredBankWriter.asWritten(patch, schema: model.schema)
            written.name = ExploreRun.exportName(source: .random, rank: i + 1, presetName: nil)
            return ExploredPatch(patch: written, origin: "test", distanceRatio: 1, rmsDecibels: 0)
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("explore-dx7-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("unexplored.syx")
        #expect(try ExploredBankWriter.write(explored, synth: "dx7", schema: model.schema, to: file) == [file])

        let bytes = [UInt8](try Data(contentsOf: file))
        #expect(bytes.count == 4104)
        #expect(Array(bytes[0..<6]) == [0xF0, 0x43, 0x00, 0x09, 0x20, 0x00])
        #expect(bytes[4103] == 0xF7)
        let sum = bytes[6..<4102].reduce(0) { $0 + Int($1) }
        #expect(Int(bytes[4102]) == (128 - sum % 128) % 128)
        #expect(bytes[6..<4102].allSatisfy { $0 < 0x80 })

        let bank = try DX7SysEx.read(file)
        #expect(bank.warnings.isEmpty, "\(bank.warnings)")
        #expect(bank.voices.count == 32)
        let settings = RenderSettings(note: 60, velocity: 100, holdSeconds: 0.25, tailSeconds: 0.1)
        for (voice, original) in zip(bank.voices, explored) {
            #expect(voice.name == original.patch.name)
            let fromFile = try model.render(voice.patch(schema: model.schema), settings: settings).channels
            let inMemory = try model.render(original.patch, settings: settings).channels
            #expect(fromFile == inMemory, "\(original.patch.name)")
        }
    }
}

@Suite struct ExploredLayerTests {
    /// Exported patches join the atlas as the "explored" layer: rendered with a preview, embedded, on the map
    /// and in the report's data, without moving the bank's own figures; exporting to the same file again
    /// replaces them.
    @Test func exportedPatchesBecomeALayerThatLeavesTheBankAlone() throws {
        let (dir, out, store) = try ExploreTests.toyAtlas()
        defer { try? FileManager.default.removeItem(at: dir) }
        func bankMetrics() throws -> [String: Double] {
            try store.read { db in
                Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT scope, name, value FROM metric WHERE scope IN ('toy', 'standardisation')")
                    .map { (($0["scope"] as String) + " " + ($0["name"] as String), $0["value"] as Double) })
            }
        }
        let before = try bankMetrics()
        let request = ExploreRequest(synth: "toy", count: 4, source: .random, seed: 3, tonal: false)
        let result = try ExploreRun.run(store: store, request: request, components: Fixtures.components())
        let files = try ExploredBankWriter.write(result.patches, synth: "toy", schema: Fixtures.synth.schema,
                                                 to: dir.appendingPathComponent("explored"))
        let reports = try ExploredLayer.add(result.patches, writtenTo: files, store: store, reportFolder: out,
                                            components: Fixtures.components())
        #expect(reports.contains { $0.lastPathComponent == "index.html" })

        func layer() throws -> (patches: Int, previews: Int, embedded: Int, mapped: Int) {
            try store.read { db in
                let join = "FROM patch p JOIN render r ON r.patchKey = p.key WHERE p.origin = 'explored'"
                return (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM patch WHERE origin = 'explored'") ?? 0,
                        try Int.fetchOne(db, sql: "SELECT COUNT(*) \(join) AND r.previewWAV IS NOT NULL") ?? 0,
                        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM patch p JOIN embedding e ON e.patchKey = p.key WHERE p.origin = 'explored'") ?? 0,
                        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM patch p JOIN mapPoint m ON m.patchKey = p.key WHERE p.origin = 'explored'") ?? 0)
            }
        }
        let counts = try layer()
        #expect(counts.patches == 4 && counts.previews == 4 && counts.embedded == 4 && counts.mapped >= 4)
        let names = try store.read { db in try String.fetchAll(db, sql: "SELECT name FROM patch WHERE origin = 'explored' ORDER BY name") }
        #expect(names == result.patches.map(\.patch.name).sorted())
        // The bank's standardisation and coverage figures are computed without the explored points.
        let after = try bankMetrics()
        #expect(!before.isEmpty)
        for (name, value) in before { #expect(after[name] == value, "\(name): \(value) -> \(after[name] ?? .nan)") }
        let data = try String(contentsOf: out.appendingPathComponent("data.js"), encoding: .utf8)
        #expect(data.contains("\"explored\""))

        // The same export again replaces the layer instead of adding to it.
        try ExploredLayer.add(result.patches, writtenTo: files, store: store, reportFolder: out, components: Fixtures.components())
        #expect(try layer().patches == 4)
    }
}
