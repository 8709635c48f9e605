// The DX7 LFO and its onset delay are computed a straight run at a time (a segment of the wave, the
// delay's hold or ramp), the sine by the AVX2 loop where the processor has it. Taken in spans of any
// length they must give, sample for sample, what the Swift loops give one sample at a time: the same
// values, the same pitch value at each span's end, the same state.
import Testing
import TestSupport
@testable import Synthesis

@Suite struct DX7LFORunTests {
    @Test(arguments: [0, 1, 12, 40, 73, 99])
    func delayRunsGiveTheValuesOfSingleSteps(delay: Int) {
        var random = TestRandom(seed: UInt64(delay) + 3)
        var stepped = DX7LFODelay(delay: delay, sampleRateHz: 44_100)
        var taken = stepped, advanced = stepped
        // 4 s: past the full-depth point of every delay up to 99 (about 3.6 s).
        let total = 176_400
        var sample = 0, differing = 0, runs = 0, phases = Set<String>()
        while sample < total {
            let run = taken.takeRun(upTo: Swift.min(1 + Int(random.next() % 700), total - sample))
            runs += 1
            phases.insert(run.value == 0 && run.increment == 0 ? "hold" : run.increment != 0 ? "ramp" : "full")
            for k in 0..<run.count {
                if stepped.value != run.value &+ Int32(k) &* run.increment { differing += 1 }
                stepped.step()
            }
            advanced.advance(run.count)
            if advanced.value != stepped.value || taken.value != stepped.value || advanced.isSettled != stepped.isSettled {
                differing += 1
            }
            sample += run.count
        }
        #expect(differing == 0, "delay \(delay): \(differing) samples or run ends differ over \(runs) runs")
        #expect(stepped.isSettled && stepped.value == DX7LFO.one)
        // Delay 0 starts at full depth; any other first holds, then ramps.
        #expect(phases == (delay == 0 ? ["full"] : ["hold", "ramp", "full"]), "delay \(delay): \(phases)")
    }

    @Test(arguments: 0..<6)
    func waveSpansGiveTheSamplesOfSingleSamples(wave: Int) {
        var random = TestRandom(seed: UInt64(wave) + 11)
        let cosine = DX7OperatorKernel.cosineTable
        let spans = UnsafeMutablePointer<Int32>.allocate(capacity: 64), single = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
        defer { spans.deallocate(); single.deallocate() }
        var differing = 0, compared = 0, distinct = Set<Int32>()
        cosine.withUnsafeBufferPointer { table in
            // Slow to fast, down to the 8-sample shortest period (speed 99), so spans cross segments.
            // By span with the AVX2 sine where the processor has it; sample by sample with the Swift loop.
            for speed in [0, 35, 70, 99] {
                var bySpan = DX7LFO(speed: speed, wave: wave, sampleRateHz: 44_100, seed: 5, vectorised: DX7VectorKernels.available)
                var bySample = DX7LFO(speed: speed, wave: wave, sampleRateHz: 44_100, seed: 5)
                for _ in 0..<2_000 {
                    let count = 1 + Int(random.next() % 64)
                    bySpan.fill(spans, count: count, cosine: table.baseAddress!)
                    for s in 0..<count {
                        bySample.fill(single, count: 1, cosine: table.baseAddress!)
                        compared += 1
                        if single[0] != spans[s] { differing += 1 }
                        distinct.insert(spans[s])
                    }
                    if bySpan.pitchValue != bySample.pitchValue { differing += 1 }
                }
            }
        }
        #expect(compared > 200_000)
        #expect(distinct.count > 500, "wave \(wave): only \(distinct.count) distinct values")
        #expect(differing == 0, "wave \(wave): \(differing) of \(compared) samples or pitch values differ")
    }
}
