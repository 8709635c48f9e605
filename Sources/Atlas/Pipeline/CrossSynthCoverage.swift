// Which tool covers what: in the shared (standardised) embedding, each synth's presets measured against every
// other synth's presets with precision and recall (SoundSpace.CoverageMetrics), both ways.
import Foundation
import SoundSpace

enum CrossSynthCoverage {
    /// The metric scope; names are `<reference>><candidate>.precision` and `.recall`.
    static let scope = "cross-synth"

    /// For every ordered pair of synths with more than k presets each: precision (share of the candidate's presets
    /// inside the reference's presets' manifold) and recall (share of the reference's presets inside the
    /// candidate's manifold).
    static func metrics(presetsBySynth: [String: Matrix], k: Int) throws -> [(scope: String, name: String, value: Double)] {
        let synths = presetsBySynth.keys.filter { presetsBySynth[$0]!.rows > k }.sorted()
        var metrics: [(scope: String, name: String, value: Double)] = []
        for reference in synths {
            for candidate in synths where candidate != reference {
                let m = try CoverageMetrics.compute(reference: presetsBySynth[reference]!, candidate: presetsBySynth[candidate]!, k: k)
                metrics.append((scope, "\(reference)>\(candidate).precision", m.precision))
                metrics.append((scope, "\(reference)>\(candidate).recall", m.recall))
            }
        }
        return metrics
    }
}
