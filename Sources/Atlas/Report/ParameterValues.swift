// parameters.js: every point's parameter values, for the CSV a lasso selection downloads. Loaded by the
// page only then (it is the largest data file): per synth the parameter ids and a Float32 column per
// parameter over that synth's points, in point order.
import Foundation

enum ParameterValues {
    /// The file's text: `window.ATLAS_PARAMETERS = {"<synth>": {"ids": [...], "points": <base64 UInt32>,
    /// "values": <base64 Float32, point-major>}, ...};` (NaN where a point lacks a parameter).
    static func script(_ data: ReportData) -> String {
        var blocks: [String] = []
        for synth in data.synths {
            let members = data.points.indices.filter { data.points[$0].synth == synth }
            let values = members.map { data.parameterValues[$0] ?? [:] }
            let ids = Set(values.flatMap(\.keys)).sorted()
            var flat: [UInt32] = []
            flat.reserveCapacity(members.count * ids.count)
            for v in values { for id in ids { flat.append(Float(v[id] ?? .nan).bitPattern) } }
            blocks.append("\(Escape.jsonString(synth)): {\"ids\": \(PointData.list(ids)), "
                + "\"points\": \(PointData.base64(members.map { UInt32($0) })), \"values\": \(PointData.base64(flat))}")
        }
        return "window.ATLAS_PARAMETERS = {\n" + blocks.joined(separator: ",\n") + "\n};\n"
    }
}
