// The amsynth engine's shortcuts against the plain computations they stand for: the saw computed 4
// phases at a time, a sine LFO that writes only the sample its caller reads, the sustain level held
// once its smoother stops moving, and no distortion without crunch. Each must give the same bits.
import Testing
@testable import Synthesis

@Suite struct AmsynthShortcutTests {
    @Test(arguments: [Float(0.005), 0.25, 0.5, 0.9, 1])
    func sawFourAtATimeEqualsOneAtATime(shape: Float) {
        // Phases within a block (0 up to 2π + 64π), a few exact multiples of 2π, and negatives,
        // which take the lane-by-lane path.
        var phases: [Float] = (0..<4_000).map { Float($0) * 0.0517 }
        phases += [0, Float(AmsynthOscillator.twoPi), 2 * Float(AmsynthOscillator.twoPi), -0.3, -7, 1e-30, 206]
        while phases.count % 4 != 0 { phases.append(3) }
        var differing = 0
        for i in stride(from: 0, to: phases.count, by: 4) {
            let v = AmsynthOscillator.sawValues(SIMD4(phases[i], phases[i + 1], phases[i + 2], phases[i + 3]), shape)
            for lane in 0..<4 where v[lane].bitPattern != AmsynthOscillator.sawValue(phases[i + lane], shape).bitPattern {
                differing += 1
            }
        }
        #expect(differing == 0, "\(differing) of \(phases.count) phases differ")
    }

    @Test func aSineThatWritesOneSampleKeepsItsPhase() {
        var noise = AmsynthNoise(seed: 1)
        var full = AmsynthOscillator(sampleRate: 44_100), first = AmsynthOscillator(sampleRate: 44_100)
        var a = [Float](repeating: 0, count: 64), b = a
        var differing = 0
        // Uneven blocks and a changing frequency (the oscillator ramps it across each block).
        for (k, count) in [64, 17, 64, 3, 64, 64, 40].enumerated() {
            let hz = Float(3 + 5 * k)
            full.process(&a, count: count, hz: hz, pulseWidth: 0, noise: &noise)
            first.process(&b, count: count, hz: hz, pulseWidth: 0, noise: &noise, samplesRead: 1)
            if a[0].bitPattern != b[0].bitPattern { differing += 1 }
        }
        #expect(differing == 0)
        #expect(a[0] != 0, "the sine moved off 0")
    }

    @Test func theSustainLevelFollowsItsSmootherSampleBySample() {
        var envelope = AmsynthEnvelope(sampleRate: 44_100)
        envelope.attack = 0.0005; envelope.decay = 0.01; envelope.sustain = 0.3
        envelope.noteOn()
        var values = [Float](repeating: 0, count: 44_100)
        values.withUnsafeMutableBufferPointer { v in
            var done = 0
            while done < v.count {
                let n = min(64, v.count - done)
                envelope.process(v.baseAddress! + done, count: n)
                done += n
            }
        }
        // After attack (22 frames) and decay (441), each sample is the smoother's step from the last.
        let start = 22 + 441 + 1
        let broken = (start..<(values.count - 1)).filter { values[$0 + 1] != values[$0] + (0.3 - values[$0]) * 0.005 }
        #expect(broken.isEmpty, "\(broken.count) samples break the recurrence, first at \(broken.first ?? -1)")
        // It stops where the step (0.3 − z) × 0.005 rounds away: within a few 1e-6 of the level.
        #expect(abs(values[values.count - 1] - 0.3) < 1e-5, "it reaches the sustain level")
    }

    @Test func noCrunchLeavesTheSignalUntouched() {
        var distortion = AmsynthDistortion(crunch: 0)
        var x: [Float] = (0..<200).map { Float($0 - 100) / 37 }
        let before = x
        x.withUnsafeMutableBufferPointer { distortion.process($0.baseAddress!, count: $0.count) }
        #expect(x.map(\.bitPattern) == before.map(\.bitPattern))
    }
}
