// `presetatlas dev bench-amsynth`: renders per second and x realtime of the amsynth engine on 1..N cores
// (figures for BENCHMARKS.md; the measurement is RenderThroughput's, shared with bench-dx7).
import ArgumentParser
import Dispatch
import Formats
import Foundation
import Synthesis

struct BenchAmsynth: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-amsynth",
        abstract: "Benchmark the amsynth engine: renders/s of a note on 1..N cores, x realtime per CPU-second.",
        discussion: """
        Example (what `make bench` runs):
          presetatlas dev bench-amsynth .cache/factory/usr/share/amsynth/banks/BriansBank01.amSynth.bank --jobs 1 --jobs 2
        Every preset of the banks is rendered (note 60, velocity 100, 1.0 s + 1.5 s) `--rounds` times.
        """)

    @Argument(help: "amsynth bank files (.bank).")
    var banks: [String]

    @Option(help: "Seconds from note-on to note-off.")
    var hold: Double = 1.0

    @Option(help: "Seconds rendered after note-off.")
    var tail: Double = 1.5

    @Option(help: "Thread counts to measure (repeatable).")
    var jobs: [Int] = [1, 2]

    @Option(help: "How many times every preset is rendered per measurement.")
    var rounds: Int = 1

    func validate() throws {
        if jobs.contains(where: { $0 < 1 }) { throw ValidationError("--jobs must be at least 1") }
        if rounds < 1 { throw ValidationError("--rounds must be at least 1") }
        if banks.isEmpty { throw ValidationError("give at least one .bank file") }
    }

    func run() throws {
        let schema = try SynthDefinition.named(Amsynth.schemaID)
        let model = Amsynth(schema: schema)
        let patches = try banks.flatMap { path -> [Patch] in
            let url = URL(fileURLWithPath: path)
            return try AmsynthBank.parse(Data(contentsOf: url), fileName: url.lastPathComponent, schema: schema)
                .patches(schema: schema, source: url.lastPathComponent)
        }
        guard !patches.isEmpty else { throw ValidationError("the banks hold no preset") }
        let settings = RenderSettings(note: 60, velocity: 100, holdSeconds: hold, tailSeconds: tail)
        print(String(format: "amsynth engine, %d presets of %d bank(s), %.1f s notes at %.0f Hz", patches.count, banks.count,
                     hold + tail, settings.sampleRateHz))
        print("jobs  renders/s  x realtime  x realtime per CPU-second  CPU use")
        for threads in jobs {
            let t = RenderThroughput.measure(model: model, patches: patches, count: patches.count * rounds, threads: threads,
                                             settings: settings)
            print(String(format: "%4d  %9.1f  %10.0f  %24.0f  %6.0f%%", threads, t.rendersPerSecond, t.realtime,
                         t.realtimePerCPUSecond, t.cpuUse))
        }
    }
}
