// Default-bias statistics: Wilson intervals against published values, stickiness lifts, init-patch
// distances and tempo spike ratios on hand-built data whose answers are known in advance.
import Testing
@testable import SoundSpace

@Suite struct BiasStatisticsTests {
    @Test func wilsonIntervalMatchesPublishedValues() {
        // Brown, Cai & DasGupta (2001) and any table of Wilson intervals: 0/10 → [0, 0.2775],
        // 5/10 → [0.2366, 0.7634], 10/10 → [0.7225, 1].
        let zero = ProportionInterval.wilson(successes: 0, trials: 10)
        #expect(zero.lower == 0 && abs(zero.upper - 0.2775) < 5e-4)
        let half = ProportionInterval.wilson(successes: 5, trials: 10)
        #expect(abs(half.lower - 0.2366) < 5e-4 && abs(half.upper - 0.7634) < 5e-4)
        let all = ProportionInterval.wilson(successes: 10, trials: 10)
        #expect(abs(all.lower - 0.7225) < 5e-4 && all.upper == 1)
        #expect(ProportionInterval.wilson(successes: 0, trials: 0) == ProportionInterval(lower: 0, upper: 1))
    }

    @Test func stickinessLiftAndUntouched() {
        // 64 of 128 presets at the default of a 128-step knob: share 0.5, random 1/128, lift 64.
        let knob = ParameterColumn(id: "knob", label: "Knob", atDefault: (0..<128).map { $0 < 64 },
                                   randomAtDefaultProbability: 1.0 / 128)
        let switchOff = ParameterColumn(id: "switch", label: "Switch", atDefault: Array(repeating: true, count: 128),
                                        randomAtDefaultProbability: 0.5)
        let results = ParameterStickiness.analyse([knob, switchOff])
        #expect(results[0].atDefault == 64 && results[0].share == 0.5)
        #expect(results[0].lift == 64)
        let ci = results[0].liftInterval!
        #expect(ci.lower < 64 && ci.upper > 64 && ci.lower > 40 && ci.upper < 90)
        #expect(!results[0].untouched)
        #expect(results[1].untouched && results[1].lift == 2)
    }

    @Test func liftIsNilWhenRandomNeverHitsTheDefault() {
        let r = ParameterStickiness.analyse([ParameterColumn(id: "x", label: "x", atDefault: [true], randomAtDefaultProbability: 0)])
        #expect(r[0].lift == nil && r[0].liftInterval == nil)
    }

    @Test func initPatchDistance() {
        // Differences 0.3 and 0.4 over 2 parameters: RMS = sqrt((0.09 + 0.16) / 2) = sqrt(0.125).
        let d = InitPatchDistance.measure(preset: [0.8, 0.1], initPatch: [0.5, 0.5], changed: [true, true])
        #expect(abs(d.rms - 0.125.squareRoot()) < 1e-12)
        #expect(d.changedParameters == 2)
        #expect(InitPatchDistance.measure(preset: [0.5], initPatch: [0.5], changed: [false]) == InitPatchDistance(rms: 0, changedParameters: 0))
    }

    @Test func tempoSpikeRatioOnKnownData() {
        // 20 songs at 140 and one at each of 132…139 and 141…148: spike ratio 20 / 1 = 20; share 20/36.
        let neighbours = (132...148).filter { $0 != 140 }.map(Double.init)
        let songs = Array(repeating: 140.0, count: 20) + neighbours + [90, 174]
        let s = TempoStatistics.summarise(bpms: songs, defaultBPM: 140, resamples: 500, seed: 1)
        #expect(s.files == 38 && s.atDefault == 20)
        #expect(abs(s.shareAtDefault - 20.0 / 38) < 1e-12)
        #expect(s.neighbourMean == 1)
        #expect(s.spikeRatio == 20)
        #expect(s.histogram.first { $0.bpm == 140 }?.count == 20)
        #expect(s.histogram.first { $0.bpm == 90 }?.count == 1)
        let share = s.shareInterval
        #expect(share.lower < s.shareAtDefault && s.shareAtDefault < share.upper)
        let spike = s.spikeInterval!
        #expect(spike.lower < 20 && 20 < spike.upper)
    }

    @Test func nearDefaultIsNotAtDefault() {
        // 140.2 BPM rounds into the default bin but is not the default itself.
        let s = TempoStatistics.summarise(bpms: [140.2, 140, 120], defaultBPM: 140, resamples: 10)
        #expect(s.atDefault == 1)
        #expect(s.spikeRatio == nil)  // nothing at 132…139 or 141…148
    }

    @Test func bootstrapIsSeeded() {
        let songs = (0..<200).map { Double(100 + ($0 * 37) % 60) } + Array(repeating: 120, count: 30)
        let a = TempoStatistics.summarise(bpms: songs, defaultBPM: 120, resamples: 300, seed: 42)
        let b = TempoStatistics.summarise(bpms: songs, defaultBPM: 120, resamples: 300, seed: 42)
        #expect(a == b)
        let c = TempoStatistics.summarise(bpms: songs, defaultBPM: 120, resamples: 300, seed: 43)
        #expect(a.atDefault == c.atDefault)
    }

    @Test func emptyAndNonFiniteInput() {
        let s = TempoStatistics.summarise(bpms: [.nan, .infinity], defaultBPM: 120)
        #expect(s.files == 0 && s.atDefault == 0 && s.spikeRatio == nil && s.histogram.isEmpty)
    }
}
