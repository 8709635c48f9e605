// Hands an atlas to Python users: embeddings, map coordinates and per-point metadata as .npy or CSV.
import Foundation
import NumpyFormat
import GRDB
import SoundSpace

public enum ExportFormat: String, Sendable, CaseIterable {
    case npy, csv
}

public enum AtlasExport {
    /// Writes into `directory`:
    /// - npy: `embeddings.npy` (float32, points x dimensions, raw embedder output), `map.npy` (points x 2),
    ///   `points.csv` (one row per point, same order: key, synth, origin, name, author, collection, source, rms);
    /// - csv: `points.csv` with the metadata, `x`, `y` and `e0...eD-1` in one table;
    /// - both: `invariance-SYNTH.json` for each synth with a learnt invariance transform (InvarianceStage):
    ///   the fitting data's size and fingerprint, and the transform (z-score means and deviations, the
    ///   projection rows over the embedding's dimensions, each direction's between/within variance ratio).
    /// Points are the rendered, embedded patches in key order. Returns the files written.
    public static func export(store: AtlasStore, format: ExportFormat, to directory: URL) throws -> [URL] {
        struct Row_ { var meta: [String]; var x: Double?; var y: Double?; var vector: [Float] }
        let rows: [Row_] = try store.read { db in
            try Row.fetchAll(db, sql: """
                SELECT p.key, p.synth, p.origin, p.name, p.author, p.collection, p.sourcePath, r.rms, e.vector, m.x, m.y
                FROM patch p JOIN embedding e ON e.patchKey = p.key JOIN render r ON r.patchKey = p.key
                LEFT JOIN mapPoint m ON m.patchKey = p.key AND m.method = 'map' ORDER BY p.key
                """).map { row in
                Row_(meta: [row["key"], row["synth"], row["origin"], row["name"], row["author"], row["collection"],
                            row["sourcePath"], "\(row["rms"] as Double)"],
                     x: row["x"], y: row["y"], vector: EmbeddingBlob.decode(row["vector"]))
            }
        }
        let dimension = rows.first?.vector.count ?? 0
        guard rows.allSatisfy({ $0.vector.count == dimension }) else {
            throw AtlasStoreError("\(store.url.path): embeddings of different lengths")
        }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let header = ["key", "synth", "origin", "name", "author", "collection", "source", "rms"]
        var written: [URL] = []
        func writeCSV(_ lines: [String]) throws {
            let url = directory.appendingPathComponent("points.csv")
            try OutputFile.write(Data((lines.joined(separator: "\n") + "\n").utf8), to: url)
            written.append(url)
        }
        switch format {
        case .npy:
            let embeddings = NumpyArray(shape: [rows.count, dimension], values: rows.flatMap(\.vector))
            let map = NumpyArray(shape: [rows.count, 2], values: rows.flatMap { [Float($0.x ?? .nan), Float($0.y ?? .nan)] })
            for (name, array) in [("embeddings.npy", embeddings), ("map.npy", map)] {
                let url = directory.appendingPathComponent(name)
                try array.write(to: url)
                written.append(url)
            }
            try writeCSV([header.joined(separator: ",")] + rows.map { $0.meta.map(csvField).joined(separator: ",") })
        case .csv:
            let columns = header + ["x", "y"] + (0..<dimension).map { "e\($0)" }
            try writeCSV([columns.joined(separator: ",")] + rows.map { row in
                (row.meta.map(csvField) + [row.x.map { "\($0)" } ?? "", row.y.map { "\($0)" } ?? ""]
                    + row.vector.map { "\($0)" }).joined(separator: ",")
            })
        }
        for (synth, fitted) in try InvarianceStage.load(store).sorted(by: { $0.key < $1.key }) {
            let url = directory.appendingPathComponent("invariance-\(String(synth.filter { $0.isLetter || $0.isNumber || $0 == "-" })).json")
            let document = InvarianceExport(synth: synth, fingerprint: fitted.fingerprint, patches: fitted.patches,
                                            renders: fitted.renders, transform: fitted.transform)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try OutputFile.write(try encoder.encode(document), to: url)
            written.append(url)
        }
        return written
    }

    /// One synth's invariance transform as exported.
    struct InvarianceExport: Encodable {
        var synth: String
        var fingerprint: String
        var patches: Int
        var renders: Int
        var transform: InvarianceTransform
    }

    /// RFC 4180 field: quoted when it holds a comma, quote or line break; a leading =, +, - or @ is
    /// prefixed with ' so a spreadsheet never runs a preset name as a formula.
    static func csvField(_ text: String) -> String {
        var value = text
        if let first = value.first, "=+-@".contains(first), Double(value) == nil { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
