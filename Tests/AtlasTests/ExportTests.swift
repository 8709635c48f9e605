// `presetatlas export`: .npy arrays and CSV tables that NumPy and a spreadsheet read back.
import Foundation
import NumpyFormat
import SoundSpace
import Testing
@testable import Atlas

@Suite struct ExportTests {
    @Test func npyAndCSVHoldEveryPointInTheSameOrder() throws {
        let dir = try Fixtures.bank(count: 8, names: ["=HYPERLINK(\"x\")", "comma, \"quoted\""])
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("report")
        _ = try AtlasRun.run(sourcePaths: [dir.appendingPathComponent("bank").path], out: out, settings: Fixtures.settings,
                             shard: .whole, components: Fixtures.components(), root: dir)
        let store = try AtlasStore(reportDirectory: out)
        let points = 8 + 1 + 40 + 12

        let npyFiles = try AtlasExport.export(store: store, format: .npy, to: dir.appendingPathComponent("npy"))
        #expect(npyFiles.map(\.lastPathComponent) == ["embeddings.npy", "map.npy", "points.csv", "invariance-toy.json"])
        // The learnt invariance transform is there to inspect: 5 embedding dimensions, each kept direction's ratio.
        let invariance = try JSONSerialization.jsonObject(with: Data(contentsOf: npyFiles[3])) as? [String: Any]
        let transform = invariance?["transform"] as? [String: Any]
        #expect((transform?["means"] as? [Double])?.count == 5 && (transform?["ratios"] as? [Double])?.isEmpty == false)
        #expect(invariance?["patches"] as? Int == points / 4)
        let embeddings = try NumpyArray.read(contentsOf: npyFiles[0])
        let map = try NumpyArray.read(contentsOf: npyFiles[1])
        #expect(embeddings.shape == [points, 5])
        #expect(map.shape == [points, 2])
        #expect(map.values.allSatisfy { $0.isFinite })
        let metadata = try String(contentsOf: npyFiles[2], encoding: .utf8).split(separator: "\n")
        #expect(metadata.count == points + 1)
        #expect(metadata[0] == "key,synth,origin,name,author,collection,source,rms")

        let csvFiles = try AtlasExport.export(store: store, format: .csv, to: dir.appendingPathComponent("csv"))
        let csv = try String(contentsOf: csvFiles[0], encoding: .utf8)
        let lines = csv.split(separator: "\n")
        #expect(lines.count == points + 1)
        #expect(lines[0].hasSuffix("x,y,e0,e1,e2,e3,e4"))
        // A name with commas and quotes stays one field; a formula-like name is defused.
        #expect(csv.contains("\"comma, \"\"quoted\"\"\""))
        #expect(csv.contains("'=HYPERLINK(\"\"x\"\")") || csv.contains("\"'=HYPERLINK(\"\"x\"\")\""))
        #expect(!csv.contains(",=HYPERLINK"))
        // The CSV's embedding columns equal the .npy rows.
        let firstRow = lines[1].split(separator: ",").suffix(5).compactMap { Float($0) }
        #expect(firstRow == Array(embeddings.values[0..<5]))
    }
}
