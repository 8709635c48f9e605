// `presetatlas coverage`: precision, recall, density and coverage of one embedding set against another.
import ArgumentParser
import Foundation
import SoundSpace

struct CoverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "Precision, recall, density and coverage of CANDIDATE points against REFERENCE points.",
        discussion: """
        Each file is a float .npy [N, D] or a CSV of numbers (one point per line). In PresetAtlas the \
        reference is usually random settings of a synth and the candidate its presets. Metrics as in \
        Naeem et al. 2020 (k-th nearest neighbour balls, Euclidean), identical to the prdc package. Above \
        --exact-up-to points in a set, neighbours are approximate (NN-descent) and every figure is printed with \
        its error against exhaustive search on --sample points and the neighbour lists' recall@k.

        Example:
          presetatlas coverage random.npy presets.npy --k 5 --json
        """)

    @Argument(help: "Reference points (.npy or CSV).") var reference: String
    @Argument(help: "Candidate points (.npy or CSV).") var candidate: String
    @Option(help: "Neighbourhood size k of the radius balls.") var k: Int = 5
    @Option(help: "Largest set searched exactly; above it, approximate neighbours (NN-descent) with each figure's error.")
    var exactUpTo: Int = NearestNeighbors.exactLimit
    @Option(help: "Points per set checked exhaustively to measure the approximate figures' error.") var sample: Int = 20_000
    @Option(help: "Seed of the approximate search and of the sample.") var seed: UInt64 = 0
    @Flag(help: "Print one JSON object instead of lines.") var json = false
    @Flag(help: "Print the seconds the computation took (files read excluded) to standard error.") var timing = false

    func run() throws {
        let referencePoints = try MatrixFile.read(URL(fileURLWithPath: reference))
        let candidatePoints = try MatrixFile.read(URL(fileURLWithPath: candidate))
        let estimate: CoverageEstimate
        let clock = ContinuousClock()
        let start = clock.now
        defer {
            if timing {
                let elapsed = clock.now - start
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
                FileHandle.standardError.write(Data("coverage seconds \(seconds)\n".utf8))
            }
        }
        do {
            estimate = try CoverageMetrics.estimate(reference: referencePoints, candidate: candidatePoints, k: k, exactUpTo: exactUpTo,
                                                    sampleSize: sample, seed: seed)
        } catch {
            throw ValidationError("\(candidate) against \(reference): \(error)")
        }
        let metrics = estimate.metrics
        if json {
            var fields = "\"precision\":\(metrics.precision),\"recall\":\(metrics.recall),\"density\":\(metrics.density),\"coverage\":\(metrics.coverage)"
            if estimate.isApproximate {
                let e = estimate.errors
                fields += ",\"approximate\":true,\"errors\":{\"precision\":\(e.precision),\"recall\":\(e.recall),\"density\":\(e.density),"
                    + "\"coverage\":\(e.coverage)},\"recallAtK\":\(estimate.neighbourRecall),\"sample\":\(estimate.sampleSize)"
            }
            print("{" + fields + "}")
        } else if estimate.isApproximate {
            print(estimate.lines.joined(separator: "\n"))
        } else {
            print("precision\t\(metrics.precision)\nrecall\t\(metrics.recall)\ndensity\t\(metrics.density)\ncoverage\t\(metrics.coverage)")
        }
    }
}
