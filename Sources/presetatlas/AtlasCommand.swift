// `presetatlas atlas`: preset folders in, an interactive map and its figures out. Thin: the work is Atlas.AtlasRun.
import ArgumentParser
import Atlas
import Foundation
import Synthesis

struct AtlasCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "atlas",
        abstract: "Render presets, init patches, random settings and sweeps; embed; map; measure coverage; write a report.",
        discussion: """
        Examples:
          presetatlas atlas --out Reports/factory
              (the factory banks fetched by scripts/install-deps.sh plus this project's Presets/)
          presetatlas atlas .cache/factory/usr/share/hexter Presets/dx7 --out Reports/dx7 --random 500 --sampler sobol
          presetatlas atlas --out Reports/big --random 20000 --shard 3/8     (then: presetatlas merge)
        The store Reports/NAME/atlas.sqlite keeps every stage: run the same command again after a kill and it
        resumes where it stopped. A shard run (--shard K/N, K = 1...N) renders and embeds its K-th of the
        patches only; `presetatlas merge` joins the shard stores and writes the report.
        """)

    @Argument(help: "Preset files or folders. Default: the LMMS TripleOscillator factory bank, the DX7 ROMs and Presets/.")
    var sources: [String] = []

    @Option(help: "Report folder (holds atlas.sqlite, index.html, map.svg, summary.json, summary.md).")
    var out: String

    @Option(help: "Random settings per synth.")
    var random: Int = AtlasSettings().randomCount

    @Option(help: "How random settings are drawn: uniform or sobol.")
    var sampler: String = "uniform"

    @Option(name: .customLong("sweep-steps"), help: "Steps of each one-knob sweep from the init patch (0: none).")
    var sweepSteps: Int = AtlasSettings().sweepSteps

    @Option(help: "Seed of the random settings and of the map.")
    var seed: UInt64 = 1

    @Option(help: "Do only the K-th of N parts of rendering and embedding (K = 1...N), or `auto`: the part a Slurm array task or Kubernetes Indexed Job gives (deploy/README.md).")
    var shard: String?

    @Option(name: .customLong("preview-seconds"), help: "Seconds of each sound kept for listening in the report.")
    var previewSeconds: Double = AtlasSettings().previewSeconds

    func validate() throws {
        guard SamplingMethod(rawValue: sampler) != nil else { throw ValidationError("--sampler must be uniform or sobol") }
        guard random >= 0, random <= 1_000_000 else { throw ValidationError("--random must be 0...1000000") }
        guard sweepSteps >= 0, sweepSteps <= 1000 else { throw ValidationError("--sweep-steps must be 0...1000") }
        if let shard, shard != "auto", Shard(parsing: shard) == nil {
            throw ValidationError("--shard must be K/N with 1 <= K <= N, or auto")
        }
        guard previewSeconds.isFinite, previewSeconds > 0, previewSeconds <= 30 else {
            throw ValidationError("--preview-seconds must be in (0, 30]")
        }
    }

    func run() throws {
        let paths: [String]
        if sources.isEmpty {
            guard let root = try? BuiltInComponents.packageRoot() else {
                throw commandFailure("no sources given and no Synths/ folder found to locate the default banks")
            }
            paths = BuiltInComponents.defaultSources(root: root).map(\.path)
        } else {
            paths = sources
        }
        var settings = AtlasSettings(randomCount: random, sampler: SamplingMethod(rawValue: sampler) ?? .uniform,
                                     sweepSteps: sweepSteps, seed: seed)
        settings.previewSeconds = previewSeconds
        let shardValue: Shard
        do {
            shardValue = try shard == "auto" ? Shard.fromScheduler(environment: ProcessInfo.processInfo.environment)
                : shard.flatMap(Shard.init(parsing:)) ?? .whole
        } catch {
            throw commandFailure("\(error)")
        }
        let outURL = URL(fileURLWithPath: out)
        let progress = TerminalProgress()
        let result: AtlasRunResult
        do {
            let components = try BuiltInComponents.make()
            result = try AtlasRun.run(sourcePaths: paths, out: outURL, settings: settings, shard: shardValue,
                                      components: components, root: URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
                                      progress: progress.report)
        } catch {
            progress.finish()
            throw commandFailure("\(error)")
        }
        progress.finish()
        for line in result.catalog.newBadInputs { FileHandle.standardError.write(Data("bad input: \(TerminalText.safe(line))\n".utf8)) }
        for key in result.crashedPatches {
            FileHandle.standardError.write(Data("skipped: \(TerminalText.safe(key)): its render crashed an earlier run\n".utf8))
        }
        print("synths: \(result.catalog.synths.joined(separator: ", ")); rendered now: \(result.rendered)")
        switch result.analysis {
        case nil:
            print("shard \(shardValue) done: \(outURL.appendingPathComponent(AtlasStore.fileName).path)")
            print("when every shard is done: presetatlas merge SHARD_FOLDERS... --out Reports/NAME")
        case .waiting(let pending)?:
            print("\(pending) patches still to render; run the command again")
        case .analysed?, .unchanged?:
            print("report: \(outURL.appendingPathComponent("index.html").path)")
        }
        // The rest is done; the exit status still says that some inputs were not read.
        if result.catalog.badInputs > 0 {
            FileHandle.standardError.write(Data("\(result.catalog.badInputs) input(s) could not be read (listed in summary.md)\n".utf8))
            throw ExitCode(1)
        }
    }
}

/// One updating status line on a terminal; plain stage lines otherwise (logs, CI).
final class TerminalProgress: @unchecked Sendable {
    private let isTerminal = isatty(STDERR_FILENO) != 0
    private let start = Date()
    private var lastDraw = Date.distantPast
    private var drewLine = false
    private var stage: (name: String, start: Date)?

    func report(_ event: AtlasProgress) {
        switch event {
        case .stage(let name):
            finish()
            stage = (name, Date())
            FileHandle.standardError.write(Data("\(name)…\n".utf8))
        case .rendering(let done, let total):
            guard total > 0 else { return }
            let now = Date()
            let elapsed = now.timeIntervalSince(start)
            if isTerminal {
                guard now.timeIntervalSince(lastDraw) > 0.2 || done == total else { return }
                lastDraw = now
                let left = done > 0 ? elapsed / Double(done) * Double(total - done) : 0
                let line = String(format: "\rrender %d/%d (%.0f%%) %.0f s elapsed, ~%.0f s left   ", done, total,
                                  100 * Double(done) / Double(total), elapsed, left)
                FileHandle.standardError.write(Data(line.utf8))
                drewLine = true
            } else if done == total || done % 500 == 0 {
                FileHandle.standardError.write(Data("render \(done)/\(total)\n".utf8))
            }
        }
    }

    /// Ends the status line and reports how long the stage took.
    func finish() {
        if drewLine { FileHandle.standardError.write(Data("\n".utf8)); drewLine = false }
        if let stage {
            let seconds = Date().timeIntervalSince(stage.start)
            FileHandle.standardError.write(Data(String(format: "%@ took %.1f s\n", stage.name, seconds).utf8))
            self.stage = nil
        }
    }
}
