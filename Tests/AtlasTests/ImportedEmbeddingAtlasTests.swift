// `atlas --embedding FILE.npy --ids FILE.csv`: vectors computed elsewhere are what the atlas maps and
// measures, and ids that do not match the catalog are refused one line per mismatch before rendering.
import Foundation
import GRDB
import NumpyFormat
import Testing
@testable import Atlas

@Suite struct ImportedEmbeddingAtlasTests {
    /// The patch keys of a small toy atlas (run once with the toy embedder).
    static func catalogKeys(bank: URL, root: URL) throws -> [String] {
        let out = root.appendingPathComponent("keys")
        _ = try AtlasRun.run(sourcePaths: [bank.path], out: out, settings: settings, shard: .whole,
                             components: Fixtures.components(), root: root)
        let store = try AtlasStore(reportDirectory: out)
        return try store.read { db in try String.fetchAll(db, sql: "SELECT key FROM patch ORDER BY key") }
    }

    static var settings: AtlasSettings {
        var settings = Fixtures.settings
        settings.randomCount = 8
        settings.sweepSteps = 0
        return settings
    }

    /// Writes FILE.npy (row i = [i, 2i, 1]) and FILE.csv (header, then one id per row).
    static func write(ids: [String], in folder: URL) throws -> (npy: URL, csv: URL) {
        let npy = folder.appendingPathComponent("clap.npy"), csv = folder.appendingPathComponent("clap.csv")
        let values: [Float] = ids.indices.flatMap { i -> [Float] in [Float(i), Float(2 * i), 1] }
        try NumpyArray(shape: [ids.count, 3], values: values).write(to: npy)
        try Data((["id"] + ids).joined(separator: "\n").utf8).write(to: csv)
        return (npy, csv)
    }

    @Test func importedVectorsAreWhatTheAtlasMapsAndMeasures() throws {
        let dir = try Fixtures.bank(count: 6)
        defer { try? FileManager.default.removeItem(at: dir) }
        let bank = dir.appendingPathComponent("bank")
        let keys = try Self.catalogKeys(bank: bank, root: dir)
        let files = try Self.write(ids: keys, in: dir)
        var components = Fixtures.components()
        components.embedder = try ImportedEmbedder(npy: files.npy, ids: files.csv)
        let out = dir.appendingPathComponent("imported")
        let result = try AtlasRun.run(sourcePaths: [bank.path], out: out, settings: Self.settings, shard: .whole,
                                      components: components, root: dir)
        #expect(result.analysis == .analysed(points: keys.count))
        let store = try AtlasStore(reportDirectory: out)
        let stored = try store.read { db in
            try Row.fetchAll(db, sql: "SELECT patchKey, vector FROM embedding").map { (row: Row) in
                (row["patchKey"] as String, EmbeddingBlob.decode(row["vector"]))
            }
        }
        #expect(stored.count == keys.count)
        for (key, vector) in stored {
            let i = Float(try #require(keys.firstIndex(of: key)))
            #expect(vector == [i, 2 * i, 1], "\(key)")
        }
        #expect(try store.settings()["embedder"]?.hasPrefix("imported clap.npy 3d ") == true)
        // The map is made from the imported space: the third dimension is constant, the first two are not.
        let spread = try store.read { db in try Double.fetchOne(db, sql: "SELECT MAX(x) - MIN(x) FROM mapPoint") } ?? 0
        #expect(spread > 0)
    }

    @Test func idsThatDoNotMatchTheCatalogGetOneLineEach() throws {
        let dir = try Fixtures.bank(count: 3)
        defer { try? FileManager.default.removeItem(at: dir) }
        let bank = dir.appendingPathComponent("bank")
        var ids = try Self.catalogKeys(bank: bank, root: dir)
        let dropped = ids.removeFirst()
        ids.append("toy|preset|nowhere.xml#0")
        let files = try Self.write(ids: ids, in: dir)
        var components = Fixtures.components()
        components.embedder = try ImportedEmbedder(npy: files.npy, ids: files.csv)
        #expect {
            try AtlasRun.run(sourcePaths: [bank.path], out: dir.appendingPathComponent("imported"), settings: Self.settings,
                             shard: .whole, components: components, root: dir)
        } throws: { error in
            guard let mismatch = error as? ImportedEmbeddingError else { return false }
            return mismatch.lines == ["clap.csv: id toy|preset|nowhere.xml#0 is not a patch of this atlas",
                                      "clap.csv: no row for patch \(dropped)"]
        }
    }
}
