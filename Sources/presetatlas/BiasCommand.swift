// `presetatlas bias`: default gravity — how strongly tools' defaults steer presets and songs.
// Thin: reading, statistics and report writing live in Atlas (Bias*.swift).
import ArgumentParser
import Atlas
import Foundation

struct Bias: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure default bias: presets left at their defaults, songs at their tool's default tempo.",
        discussion: """
        SOURCES are files or folders (walked recursively). Project and song files give tempo statistics per \
        tool (LMMS .mmp/.mmpz/.mpt, Hydrogen .h2song, MIDI, .mod/.xm/.s3m/.it, MuseScore .mscx/.mscz, \
        Rosegarden .rg, Ardour .ardour, FL Studio .flp, Ableton Live .als, REAPER .rpp, Renoise .xrns); preset files give parameter stickiness per synth (ZynAddSubFX/Yoshimi \
        .xiz/.xiy, LMMS TripleOscillator .xpf, DX7 .syx/.dx7). Files are recognised by content. Templates (.mpt, files in a templates folder) are reported apart, never as songs. \
        A file that cannot be read gets one line and the run goes on.

        Examples:
          presetatlas bias .cache/factory/usr/share/lmms/projects
          presetatlas bias .cache/factory/usr/share/zynaddsubfx/banks --json
          presetatlas bias song.mid tune.xm --out Reports/factory
          presetatlas bias .cache/factory/usr/share/hexter --atlas Reports/factory
        """)

    @Argument(help: "Files or folders of projects, songs and presets.")
    var sources: [String]

    @Flag(help: "Print JSON instead of tables.")
    var json = false

    @Option(help: "Write bias.md, bias.json and SVG figures into this folder (e.g. Reports/factory).")
    var out: String?

    @Option(help: "Group songs for the per-group share at the default: parent (the song's folder), name-prefix (owner__repo__ of the file name, as ../shared/corpora/projects names files) or file.")
    var groupBy: BiasGroupBy = .parent

    @Option(help: "Report folder of an atlas (its atlas.sqlite) for each preset's distance from the init patch in sound space.")
    var atlas: String?

    func run() throws {
        let defaults: [String: DefaultTempo]
        do { defaults = try DefaultTempos.load() } catch {
            printError("warning: \(error); tempo statistics need it")
            defaults = [:]
        }
        let inputs = BiasInputs.read(sources)
        var soundSpace: [SoundSpaceInitDistances] = []
        var storeProblems: [String] = []
        if let atlas {
            do {
                (soundSpace, storeProblems) = try BiasSoundSpace.distances(reportDirectory: URL(fileURLWithPath: atlas, isDirectory: true))
            } catch {
                storeProblems.append("\(error)")
            }
        }
        if inputs.tempoReadings.isEmpty && inputs.banks.isEmpty && soundSpace.isEmpty {
            // Every input was bad: one line each, then exit 1 (not the usage text, no empty report).
            for problem in inputs.problems + storeProblems { printError("error: \(problem)") }
            throw commandFailure("no readable project, song or preset file in the sources")
        }
        var report = BiasReport.make(from: inputs, defaults: defaults, soundSpace: soundSpace, groupBy: groupBy)
        report.problems += storeProblems
        if json {
            print(String(decoding: try report.json(), as: UTF8.self))
        } else {
            print(report.text(), terminator: "")
        }
        if let out {
            let written = try BiasFigures.write(report, to: URL(fileURLWithPath: out, isDirectory: true))
            printError("wrote \(written.map(\.path).joined(separator: ", "))")
        }
    }

    private func printError(_ line: String) {
        FileHandle.standardError.write(Data((TerminalText.safe(line) + "\n").utf8))
    }
}

/// `--group-by parent|name-prefix|file`.
extension BiasGroupBy: ExpressibleByArgument {}
