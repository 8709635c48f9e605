// `presetatlas render`: one preset to one audio file, or many presets (files or folders) into a folder.
import ArgumentParser
import Atlas
import Features
import Foundation
import Synthesis
#if canImport(Glibc)
import Glibc
#endif

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render presets with the built-in synth engines (LMMS 1.2.2 instrument .xpf presets, Yamaha DX7 .syx/.dx7, amsynth .bank).",
        discussion: """
        Examples:
        One file:  presetatlas render Bell.xpf --note 69 --velocity 100 --hold 1.0 --tail 3.0 --tempo 120 --out bell.wav
        A batch:   presetatlas render .cache/factory/usr/share/lmms/presets/TripleOscillator --out-dir renders/
        --note 69 --velocity 100 --hold 1.0 --tail 3.0 --tempo 120 gives LMMS's reference renders' settings
        (LMMS key 57 = MIDI 69 = A4). Velocity is LMMS's note volume in percent (100 = unity).
        DX7 banks: presetatlas render dx7_roms.dx7 --index 10 --note 60 --velocity 100 --hold 1.5 --tail 1.5 --out epiano.wav
        (--index is the 0-based voice number in the file; a batch renders every voice as NAME_000.wav ...).
        For DX7 voices --velocity is the MIDI velocity 0...127.
        A bad file gets one error line and the batch goes on; the exit status is 1 if any file failed.
        """)

    @Argument(help: "Preset files or folders (folders are searched for .xpf, .syx and .dx7 files).")
    var inputs: [String]

    @Option(help: "Output file for a single preset (.wav: 32-bit float, .flac: 24-bit).")
    var out: String?

    @Option(name: .customLong("out-dir"), help: "Output folder for a batch (one file per preset).")
    var outDir: String?

    @Option(help: "Which patch of a bank file to render with --out (0-based; DX7 banks hold 32 or more).")
    var index: Int?

    @Option(help: "Audio format of batch outputs: wav or flac.")
    var format: RenderedAudioFormat = .wav

    // .unconditional: "--note -1" reaches validate() and its range message, not "Missing value".
    // Defaults: the atlas's probe (RenderSettings.probe), so a render sounds like the atlas's point.
    @Option(parsing: .unconditional, help: "MIDI note 0...127 (69 = A4).")
    var note: Int = RenderSettings.probe.note

    @Option(help: "LMMS note volume in percent, 0...200 (100 = unity).")
    var velocity: Int = RenderSettings.probe.velocity

    @Option(help: "Seconds from note-on to note-off.")
    var hold: Double = RenderSettings.probe.holdSeconds

    @Option(name: .customLong("hold-beats"), help: "Note length in beats at --tempo, counted in frames as LMMS does (replaces --hold).")
    var holdBeats: Double?

    @Option(help: "Seconds rendered after note-off.")
    var tail: Double = RenderSettings.probe.tailSeconds

    @Option(help: "Song tempo in BPM (tempo-synced LFOs and arpeggios). LMMS's default is 140.")
    var tempo: Double = 120

    @Option(help: "Seed of the noise sources.")
    var seed: UInt64 = 1

    @Option(name: .customLong("sample-rate"), help: "Sample rate in Hz.")
    var sampleRate: Double = 44_100

    @Option(help: "Render presets on this many threads (batch).")
    var jobs: Int = 1

    @Flag(name: .customLong("no-write"), help: "Render but write nothing (for benchmarks).")
    var noWrite = false

    func validate() throws {
        if out == nil && outDir == nil && !noWrite { throw ValidationError("give --out FILE (one preset) or --out-dir DIR (a batch)") }
        if out != nil && inputs.count != 1 { throw ValidationError("--out takes exactly one preset file; use --out-dir for several") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let holdBeats, !(holdBeats >= 0 && holdBeats <= 10_000) { throw ValidationError("--hold-beats must be 0...10000") }
        if let index, index < 0 { throw ValidationError("--index must be 0 or more") }
        if !(0...127).contains(note) { throw ValidationError("--note must be a MIDI note 0...127 (69 = A4), not \(note)") }
        // Non-finite or absurd times would trap when turned into frame counts.
        if !(0...600).contains(hold) || !(0...600).contains(tail) { throw ValidationError("--hold and --tail must be seconds in 0...600") }
        if !(8_000...384_000).contains(sampleRate) { throw ValidationError("--sample-rate must be 8000...384000 Hz") }
        if !(1...999).contains(tempo) { throw ValidationError("--tempo must be 1...999 BPM") }
        if index != nil && out == nil { throw ValidationError("--index picks one patch for --out; a batch renders every patch") }
    }

    func run() throws {
        let settings = RenderSettings(note: note, velocity: velocity, holdSeconds: hold, tailSeconds: tail,
                                      sampleRateHz: sampleRate, tempoBPM: tempo, seed: seed,
                                      holdBeats: holdBeats)
        let rendering = PresetRendering()
        if let out, outDir == nil {
            let clip = try rendering.render(URL(fileURLWithPath: inputs[0]), index: index ?? 0, settings: settings)
            if !noWrite { try AudioFile.write(clip, to: URL(fileURLWithPath: out)) }
            return
        }
        let found = SourceDiscovery.files(in: inputs, extensions: Set(SynthRegistry.renderableFormats.flatMap(\.extensions)))
        let files = found.files, missing = found.missing
        for path in missing { FileHandle.standardError.write(Data("error: \(TerminalText.safe(path)): no such file or folder\n".utf8)) }
        for problem in found.problems { FileHandle.standardError.write(Data("error: \(TerminalText.safe("\(problem)"))\n".utf8)) }
        if let outDir, !noWrite {
            try FileManager.default.createDirectory(atPath: outDir, withIntermediateDirectories: true)
        }
        let report = BatchRender.run(files: files, settings: settings, rendering: rendering, jobs: jobs,
                                     outputDirectory: noWrite ? nil : outDir.map { URL(fileURLWithPath: $0) },
                                     format: format.rawValue, showProgress: isatty(2) != 0)
        let audioSeconds = Double(report.patches) * Double(settings.totalFrames) / sampleRate
        let perSecond = Double(report.patches) / max(report.seconds, 1e-9)
        let perCPUSecond = Double(report.patches) / max(report.cpuSeconds, 1e-9)
        FileHandle.standardError.write(Data(String(
            format: "rendered %d of %d files (%d patches, %d audio files written) in %.3f s: %.1f renders/s, %.0fx realtime (%d jobs); CPU %.3f s: %.1f renders/s per core, %.0fx realtime per core\n",
            report.rendered, files.count, report.patches, report.written, report.seconds, perSecond, audioSeconds / max(report.seconds, 1e-9), jobs,
            report.cpuSeconds, perCPUSecond, audioSeconds / max(report.cpuSeconds, 1e-9)).utf8))
        if report.failed > 0 || !missing.isEmpty || !found.problems.isEmpty { throw ExitCode(1) }
    }
}
