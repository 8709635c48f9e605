// The one measurement every engine benchmark makes: renders of a note on N threads, wall and CPU time.
import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Synthesis

/// CPU seconds this process has used (all threads).
func processCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

struct RenderThroughput {
    var rendersPerSecond: Double
    /// Seconds of audio per wall second.
    var realtime: Double
    /// Seconds of audio per CPU second (the per-core figure, whatever else runs on the machine).
    var realtimePerCPUSecond: Double
    /// CPU seconds per wall second, as a percentage (200 % = two cores busy).
    var cpuUse: Double

    /// Renders `count` notes of `patches` (round robin) on `threads` threads.
    static func measure(model: any SynthModel, patches: [Patch], count: Int, threads: Int,
                        settings: RenderSettings) -> RenderThroughput {
        measure(count: count, threads: threads, settings: settings) { notes in
            for i in notes { _ = try? model.render(patches[i % patches.count], settings: settings) }
        }
    }

    /// Renders notes 0..<count on `threads` threads, `batch` notes per call of `render` (which gets
    /// the notes' numbers; note i plays patch i modulo the bank).
    static func measure(count: Int, threads: Int, settings: RenderSettings, batch: Int = 1,
                        render: @Sendable (Range<Int>) -> Void) -> RenderThroughput {
        let start = DispatchTime.now().uptimeNanoseconds
        let cpuStart = processCPUSeconds()
        DispatchQueue.concurrentPerform(iterations: threads) { worker in
            var i = worker * batch
            while i < count {
                render(i..<Swift.min(i + batch, count))
                i += threads * batch
            }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let cpuSeconds = processCPUSeconds() - cpuStart
        let noteSeconds = settings.holdSeconds + settings.tailSeconds
        let rendersPerSecond = Double(count) / seconds
        return RenderThroughput(rendersPerSecond: rendersPerSecond, realtime: rendersPerSecond * noteSeconds,
                                realtimePerCPUSecond: Double(count) * noteSeconds / max(cpuSeconds, 1e-9),
                                cpuUse: 100 * cpuSeconds / seconds)
    }
}
