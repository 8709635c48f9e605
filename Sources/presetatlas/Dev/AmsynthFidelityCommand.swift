// `presetatlas dev fidelity-amsynth`: our amsynth renders of Debian's factory presets against amsynth
// 1.13.2's own renders.
import ArgumentParser
import Atlas
import Formats
import Foundation
import Synthesis

struct FidelityAmsynth: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fidelity-amsynth",
        abstract: "Compare our renders of amsynth factory presets with amsynth 1.13.2's reference renders.",
        discussion: """
        Prints one line per reference (distance, level difference in dB, flags) and the summary (median
        distance, 90th percentile, share < 0.15, count > 0.5). Example (what `make fidelity-amsynth` runs):
          presetatlas dev fidelity-amsynth --references ../shared/fixtures/amsynth-reference \\
              --banks .cache/factory/usr/share/amsynth/banks
        """)

    @Option(help: "Folder of the reference renders (<bank>_<NNN>.flac, manifest.csv).")
    var references: String = "../shared/fixtures/amsynth-reference"

    @Option(help: "Folder of amsynth's bank files (Debian package amsynth).")
    var banks: String = ".cache/factory/usr/share/amsynth/banks"

    @Option(help: "Measure only the first N references.")
    var limit: Int?

    func run() throws {
        let model = Amsynth(schema: try SynthDefinition.named(Amsynth.schemaID))
        print("reference                   name              distance  level(dB)  flags")
        let rows = try AmsynthFidelity.measure(banks: URL(fileURLWithPath: banks), references: URL(fileURLWithPath: references),
                                               model: model, limit: limit) { row in
            print(String(format: "%@  %@  %8.4f  %9.2f  %@", row.file.padding(toLength: 26, withPad: " ", startingAt: 0),
                         row.name.padding(toLength: 16, withPad: " ", startingAt: 0), row.distance,
                         row.levelDifferenceDecibels, row.flags))
        }
        let s = AmsynthFidelity.summary(rows)
        print(String(format: "%d presets: median distance %.4f, 90th percentile %.3f, %.0f%% < 0.15, %d above 0.5",
                     s.presets, s.medianDistance, s.p90Distance, s.shareBelow015 * 100, s.above050))
        if s.presets == 0 { throw CleanExit.message("no reference renders found in \(references)") }
    }
}
