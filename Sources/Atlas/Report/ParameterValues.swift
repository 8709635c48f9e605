// parameters.js: every point's parameter values, for the CSV a lasso selection downloads. Loaded by the
// page only then (it is the largest data file): per synth the parameter ids and a Float32 column per
// parameter over that synth's points, in point order.
import Foundation

/// Every mapped point's parameter values, held compactly for the report: per synth the parameter ids in the
/// order first seen, and per point its values as Float in that order (4 bytes a value; a dictionary of
/// strings per point took about 6 KB for a DX7 patch, 2 GB for the 344,557 points of a million-setting atlas).
struct ParameterTable {
    private var idsBySynth: [String: [String]] = [:]
    private var columnsBySynth: [String: [String: Int]] = [:]
    /// By point index; empty when the point's values were unreadable. Shorter rows than their synth's ids
    /// lack the ids first seen after them.
    private var rows: [[Float]] = []

    /// Appends the next point's values (`values` nil: unreadable).
    mutating func append(synth: String, values: [String: Double]?) {
        guard let values else { rows.append([]); return }
        var columns = columnsBySynth[synth, default: [:]], ids = idsBySynth[synth, default: []]
        // Column order is only storage: `ids(of:)` sorts, so no per-point sort of 155 keys is needed.
        for id in values.keys where columns[id] == nil {
            columns[id] = ids.count
            ids.append(id)
        }
        var row = [Float](repeating: .nan, count: ids.count)
        for (id, value) in values { row[columns[id]!] = Float(value) }
        columnsBySynth[synth] = columns
        idsBySynth[synth] = ids
        rows.append(row)
    }

    /// The ids seen for `synth`, sorted.
    func ids(of synth: String) -> [String] { (idsBySynth[synth] ?? []).sorted() }

    /// Point `index`'s value of `id` (a parameter of `synth`), NaN when it has none.
    func value(point index: Int, synth: String, id: String) -> Float {
        guard index < rows.count, let column = columnsBySynth[synth]?[id], column < rows[index].count else { return .nan }
        return rows[index][column]
    }
}

enum ParameterValues {
    /// The file's text: `window.ATLAS_PARAMETERS = {"<synth>": {"ids": [...], "points": <base64 UInt32>,
    /// "values": <base64 Float32, point-major>}, ...};` (NaN where a point lacks a parameter).
    static func script(_ data: ReportData) -> String {
        var blocks: [String] = []
        for synth in data.synths {
            let members = data.points.indices.filter { data.points[$0].synth == synth }
            let ids = data.parameterValues.ids(of: synth)
            var flat: [UInt32] = []
            flat.reserveCapacity(members.count * ids.count)
            for member in members {
                for id in ids { flat.append(data.parameterValues.value(point: member, synth: synth, id: id).bitPattern) }
            }
            blocks.append("\(Escape.jsonString(synth)): {\"ids\": \(PointData.list(ids)), "
                + "\"points\": \(PointData.base64(members.map { UInt32($0) })), \"values\": \(PointData.base64(flat))}")
        }
        return "window.ATLAS_PARAMETERS = {\n" + blocks.joined(separator: ",\n") + "\n};\n"
    }
}
