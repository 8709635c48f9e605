// `presetatlas export`: .npy arrays and CSV tables that NumPy and a spreadsheet read back, holding what
// the store holds (raw embedding, the standardisation the analysis stored, parameter values).
import Features
import Foundation
import GRDB
import NumpyFormat
import SoundSpace
import Synthesis
import Testing
@testable import Atlas

/// The toy embedding padded with constant zeros to the descriptor embedding's length, so the export
/// names its columns with `EmbeddingLayout`'s names.
private struct LayoutSizedEmbedder: Embedder {
    var identifier: String { "toy padded to the descriptor layout" }
    func embed(_ audio: AudioBuffer, settings: RenderSettings) throws -> [Float] {
        let toy = try ToyEmbedder().embed(audio, settings: settings)
        return toy + [Float](repeating: 0, count: EmbeddingLayout.count - toy.count)
    }
}

@Suite struct ExportTests {
    /// The points the analysis placed on the map (the audible renders): the rows every export file holds.
    static func analysedPoints(_ store: AtlasStore) throws -> Int {
        try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM mapPoint WHERE method = 'map'") ?? 0 }
    }

    static func atlas(embedder: any Embedder = ToyEmbedder()) throws -> (URL, AtlasStore) {
        let dir = try Fixtures.bank(count: 8, names: ["=HYPERLINK(\"x\")", "comma, \"quoted\""])
        let out = dir.appendingPathComponent("report")
        let components = AtlasComponents(models: ["toy": Fixtures.synth],
                                          readers: [NativePresetReader(schemas: ["toy": Fixtures.synth.schema])],
                                          embedder: embedder, analysis: FirstTwoDimensionsMap())
        _ = try AtlasRun.run(sourcePaths: [dir.appendingPathComponent("bank").path], out: out, settings: Fixtures.settings,
                             shard: .whole, components: components, root: dir)
        return (dir, try AtlasStore(reportDirectory: out))
    }

