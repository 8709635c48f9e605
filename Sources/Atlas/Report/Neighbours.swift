// neighbours.js: "sounds like this". For every point, its nearest points of the same synth in the space
// the analysis measured in (the synth's learnt invariance transform, else the standardised embedding;
// never the 2-D map, which distorts distances), loaded by the page on the first click: k indices per
// point as UInt32, base64.
import Foundation
import SoundSpace

enum Neighbours {
    static let k = 8

    /// k nearest neighbours of every point (same synth, itself excluded), nearest first; -1 pads.
    /// SoundSpace's neighbour graph: exact (blocked distance tiles on all cores) up to
    /// `NearestNeighbors.exactLimit` points of a synth, NN-descent above. (A brute-force loop here took
    /// over 10 minutes for the 350,000 audible points of a million-setting DX7 atlas.)
    static func nearest(_ data: ReportData, k: Int = k) -> [[Int]] {
        let points = data.points
        let dimension = points.first?.embedding.count ?? 0
        guard dimension > 0, points.allSatisfy({ $0.embedding.count == dimension }) else { return points.map { _ in [] } }
        // Lengths were checked above, so standardising cannot fail here.
        guard let (z, _, _) = try? AnalysisStage.standardise(points.map(\.embedding), dimension: dimension) else { return points.map { _ in [] } }
        var rows = [[Int]](repeating: [], count: points.count)
        for synth in data.synths {
            let members = points.indices.filter { points[$0].synth == synth }
            guard members.count > 1 else { continue }
            let transform = data.invariance[synth].flatMap { $0.dimension == dimension ? $0 : nil }
            let width = transform?.components ?? dimension
            let flat = members.flatMap { i in transform?.apply(points[i].embedding) ?? (0..<dimension).map { z[i, $0] } }
            let wanted = min(k, members.count - 1)
            guard let matrix = try? Matrix(rows: members.count, columns: width, values: flat),
                  let graph = try? NearestNeighbors.graph(of: matrix, k: wanted) else { continue }
            for (a, member) in members.enumerated() {
                rows[member] = graph.neighbors(of: a).filter { $0 >= 0 }.map { members[Int($0)] }
            }
        }
        return rows
    }

    /// The file's text: `window.ATLAS_NEIGHBOURS = {"k": 8, "index": "<base64 UInt32>"};` (0xFFFFFFFF pads).
    static func script(_ data: ReportData) -> String {
        let rows = nearest(data)
        var flat: [UInt32] = []
        flat.reserveCapacity(rows.count * k)
        for row in rows { for j in 0..<k { flat.append(j < row.count ? UInt32(row[j]) : UInt32.max) } }
        return "window.ATLAS_NEIGHBOURS = {\"k\": \(k), \"index\": \(PointData.base64(flat))};\n"
    }
}
