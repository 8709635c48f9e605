// `presetatlas fidelity-dx7`: our DX7 renders of hexter's ROM voices against hexter 1.1.1's renders.
import ArgumentParser
import Atlas
import Formats
import Foundation
import Synthesis

struct FidelityDX7: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fidelity-dx7",
        abstract: "Compare our renders of the DX7 ROM voices with hexter 1.1.1's reference renders.",
        discussion: """
        Prints one line per voice (distance, pitch error in cents, level difference in dB) and the summary
        (median distance, 90th percentile, share <= 0.40, worst pitch error). What `make fidelity-dx7` runs:
          presetatlas fidelity-dx7 --references ../shared/fixtures/dx7-reference \\
              --bank .cache/factory/usr/share/hexter/dx7_roms.dx7
        """)

    @Option(help: "Folder of the reference renders (dx7_roms_NNN.flac).")
    var references: String = "../shared/fixtures/dx7-reference"

    @Option(help: "hexter's ROM bank (Debian package hexter).")
    var bank: String = ".cache/factory/usr/share/hexter/dx7_roms.dx7"

    func run() throws {
        let model = DX7(schema: try SynthDefinition.named("dx7"))
        print("voice  name         distance  pitch(c)  level(dB)")
        let rows = try DX7Fidelity.measure(bank: URL(fileURLWithPath: bank), references: URL(fileURLWithPath: references),
                                           model: model) { row in
            let pitch = row.pitchErrorCents.map { String(format: "%8.2f", $0) } ?? "       -"
            print(String(format: "%5d  %@  %8.3f  %@  %9.2f", row.index,
                         row.name.padding(toLength: 11, withPad: " ", startingAt: 0), row.distance, pitch,
                         row.levelDifferenceDecibels))
        }
        // Nothing compared is a failure, not "median nan" with exit 0.
        if rows.isEmpty { throw commandFailure("compared no voices: no reference renders found in \(references)") }
        let s = DX7Fidelity.summary(rows)
        print(String(format: "%d voices: median distance %.3f, 90th percentile %.3f, %.0f%% <= 0.40, worst pitch error %.2f cents",
                     s.voices, s.medianDistance, s.p90Distance, s.shareWithin040 * 100, s.worstPitchCents))
    }
}
