// The plain-words account of an explore run: how far the exported patches lie, how diverse they are.
import Foundation

public enum ExploreSummary {
    public static func text(_ result: ExploreResult, synth: String, source: ExploreSource) -> String {
        let ratios = result.patches.map(\.distanceRatio).sorted()
        let median = ratios.isEmpty ? 0 : ratios[ratios.count / 2]
        var lines: [String] = []
        lines.append(String(format: "%d %@ patches from %d %@ candidates (%d playable); bank: %d presets, spacing %.3f",
                            result.patches.count, synth, result.candidates, source.rawValue, result.playableCandidates,
                            result.presetCount, result.bankSpacing))
        var distance = String(format: "distance to the nearest preset: exported median %.2f bank spacings", median)
        if let random = result.randomMedianRatio { distance += String(format: ", the atlas's playable random settings %.2f", random) }
        lines.append(distance)
        var vendi = String(format: "Vendi score (effective number of distinct sounds, Gaussian kernel h=%.3f): bank %.1f",
                           result.vendiBandwidth, result.vendiBank)
        if let random = result.vendiRandom {
            vendi += String(format: ", %d playable random settings %.1f", result.vendiRowsUsed.random, random)
        }
        vendi += String(format: ", exported %.1f of %d", result.vendiExported, result.patches.count)
        if result.vendiRowsUsed.bank < result.presetCount { vendi += " (bank subsampled to \(result.vendiRowsUsed.bank))" }
        lines.append(vendi)
        if result.patches.count < result.requested {
            lines.append("only \(result.patches.count) of the \(result.requested) asked for: no more playable candidates; "
                         + "try --source search with a larger --search")
        }
        if !result.rejections.isEmpty {
            lines.append("not playable: " + result.rejections.sorted { $0.value > $1.value }.map { "\($0.value) \($0.key)" }.joined(separator: ", "))
        }
        for patch in result.patches {
            lines.append(String(format: "  %-10@  %5.2f spacings  %6.1f dBFS  from %@", patch.patch.name, patch.distanceRatio,
                                patch.rmsDecibels, patch.origin))
        }
        return lines.joined(separator: "\n")
    }
}
