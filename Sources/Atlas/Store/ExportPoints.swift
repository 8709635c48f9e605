// The rows `export` writes: the points the analysis measures (every audible, embedded render, in key
// order, by the same rule: StoredAudibility), with identity, map position, raw embedding and parameter values.
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
        /// Explored patches are placed in the space the others define (not fitted on).
        var isExplored: Bool
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
                       r.rms, r.levelDecibels, e.vector, m.x, m.y
                FROM patch p JOIN embedding e ON e.patchKey = p.key JOIN render r ON r.patchKey = p.key
                LEFT JOIN mapPoint m ON m.patchKey = p.key AND m.method = 'map' ORDER BY p.key
                """) where StoredAudibility.isAudible(row) {
                let key: String = row["key"], rms: Double = row["rms"], origin: String = row["origin"]
                let level = StoredAudibility.levelDecibels(stored: row["levelDecibels"], rms: rms)
                guard let parameters = try? PatchJSON.decodeValues(row["valuesJSON"]) else {
                    throw AtlasStoreError("\(store.url.path): patch \(key) has unreadable parameter values")
                }
                sources.append(row["sourcePath"])
                points.rows.append(Point(
                    key: key, synth: row["synth"],
                    fields: [key, row["synth"], row["collection"], origin, row["name"], row["author"], "",
                             row["sweepParameter"] ?? "", "\(rms)", "\(level)"],
                    x: row["x"], y: row["y"], parameters: parameters, isExplored: origin == PatchOrigin.explored.rawValue))
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
