// `presetatlas fidelity`: our TripleOscillator renders of LMMS's factory presets against LMMS's own renders.
import ArgumentParser
import Atlas
import Foundation

struct Fidelity: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare our renders of LMMS's TripleOscillator factory presets with LMMS 1.2.2's renders.",
        discussion: """
        Prints one line per preset (distance, pitch error in cents, level difference in dB) and the summary
        over presets without FX effects (median distance, share <= 0.35, worst pitch and level errors).
        Example:
          presetatlas fidelity --references ../shared/fixtures/lmms-reference \\
              --presets .cache/factory/usr/share/lmms/presets/TripleOscillator
        """)

    @Option(help: "Folder of the reference renders (README.md, manifest.csv, *.flac).")
    var references: String = "../shared/fixtures/lmms-reference"

    @Option(help: "Folder of LMMS's TripleOscillator factory presets.")
    var presets: String = ".cache/factory/usr/share/lmms/presets/TripleOscillator"

    @Option(help: "Only presets whose name contains this text.")
    var only: String?

    func run() throws {
        let referenceURL = URL(fileURLWithPath: references), presetURL = URL(fileURLWithPath: presets)
        let manifest = try LMMSFidelity.manifest(referenceURL.appendingPathComponent("manifest.csv"))
            .filter { only == nil || $0.name.contains(only!) }
        let rendering = PresetRendering()
        var rows: [LMMSFidelity.Row] = []
        print("preset                  distance  pitch(c)  level(dB)  fx")
        for reference in manifest {
            do {
                let row = try LMMSFidelity.measure(reference, presets: presetURL, references: referenceURL, rendering: rendering)
                rows.append(row)
                let pitch = row.pitchErrorCents.map { String(format: "%8.2f", $0) } ?? "   noise"
                let name = reference.name.padding(toLength: max(22, reference.name.count), withPad: " ", startingAt: 0)
                print(name + String(format: "  %8.3f  %@  %9.2f  %@", row.distance, pitch,
                                    row.levelDifferenceDecibels, reference.hasEffects ? "\(reference.effects ?? 0)" : "-"))
            } catch {
                FileHandle.standardError.write(Data("error: \(TerminalText.safe("\(error)"))\n".utf8))
            }
        }
        // Nothing compared is a failure, not "median nan" with exit 0.
        if rows.isEmpty { throw commandFailure("compared no presets (references \(references), presets \(presets))") }
        let s = LMMSFidelity.summary(rows)
        let all = rows.map(\.distance).sorted()
        print(String(format: "without FX (%d presets): median distance %.3f, %.0f%% <= 0.35, worst pitch %.2f cents, worst level %.2f dB (noise excluded)",
                     s.presets, s.medianDistance, s.shareWithin035 * 100, s.worstPitchCents, s.worstLevelDecibels))
        if !all.isEmpty {
            print(String(format: "all %d presets: median distance %.3f, %.0f%% <= 0.35", all.count, all[all.count / 2],
                         Double(all.filter { $0 <= 0.35 }.count) / Double(all.count) * 100))
        }
    }
}
