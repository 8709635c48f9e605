// `presetatlas dev bench-dx7`: renders per second and x-realtime of the DX7 engine on one or more cores,
// block kernel against the naive per-sample loop and against notes side by side in lanes (figures for BENCHMARKS.md).
import ArgumentParser
import Dispatch
import Formats
import Foundation
import Synthesis
struct BenchDX7: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-dx7",
        abstract: "Benchmark the DX7 engine: renders/s of a note on 1..N cores, x realtime, block vs naive kernel.",
        discussion: """
        Example (what `make bench` runs):
          presetatlas dev bench-dx7 .cache/factory/usr/share/hexter/dx7_roms.dx7 --hold 1.5 --tail 1.5 --jobs 1 --jobs 2
        Every voice of the bank is rendered (note 60, velocity 100) `--rounds` times per measurement.
        The workload of a million-sound atlas instead: uniform random settings as `atlas --random` samples them,
          presetatlas dev bench-dx7 --random 512 --seed 1 --jobs 1 --rounds 4
        """)

    @Argument(help: "A DX7 bank (.syx bulk dump, or hexter's raw .dx7); leave out with --random.")
    var bank: String?

    @Option(help: "Render this many uniform random settings (the atlas's sampler) instead of a bank.")
    var random: Int?

    @Option(help: "Seed of the random settings.")
    var seed: UInt64 = 1

    @Option(help: "Seconds from note-on to note-off.")
    var hold: Double = 1.5

    @Option(help: "Seconds rendered after note-off.")
    var tail: Double = 1.5

    @Option(help: "Thread counts to measure (repeatable).")
    var jobs: [Int] = [1, 2]

    @Option(help: "Kernels to measure (repeatable): naive, block, lanes (notes rendered side by side: 32 with AVX2, else 4).")
    var kernel: [DX7.Kernel] = [.naive, .block, .lanes]

    /// Which loops the engine runs: the scalar ones, or the AVX2 ones (DX7.usesAVX2).
    enum Loops: String, ExpressibleByArgument, CaseIterable { case scalar, avx2 }

    @Option(help: "Loops to measure (repeatable): scalar, avx2 (where the processor has AVX2). Same samples, side by side.")
    var loops: [Loops] = [.scalar, .avx2]

    @Option(help: "How many times the whole bank is rendered per measurement.")
    var rounds: Int = 2

    func validate() throws {
        if jobs.contains(where: { $0 < 1 }) { throw ValidationError("--jobs must be at least 1") }
        if rounds < 1 { throw ValidationError("--rounds must be at least 1") }
        if (bank == nil) == (random == nil) { throw ValidationError("give a bank or --random N, not both") }
        // Every setting is held in memory for the whole measurement (a few KB each).
        if let random, !(1...Self.mostRandom).contains(random) {
            throw ValidationError("--random must be 1...\(Self.mostRandom) (the settings are held in memory; the bench needs a few hundred)")
        }
        if !hold.isFinite || !tail.isFinite || hold < 0 || tail < 0 || hold + tail > 600 {
            throw ValidationError("--hold \(hold) and --tail \(tail) must be finite, >= 0, and together at most 600 s")
        }
    }

    static let mostRandom = 100_000

    func run() throws {
        let schema = try SynthDefinition.named("dx7")
        let patches: [Patch], source: String
        if let bank {
            patches = try DX7SysEx.read(URL(fileURLWithPath: bank)).voices.map { $0.patch(schema: schema) }
            source = "voices of " + (bank as NSString).lastPathComponent
        } else {
            patches = try PatchSampler(schema: schema, method: .uniform, seed: seed).randomPatches(0..<(random ?? 0))
            source = "uniform random settings (seed \(seed))"
        }
        let settings = RenderSettings(note: 60, velocity: 100, holdSeconds: hold, tailSeconds: tail)
        print(String(format: "DX7 engine, %d %@, %.1f s notes at %.0f Hz", patches.count, source, hold + tail,
                     settings.sampleRateHz))
        if loops.contains(.avx2), !DX7.processorHasAVX2 { print("this processor has no AVX2: scalar loops only") }
        let sets = loops.filter { $0 == .scalar || DX7.processorHasAVX2 }
        print("kernel  loops   jobs  renders/s  x realtime  x realtime per CPU-second  CPU use")
        // The naive kernel has no vector loops: measured once.
        for kernel in self.kernel { for set in sets where !(kernel == .naive && set == .avx2 && sets.contains(.scalar)) {
            var configured = DX7(schema: schema, kernel: kernel)
            configured.usesAVX2 = set == .avx2
            let model = configured
            _ = try model.render(patches[0], settings: settings)  // warm up tables
            for threads in jobs {
                let t = kernel == .lanes
                    ? RenderThroughput.measure(count: patches.count * rounds, threads: threads, settings: settings,
                                               batch: DX7Lanes.width(avx2: model.usesAVX2)) { notes in
                        _ = try? model.renderSideBySide(notes.map { patches[$0 % patches.count] }, settings: settings)
                    }
                    : RenderThroughput.measure(model: model, patches: patches, count: patches.count * rounds, threads: threads,
                                               settings: settings)
                print(String(format: "%-6@  %-6@  %4d  %9.1f  %10.0f  %24.0f  %6.0f%%", kernel.rawValue, set.rawValue, threads,
                             t.rendersPerSecond, t.realtime, t.realtimePerCPUSecond, t.cpuUse))
            }
        } }
    }
}
