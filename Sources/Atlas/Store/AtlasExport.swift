// Hands an atlas to Python users: the embedding the metrics use (standardised) and the raw one with
// named columns, map coordinates, every point's identity and every parameter value, as .npy or CSV.
import Features
import Foundation
import NumpyFormat
import GRDB
import SoundSpace

public enum ExportFormat: String, Sendable, CaseIterable {
    case npy, csv
}

public enum AtlasExport {
    /// The identity columns of `points.csv` (then `x`, `y` and, in the csv format, the raw embedding).
    static let pointColumns = ["key", "synth", "bank", "origin", "name", "author", "source", "sweep_parameter", "rms", "level_db"]

    /// Writes into `directory`, every table in the same row order (the audible, embedded renders in key order:
    /// the points the analysis standardises and measures, in its order; inaudible renders are only counted):
    /// - `points.csv`: key (the store's patch key), synth, bank (the preset collection), origin, name, author,
    ///   source (as the shared page shows it, without local folders), sweep_parameter, rms, level_db (the
    ///   short-term level the audibility rule reads), x, y (the map);
    /// - npy: `embedding.npy` (float32, raw descriptor values), `embedding-standardised.npy` (what every
    ///   metric is computed on), `map.npy` (points x 2) and `dimensions.txt` (the columns' names, one a line);
    /// - csv: `points.csv` also holds the raw embedding under its dimension names, and
    ///   `embedding-standardised.csv` holds key plus the standardised columns;
    /// - both: `parameters-<synth>.csv` per synth: key and one column per parameter id (`parameterOrder`'s
    ///   order for that synth when given, else sorted), the synth's points in the same order;
    /// - both: `invariance-<synth>.json` for each synth with a learnt invariance transform (InvarianceStage):
    ///   the fitting data's size and fingerprint, and the transform (z-score means and deviations, the
    ///   projection rows over the embedding's dimensions, each direction's between/within variance ratio);
    ///   when every synth has one of one width (the analysis then measures in it, not in the z-scores):
    ///   `embedding-invariant.npy` (npy) or `embedding-invariant.csv` (csv, key plus `i0...`), each point
    ///   through its synth's transform.
    /// Returns the files written.
    public static func export(store: AtlasStore, format: ExportFormat, to directory: URL,
                              parameterOrder: [String: [String]] = [:]) throws -> [URL] {
        let points = try ExportPoints.load(store)
        let names = dimensionNames(points.dimension)
        let (standardised, _, _) = try AnalysisStage.standardise(points.vectors, dimension: points.dimension,
                                                             fittedOn: points.rows.indices.filter { !points.rows[$0].isExplored })
        let transforms = try InvarianceStage.load(store)
        let invariant = AnalysisStage.invariantSpace(points.vectors, synths: points.rows.map(\.synth), transforms: transforms)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var written: [URL] = []
        func write(_ name: String, _ lines: [String]) throws {
            let url = directory.appendingPathComponent(name)
            try OutputFile.write(Data((lines.joined(separator: "\n") + "\n").utf8), to: url)
            written.append(url)
        }
        let header = pointColumns + ["x", "y"]
        var identity: [[String]] = []
        for row in points.rows {
            let fields: [String] = row.fields.map(csvField)
            identity.append(fields + [number(row.x), number(row.y)])
        }
        switch format {
        case .npy:
            let raw: [Float] = points.vectors.flatMap { $0 }
            var map: [Float] = []
            for row in points.rows { map += [Float(row.x ?? .nan), Float(row.y ?? .nan)] }
            var arrays: [(String, NumpyArray)] = [
                ("embedding.npy", NumpyArray(shape: [points.count, points.dimension], values: raw)),
                ("embedding-standardised.npy", NumpyArray(shape: [points.count, points.dimension], values: standardised.values)),
                ("map.npy", NumpyArray(shape: [points.count, 2], values: map))]
            if let invariant {
                arrays.append(("embedding-invariant.npy", NumpyArray(shape: [invariant.rows, invariant.columns], values: invariant.values)))
            }
            for (name, array) in arrays {
                let url = directory.appendingPathComponent(name)
                try array.write(to: url)
                written.append(url)
            }
            try write("dimensions.txt", names)
            try write("points.csv", [csvLine(header)] + identity.map { $0.joined(separator: ",") })
        case .csv:
            var lines = [csvLine(header + names)]
            for (i, fields) in identity.enumerated() {
                lines.append((fields + points.vectors[i].map { "\($0)" }).joined(separator: ","))
            }
            try write("points.csv", lines)
            var standardisedLines = [csvLine(["key"] + names)]
            for (i, row) in points.rows.enumerated() {
                let values: [String] = (0..<points.dimension).map { "\(standardised[i, $0])" }
                standardisedLines.append(([csvField(row.key)] + values).joined(separator: ","))
            }
            try write("embedding-standardised.csv", standardisedLines)
            if let invariant {
                var invariantLines = [csvLine(["key"] + (0..<invariant.columns).map { "i\($0)" })]
                for (i, row) in points.rows.enumerated() {
                    invariantLines.append(([csvField(row.key)] + invariant.row(i).map { "\($0)" }).joined(separator: ","))
                }
                try write("embedding-invariant.csv", invariantLines)
            }
        }
        for synth in Set(points.rows.map(\.synth)).sorted() {
            try write("parameters-\(fileSafe(synth)).csv", parameterTable(points.rows.filter { $0.synth == synth },
                                                                          order: parameterOrder[synth] ?? []))
        }
        for (synth, fitted) in transforms.sorted(by: { $0.key < $1.key }) {
            let url = directory.appendingPathComponent("invariance-\(fileSafe(synth)).json")
            let document = InvarianceExport(synth: synth, fingerprint: fitted.fingerprint, patches: fitted.patches,
                                            renders: fitted.renders, transform: fitted.transform)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try OutputFile.write(try encoder.encode(document), to: url)
            written.append(url)
        }
        return written
    }

    /// The embedding's column names: the descriptor embedding's own (Features.EmbeddingLayout), else
    /// `e0...` (an embedding imported from elsewhere).
    static func dimensionNames(_ dimension: Int) -> [String] {
        dimension == EmbeddingLayout.count ? EmbeddingLayout.names : (0..<dimension).map { "e\($0)" }
    }

    /// Key plus one column per parameter id: first the ids of `order` that occur, then the others sorted.
    /// A point without a parameter leaves its cell empty.
    static func parameterTable(_ members: [ExportPoints.Point], order: [String]) -> [String] {
        let present = Set(members.flatMap { $0.parameters.keys })
        let ids = order.filter(present.contains) + present.subtracting(order).sorted()
        var lines = [csvLine(["key"] + ids)]
        for row in members {
            let cells: [String] = ids.map { id in row.parameters[id].map { "\($0)" } ?? "" }
            lines.append(([csvField(row.key)] + cells).joined(separator: ","))
        }
        return lines
    }

    static func csvLine(_ fields: [String]) -> String { fields.map(csvField).joined(separator: ",") }

    static func number(_ value: Double?) -> String { value.map { "\($0)" } ?? "" }

    /// A synth id as part of a file name: letters, digits, `-` and `_` kept, anything else `_`.
    static func fileSafe(_ id: String) -> String {
        String(id.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" })
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
