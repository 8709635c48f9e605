// neighbours.js: "sounds like this". For every point, its nearest points of the same synth in the space
// the analysis measured in (the synth's learnt invariance transform, else the standardised embedding;
// never the 2-D map, which distorts distances), loaded by the page on the first click: k indices per
// point as UInt32, base64.
import Dispatch
import Foundation
import SoundSpace

enum Neighbours {
    static let k = 8

    /// k nearest neighbours of every point (same synth, itself excluded), nearest first; -1 pads.
    /// Brute force: O(n² d) per synth, split over the cores by rows.
    static func nearest(_ data: ReportData, k: Int = k) -> [[Int]] {
        let points = data.points
        let dimension = points.first?.embedding.count ?? 0
        guard dimension > 0, points.allSatisfy({ $0.embedding.count == dimension }) else { return points.map { _ in [] } }
        // Lengths were checked above, so standardising cannot fail here.
        guard let (z, _, _) = try? AnalysisStage.standardise(points.map(\.embedding), dimension: dimension) else { return points.map { _ in [] } }
        let result = NeighbourRows(count: points.count)
        for synth in data.synths {
            let members = points.indices.filter { points[$0].synth == synth }
            let transform = data.invariance[synth].flatMap { $0.dimension == dimension ? $0 : nil }
            let width = transform?.components ?? dimension
            let flat = members.flatMap { i in transform?.apply(points[i].embedding) ?? (0..<dimension).map { z[i, $0] } }
            DispatchQueue.concurrentPerform(iterations: members.count) { a in
                var best: [(Float, Int)] = []
                flat.withUnsafeBufferPointer { v in
                    let rowA = a * width
                    for b in members.indices where b != a {
                        var d: Float = 0
                        let rowB = b * width
                        for j in 0..<width { let t = v[rowA + j] - v[rowB + j]; d += t * t }
                        if best.count < k || d < best[best.count - 1].0 {
                            let at = best.firstIndex { d < $0.0 } ?? best.count
                            best.insert((d, members[b]), at: at)
                            if best.count > k { best.removeLast() }
                        }
                    }
                }
                result.set(members[a], best.map(\.1))
            }
        }
        return result.rows
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

/// Rows written from concurrent iterations, each index by exactly one.
private final class NeighbourRows: @unchecked Sendable {
    private var storage: [[Int]]
    private let lock = NSLock()
    init(count: Int) { storage = Array(repeating: [], count: count) }
    func set(_ index: Int, _ row: [Int]) {
        lock.lock()
        storage[index] = row
        lock.unlock()
    }
    var rows: [[Int]] { storage }
}
