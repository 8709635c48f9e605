// The rows `export` writes: every rendered, embedded point in key order (the analysis's order), with
// its identity, map position, raw embedding and parameter values.
import Foundation
import GRDB

struct ExportPoints {
    struct Point {
        var key: String
        var synth: String
        /// `AtlasExport.pointColumns` in order, as text.
        var fields: [String]
        var x: Double?
        var y: Double?
        var parameters: [String: Double]
    }

    var rows: [Point] = []
    var vectors: [[Float]] = []
    var count: Int { rows.count }
    var dimension: Int { vectors.first?.count ?? 0 }

    static func load(_ store: AtlasStore) throws -> ExportPoints {
        var points = ExportPoints()
        var sources: [String] = []
        try store.read { db in
            for row in try Row.fetchAll(db, sql: """
                SELECT p.key, p.synth, p.collection, p.origin, p.name, p.author, p.sourcePath, p.sweepParameter, p.valuesJSON,
                       r.rms, e.vector, m.x, m.y
                FROM patch p JOIN embedding e ON e.patchKey = p.key JOIN render r ON r.patchKey = p.key
                LEFT JOIN mapPoint m ON m.patchKey = p.key AND m.method = 'map' ORDER BY p.key
                """) {
                let key: String = row["key"], rms: Double = row["rms"]
                guard let parameters = try? PatchJSON.decodeValues(row["valuesJSON"]) else {
                    throw AtlasStoreError("\(store.url.path): patch \(key) has unreadable parameter values")
                }
                sources.append(row["sourcePath"])
                points.rows.append(Point(
                    key: key, synth: row["synth"],
                    fields: [key, row["synth"], row["collection"], row["origin"], row["name"], row["author"], "",
                             row["sweepParameter"] ?? "", "\(rms)", rms >= AnalysisStage.playableRMS ? "1" : "0"],
                    x: row["x"], y: row["y"], parameters: parameters))
                points.vectors.append(EmbeddingBlob.decode(row["vector"]))
            }
        }
        // Sources as the shared page shows them: no local folders (DisplayPath).
        let sourceColumn = AtlasExport.pointColumns.firstIndex(of: "source")!
        for (i, shown) in DisplayPath.relative(sources).enumerated() { points.rows[i].fields[sourceColumn] = shown }
        guard points.vectors.allSatisfy({ $0.count == points.dimension }) else {
            throw AtlasStoreError("\(store.url.path): embeddings of different lengths")
        }
        return points
    }
}
