// Clusters of each synth's sounds with automatic labels ("bright, percussive, noisy"): k-means in the full
// standardised embedding, each cluster named by the descriptors on which its members differ most from the
// synth's sounds as a whole. The page draws each label at its members' centre on the map.
import Features
import Foundation
import SoundSpace

struct SoundCluster {
    var synth: String
    var label: String
    var members: [Int]
}

enum Clusters {
    /// A descriptor dimension and the words for its high and low ends.
    static let vocabulary: [(dimension: String, high: String, low: String)] = [
        ("centroid.sustain.log2hz", "bright", "dark"),
        ("envelope.attack.log10s", "slow attack", "percussive"),
        ("envelope.sustain.fraction", "sustained", "decaying"),
        ("flatness.sustain.log10", "noisy", "tonal"),
        ("pitch.f0.log2_over_a440", "high", "low"),
        ("envelope.peak.db", "loud", "quiet"),
        ("vibrato.depth_cents", "wobbling", "steady"),
    ]

    /// Clusters per synth: about one per 300 points, 3 to 12.
    static func find(_ data: ReportData, seed: UInt64 = 1) -> [SoundCluster] {
        let points = data.points
        guard let dimension = points.first?.embedding.count, dimension == EmbeddingLayout.count,
              points.allSatisfy({ $0.embedding.count == dimension }) else { return [] }
        // Lengths were checked above, so standardising cannot fail here.
        guard let (z, _, _) = try? AnalysisStage.standardise(points.map(\.embedding), dimension: dimension) else { return [] }
        let columns = vocabulary.compactMap { word in EmbeddingLayout.names.firstIndex(of: word.dimension).map { (word, $0) } }
        var clusters: [SoundCluster] = []
        for synth in data.synths {
            let members = points.indices.filter { points[$0].synth == synth && !points[$0].isSilent }
            let k = min(12, max(3, members.count / 300))
            guard members.count >= 4 * k, let fit = try? KMeans.fit(z.selecting(rows: members), clusters: k, seed: seed) else { continue }
            // Each descriptor's mean and spread over this synth's audible sounds, to say what stands out.
            let stats = columns.map { _, c -> (Double, Double) in
                let values = members.map { Double(z[$0, c]) }
                let mean = values.reduce(0, +) / Double(values.count)
                let sd = (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count)).squareRoot()
                return (mean, max(sd, 1e-9))
            }
            for cluster in 0..<k {
                let inside = members.indices.filter { Int(fit.labels[$0]) == cluster }.map { members[$0] }
                guard !inside.isEmpty else { continue }
                let scores = columns.enumerated().map { j, entry -> (String, Double) in
                    let mean = inside.map { Double(z[$0, entry.1]) }.reduce(0, +) / Double(inside.count)
                    let score = (mean - stats[j].0) / stats[j].1
                    return (score >= 0 ? entry.0.high : entry.0.low, score)
                }
                let words = scores.filter { abs($0.1) >= 0.5 }.sorted { abs($0.1) > abs($1.1) }.prefix(3).map(\.0)
                clusters.append(SoundCluster(synth: synth, label: words.isEmpty ? "typical" : words.joined(separator: ", "),
                                             members: inside))
            }
        }
        return clusters
    }

    /// data.js fields: `clusters` (label and synth of each) and `cluster` (UInt8 per point, 0 = none, else 1 + index).
    static func fields(_ data: ReportData) -> [(String, String)] {
        let found = find(data)
        guard !found.isEmpty, found.count < 255 else { return [] }
        var column = [UInt8](repeating: 0, count: data.points.count)
        for (c, cluster) in found.enumerated() { for i in cluster.members { column[i] = UInt8(c + 1) } }
        let meta = found.map { "{\"label\":\(Escape.jsonString($0.label)),\"synth\":\(Escape.jsonString($0.synth)),\"size\":\($0.members.count)}" }
        return [("clusters", "[" + meta.joined(separator: ",") + "]"), ("cluster", PointData.base64(column))]
    }
}