    /// CSV lines split into fields (the tests' names hold no quoted commas in the rows they read).
    static func rows(_ url: URL) throws -> [[String]] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    @Test func npyHoldsTheStoredEmbeddingItsStandardisationAndNamedColumns() throws {
        let (dir, store) = try Self.atlas(embedder: LayoutSizedEmbedder())
        defer { try? FileManager.default.removeItem(at: dir) }
        let count = try Self.analysedPoints(store)
        #expect(count > 40)   // 8 presets, the init patch, 40 random settings, 12 sweep steps; a few may be inaudible
        let files = try AtlasExport.export(store: store, format: .npy, to: dir.appendingPathComponent("npy"))
        let byName = Dictionary(uniqueKeysWithValues: files.map { ($0.lastPathComponent, $0) })
        #expect(Set(byName.keys) == ["embedding.npy", "embedding-standardised.npy", "map.npy", "dimensions.txt", "points.csv",
                                     "parameters-toy.csv", "invariance-toy.json", "embedding-invariant.npy"])
        let d = EmbeddingLayout.count
        let raw = try NumpyArray.read(contentsOf: try #require(byName["embedding.npy"]))
        let standardised = try NumpyArray.read(contentsOf: try #require(byName["embedding-standardised.npy"]))
        #expect(raw.shape == [count, d] && standardised.shape == [count, d])
        #expect(try NumpyArray.read(contentsOf: try #require(byName["map.npy"])).shape == [count, 2])

        // Column names are the extractor's, in order; the dimensions the report colours by are among them.
        let names = try String(contentsOf: try #require(byName["dimensions.txt"]), encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(names == EmbeddingLayout.names)
        #expect(Descriptor.all.allSatisfy { names.contains($0.dimension) } && names.contains("centroid.sustain.log2hz"))

        // Raw rows equal the store's embedding blobs in key order.
        let stored: [(String, [Float])] = try store.read { db in
            try Row.fetchAll(db, sql: """
                SELECT e.patchKey, e.vector FROM embedding e JOIN mapPoint m ON m.patchKey = e.patchKey AND m.method = 'map'
                ORDER BY e.patchKey
                """).map { ($0["patchKey"], EmbeddingBlob.decode($0["vector"])) }
        }
        #expect(stored.count == count)
        #expect(Array(raw.values) == stored.flatMap(\.1))

        // Standardised = (raw - mean) / deviation with the mean and deviation the analysis stored.
        let moments: [String: Double] = try store.read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT name, value FROM metric WHERE scope = 'standardisation'")
                .map { ($0["name"] as String, $0["value"] as Double) })
        }
        var worst = 0.0
        for i in 0..<count {
            for j in 0..<d {
                let deviation = try #require(moments["deviation.\(j)"]), mean = try #require(moments["mean.\(j)"])
                let expected = deviation > 1e-12 ? (Double(raw.values[i * d + j]) - mean) / deviation : 0
                worst = max(worst, abs(expected - Double(standardised.values[i * d + j])))
            }
        }
        #expect(worst < 1e-4)
        // The padding columns are constant: standardised to 0, as the analysis measures them.
        #expect(standardised.values[d - 1] == 0)

        // points.csv: identity in the same order.
        let points = try Self.rows(try #require(byName["points.csv"]))
        #expect(points[0] == AtlasExport.pointColumns + ["x", "y"])
        #expect(points.count == count + 1)
        #expect(points.dropFirst().map { $0[0] } == stored.map(\.0))
        let preset2 = try #require(points.first { $0[4] == "Preset 2" })
        #expect(preset2[1] == "toy" && preset2[3] == "preset" && preset2[5] == "tests")
        #expect(preset2[6] == "bank/p2.xml")   // the page's path: no local folders
    }

    @Test func parameterTablesHoldEveryValueOfEachSynth() throws {
        let (dir, store) = try Self.atlas()
        defer { try? FileManager.default.removeItem(at: dir) }
        let count = try Self.analysedPoints(store)
        #expect(count > 40)   // 8 presets, the init patch, 40 random settings, 12 sweep steps; a few may be inaudible
        let order = Fixtures.synth.schema.parameters.map(\.id)
        let files = try AtlasExport.export(store: store, format: .npy, to: dir.appendingPathComponent("npy"), parameterOrder: ["toy": order])
        let table = try Self.rows(try #require(files.first { $0.lastPathComponent == "parameters-toy.csv" }))
        #expect(table[0] == ["key"] + order)
        #expect(table.count == count + 1)
        // Preset 2 of the fixture bank: 110 Hz x 2^2, brightness 2/5, decay 0.05 + 0.06 s, 3 partials.
        let row = try #require(table.first { $0[0].hasSuffix("p2.xml#0") })
        let values = row.dropFirst().map { Double($0) ?? .nan }
        #expect(abs(values[0] - 440) < 1e-9 && abs(values[1] - 0.4) < 1e-9 && abs(values[2] - 0.11) < 1e-9 && values[3] == 3)
        // The init patch holds the schema's defaults.
        let initRow = try #require(table.first { $0[0] == "toy|init" })
        #expect(initRow.dropFirst().map { Double($0) } == Fixtures.synth.schema.parameters.map(\.defaultValue))
    }

    @Test func csvNamesItsColumnsAndDefusesFormulaNames() throws {
        let (dir, store) = try Self.atlas()
        defer { try? FileManager.default.removeItem(at: dir) }
        let count = try Self.analysedPoints(store)
        #expect(count > 40)   // 8 presets, the init patch, 40 random settings, 12 sweep steps; a few may be inaudible
        let files = try AtlasExport.export(store: store, format: .csv, to: dir.appendingPathComponent("csv"))
        #expect(files.map(\.lastPathComponent) == ["points.csv", "embedding-standardised.csv", "embedding-invariant.csv",
                                                   "parameters-toy.csv", "invariance-toy.json"])
        let csv = try String(contentsOf: files[0], encoding: .utf8)
        let lines = csv.split(separator: "\n")
        #expect(lines.count == count + 1)
        // The toy embedding is not the descriptor layout: its 5 columns are e0...e4.
        #expect(lines[0].hasSuffix("x,y,e0,e1,e2,e3,e4"))
        // A name with commas and quotes stays one field; a formula-like name is defused.
        #expect(csv.contains("\"comma, \"\"quoted\"\"\""))
        #expect(csv.contains("'=HYPERLINK(\"\"x\"\")") || csv.contains("\"'=HYPERLINK(\"\"x\"\")\""))
        #expect(!csv.contains(",=HYPERLINK"))
        // Standardised columns: mean 0 over the points, as the analysis standardises them.
        let standardised = try Self.rows(files[1]).dropFirst().map { $0.dropFirst().map { Double($0)! } }
        #expect(standardised.count == count)
        let mean = standardised.map { $0[0] }.reduce(0, +) / Double(count)
        #expect(abs(mean) < 1e-5)
    }

    /// The learnt invariance transform is there to inspect, and the transformed embedding (what the
    /// analysis measures in) equals the raw rows through the exported JSON, computed here from its fields.
    @Test func invariantEmbeddingIsTheRawThroughTheExportedTransform() throws {
        let (dir, store) = try Self.atlas()
        defer { try? FileManager.default.removeItem(at: dir) }
        let count = try Self.analysedPoints(store)
        let files = try AtlasExport.export(store: store, format: .npy, to: dir.appendingPathComponent("npy"))
        let byName = Dictionary(uniqueKeysWithValues: files.map { ($0.lastPathComponent, $0) })
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: try #require(byName["invariance-toy.json"]))) as? [String: Any]
        let transform = try #require(document?["transform"] as? [String: Any])
        let means = try #require(transform["means"] as? [Double]), deviations = try #require(transform["deviations"] as? [Double])
        let projection = try #require(transform["projection"] as? [Double]), ratios = try #require(transform["ratios"] as? [Double])
        #expect(means.count == 5 && deviations.count == 5 && !ratios.isEmpty && projection.count == ratios.count * 5)
        // A quarter of the audible patches, at least 8, each heard 5 ways (some variants may be inaudible).
        let patches = try #require(document?["patches"] as? Int), renders = try #require(document?["renders"] as? Int)
        #expect(patches >= 8 && renders > patches && renders <= 5 * patches)
        let raw = try NumpyArray.read(contentsOf: try #require(byName["embedding.npy"]))
        let invariant = try NumpyArray.read(contentsOf: try #require(byName["embedding-invariant.npy"]))
        #expect(invariant.shape == [count, ratios.count])
        // Step 0: each dimension's level, interpolated between its distinct knots (held at the ends).
        let quantiles = try #require(transform["quantiles"] as? [String: Any])
        let knots = try #require(quantiles["values"] as? [[Double]]), levels = try #require(quantiles["levels"] as? [[Double]])
        #expect(knots.count == 5 && levels.count == 5)
        func level(_ x: Double, _ d: Int) -> Double {
            let v = knots[d], l = levels[d]
            if x <= v[0] { return l[0] }
            guard let j = v.firstIndex(where: { $0 > x }) else { return l[l.count - 1] }
            return l[j - 1] + (x - v[j - 1]) / (v[j] - v[j - 1]) * (l[j] - l[j - 1])
        }
        var worst = 0.0
        for i in 0..<count {
            let z = (0..<5).map { (Double(Float(level(Double(raw.values[i * 5 + $0]), $0))) - means[$0]) / deviations[$0] }
            for k in 0..<ratios.count {
                let expected = (0..<5).reduce(0.0) { $0 + projection[k * 5 + $1] * z[$1] }
                worst = max(worst, abs(expected - Double(invariant.values[i * ratios.count + k])))
            }
        }
        #expect(worst < 1e-3)
    }
}
