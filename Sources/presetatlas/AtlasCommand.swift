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

    @Argument(help: "Preset files or folders. Default: the LMMS TripleOscillator factory bank, the DX7 ROMs, amsynth's factory banks and Presets/.")
    var sources: [String] = []

    @Option(help: "Report folder (holds atlas.sqlite, index.html, map.svg, summary.json, summary.md).")
    var out: String

    @Option(help: "Random settings per synth.")
    var random: Int = AtlasSettings().randomCount

    @Option(help: "How random settings are drawn: uniform or sobol.")
    var sampler: SamplingMethod = .uniform

    @Option(name: .customLong("sweep-steps"), help: "Steps of each one-knob sweep from the init patch (0: none).")
    var sweepSteps: Int = AtlasSettings().sweepSteps

    @Option(help: "Seed of the random settings and of the map.")
    var seed: UInt64 = 1

    @Option(help: "Do only the K-th of N parts of rendering and embedding (K = 1...N), or `auto`: the part a Slurm array task or Kubernetes Indexed Job gives (deploy/README.md).")
    var shard: String?

    @Option(name: .customLong("preview-seconds"), help: "Seconds of each sound kept for listening in the report.")
    var previewSeconds: Double = AtlasSettings().previewSeconds

    @Option(name: .customLong("random-previews"), help: "Random settings per synth that keep a preview: the first N, a uniform sample (presets, init patches and sweeps always keep theirs; e.g. --random 100000 --random-previews 100000 keeps every one).")
    var randomPreviews: Int = AtlasSettings.defaultRandomPreviews

    // .unconditional: "--note -1" reaches validate() and its range message, not "Missing value".
    @Option(parsing: .unconditional, help: "MIDI note every patch is played at, 0...127 (default: \(RenderSettings.probe.note), as `render`).")
    var note: Int?

    @Option(help: "MIDI velocity 1...127 (LMMS: note volume in percent, 100 = unity).")
    var velocity: Int = RenderSettings.probe.velocity

    @Option(help: "Seconds from note-on to note-off.")
    var hold: Double = RenderSettings.probe.holdSeconds

    @Option(help: "Seconds rendered after note-off.")
    var tail: Double = RenderSettings.probe.tailSeconds

    @Option(help: "Several notes, e.g. 48,60,72: every patch is rendered at each and embedded as one point (the mean of the notes' embeddings); previews and levels are the middle note's.")
    var notes: String?

    @Option(help: "Embeddings computed elsewhere (float32 .npy [N, D]) to map and measure instead of ours; needs --ids.")
    var embedding: String?

    @Option(help: "CSV with a header line whose first column names each --embedding row's patch (the atlas's patch keys, every one).")
    var ids: String?

    func validate() throws {
        try validateProbe()
        guard random >= 0, random <= 1_000_000 else { throw ValidationError("--random must be 0...1000000") }
        guard sweepSteps >= 0, sweepSteps <= 1000 else { throw ValidationError("--sweep-steps must be 0...1000") }
        if let shard, shard != "auto", Shard(parsing: shard) == nil {
            throw ValidationError("--shard must be K/N with 1 <= K <= N, or auto")
        }
        guard previewSeconds.isFinite, previewSeconds > 0, previewSeconds <= 30 else {
            throw ValidationError("--preview-seconds must be in (0, 30]")
        }
        guard randomPreviews >= 0, randomPreviews <= 1_000_000 else { throw ValidationError("--random-previews must be 0...1000000") }
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
        var settings = AtlasSettings(randomCount: random, sampler: sampler,
                                     sweepSteps: sweepSteps, seed: seed)
        settings.previewSeconds = previewSeconds
        settings.randomPreviews = randomPreviews
        let probeNotes = try notes.map(Self.parseNotes) ?? []
        settings.probeNotes = probeNotes
        settings.render.note = probeNotes.isEmpty ? note ?? RenderSettings.probe.note : probeNotes[probeNotes.count / 2]
        settings.render.velocity = velocity
        settings.render.holdSeconds = hold
        settings.render.tailSeconds = tail
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
            var components = try BuiltInComponents.make()
            if let embedding, let ids {
                components.embedder = try ImportedEmbedder(npy: URL(fileURLWithPath: embedding), ids: URL(fileURLWithPath: ids))
            }
            result = try AtlasRun.run(sourcePaths: paths, out: outURL, settings: settings, shard: shardValue,
                                      components: components, root: URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
                                      progress: progress.report)
        } catch let mismatch as ImportedEmbeddingError {
            progress.finish()
            for line in mismatch.lines.dropLast() { FileHandle.standardError.write(Data("error: \(TerminalText.safe(line))\n".utf8)) }
            throw commandFailure(mismatch.lines.last ?? "imported embeddings do not match the catalog")
        } catch {
            progress.finish()
            throw commandFailure("\(error)")
        }
        progress.finish()
        for line in result.catalog.newBadInputs { FileHandle.standardError.write(Data("bad input: \(TerminalText.safe(line))\n".utf8)) }
        for key in result.crashedPatches {
            FileHandle.standardError.write(Data("skipped: \(TerminalText.safe(key)): its render crashed an earlier run\n".utf8))
        }
        let catalog = result.catalog
        if catalog.changedSources > 0 || catalog.vanishedSources > 0 {
            print("sources since the last run: \(catalog.changedSources) changed (read again), \(catalog.vanishedSources) gone (removed)")
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
        case .note(let line):
            FileHandle.standardError.write(Data("note: \(TerminalText.safe(line))\n".utf8))
        }
    }

    /// Ends the status line and reports how long the stage took.
    func finish() {
        if drewLine { FileHandle.standardError.write(Data("\n".utf8)); drewLine = false }
        if let stage {
            let seconds = Date().timeIntervalSince(stage.start)
            let peak = PeakMemory.bytesSoFar().map { ", peak memory so far \(PeakMemory.text($0))" } ?? ""
            FileHandle.standardError.write(Data(String(format: "%@ took %.1f s%@\n", stage.name, seconds, peak).utf8))
            self.stage = nil
        }
    }
}
