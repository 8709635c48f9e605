// The answer in plain words, one sentence per synth and bank, at the top of index.html and summary.md: how much
// of the sound space random settings reach do the presets reach, and how much of it no preset sounds
// like. Figures come from the balanced comparison (as many audible random settings as presets).
import Features
import Foundation

enum Headline {
    struct Line {
        var synth: String
        var text: String
    }

    /// What the headline's figures mean, shown one click away.
    static let definition = """
        How the figures are made: every render becomes a vector of sound descriptors (standardised). \
        "Reach" is PRDC coverage (Naeem et al. 2020, k = \(AnalysisStage.prdcNeighbours)): the share of random settings \
        that have a preset among their \(AnalysisStage.prdcNeighbours) nearest neighbours. "Sound like no preset" is \
        1 − recall: the share of random settings outside every preset's neighbourhood. Both compare the presets with \
        the same number of audible random settings (\(Audibility.summary); inaudible renders are counted, never \
        measured or placed on the map); when one side is larger it \
        is subsampled \(BalancedCoverage.draws) times and the range is the 5th–95th percentile of those draws.
        """

    /// One line per synth, then one per bank (collection) of a synth that has several.
    static func lines(_ data: ReportData) -> [Line] {
        data.coverageScopes.compactMap { synth in
            let m = data.metrics[synth] ?? [:]
            let presets = Int(m["presets"] ?? 0)
            guard let size = m["balanced.size"], let coverage = m["balanced.coverage"], let recall = m["balanced.recall"] else {
                // A bank without the figures: nothing to say. A synth: say why (older stores lack them too).
                guard presets > 0, !synth.contains(" · ") else { return nil }
                return Line(synth: synth, text: "The \(count(presets)) \(synth) presets are not compared with random settings "
                            + "here: that needs more than \(AnalysisStage.prdcNeighbours) presets and audible random settings.")
            }
            func range(_ name: String, complement: Bool = false) -> String {
                guard let low = m[name + ".low"], let high = m[name + ".high"], high > low else { return "" }
                let (a, b) = complement ? (1 - high, 1 - low) : (low, high)
                return " (\(percent(a))–\(percent(b)))"
            }
            let audible = Int(m["random.audible"] ?? size), random = Int(m["random"] ?? Double(audible))
            let who = synth.contains(" · ") ? "\(synth) presets (one bank)" : "\(synth) presets"
            var text = "The \(count(presets)) \(who) reach \(percent(coverage))\(range("balanced.coverage")) "
            text += "of the sound space that random settings reach; \(percent(1 - recall))\(range("balanced.recall", complement: true)) "
            text += "of random settings sound like no preset. "
            text += "Compared with \(count(Int(size))) audible random settings"
            text += audible > Int(size) ? " drawn from \(count(audible))" : ""
            text += random > audible ? " (\(count(random - audible)) of \(count(random)) random settings are inaudible)." : "."
            if let silentPresets = m["inaudible.preset"], silentPresets > 0, !synth.contains(" · ") {
                text += " \(count(Int(silentPresets))) inaudible presets are left out."
            }
            return Line(synth: synth, text: text)
        }
    }

    static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded())) %" }

    /// An integer with thousands separators, as the headline's readers write it (4,096).
    static func count(_ n: Int) -> String {
        var out = ""
        for (k, digit) in String(n.magnitude).reversed().enumerated() {
            if k > 0, k % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return (n < 0 ? "-" : "") + String(out.reversed())
    }
}
