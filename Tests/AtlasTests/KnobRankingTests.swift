// Knobs ranked by how far they move the timbre (loudness and pitch left out, silent steps skipped);
// stickiness ranked by the share at the default; defaults a patch needs told apart from habits.
import Features
import Foundation
import SoundSpace
import Testing
@testable import Atlas

@Suite struct KnobRankingTests {
    static let names = EmbeddingLayout.names

    /// A row of the built-in layout: zero everywhere but `set`.
    static func row(_ set: [String: Float]) -> [Float] {
        names.map { set[$0] ?? 0 }
    }

    @Test func loudnessPitchAndSilentStepsDoNotCount() throws {
        // Row 0: the init sound. "vol" moves only level dimensions (far), "note" only f0 and absolute-Hz
        // brightness (far), "cutoff" a timbre dimension by 1, 2, 3; "drive" jumps by 50 on a silent step
        // and 0.5 on an audible one.
        let rows: [[Float]] = [
            Self.row([:]),
            Self.row(["loudness.db": 20]), Self.row(["loudness.db": 40]),
            Self.row(["pitch.f0.log2_over_a440": 30, "centroid.sustain.log2hz": 30, "zcr.sustain.mean": 30]),
            Self.row(["mfcc3.sustain.mean": 1]), Self.row(["mfcc3.sustain.mean": 2]), Self.row(["mfcc3.sustain.mean": 3]),
            Self.row(["mfcc5.attack.mean": 50]), Self.row(["centroid.sustain.log2_over_f0": 0.5]),
        ]
        let space = try Matrix(rows)
        let timbre = KnobRanking.selecting(columns: KnobRanking.timbreColumns(columns: space.columns), of: space)
        let silent: Set<Int> = [7]
        let ranked = try KnobRanking.rank(sweeps: ["vol": [1, 2], "note": [3], "cutoff": [4, 5, 6], "drive": [7, 8]],
                                          initRow: 0, timbre: timbre, heard: { !silent.contains($0) })
        #expect(ranked.map(\.parameter) == ["cutoff", "drive", "note", "vol"])
        #expect(ranked.map(\.radius) == [3, 0.5, 0, 0])
        #expect(ranked.first { $0.parameter == "drive" }?.skippedSteps == 1)
        // With loudness kept (all columns), "vol" would lead: the old ranking's failure.
        let raw = try KnobRanking.rank(sweeps: ["vol": [1, 2], "cutoff": [4, 5, 6]], initRow: 0, timbre: space, heard: { _ in true })
        #expect(raw.first?.parameter == "vol")
    }

    /// A step a fifth up (7/12 octave) is a transposition; 10 cents is not; an unvoiced side tells nothing.
    @Test func transposingStepsAreToldByTheHeldPitch() {
        let initPitch = KnobRanking.heldPitch(Self.row(["pitch.f0.log2_over_a440": -0.75, "pitch.voiced.fraction": 0.9]))
        #expect(initPitch == -0.75)
        #expect(KnobRanking.transposes(-0.75 + 7.0 / 12, from: initPitch))
        #expect(!KnobRanking.transposes(-0.75 + 0.1 / 12, from: initPitch))
        let unvoiced = KnobRanking.heldPitch(Self.row(["pitch.f0.log2_over_a440": 1, "pitch.voiced.fraction": 0.2]))
        #expect(unvoiced == nil && !KnobRanking.transposes(unvoiced, from: initPitch))
        #expect(KnobRanking.heldPitch([1, 2, 3]) == nil)
    }

    @Test func anEmbeddingWithoutNamesKeepsEveryColumn() {
        #expect(KnobRanking.timbreColumns(columns: 5) == [0, 1, 2, 3, 4])
        let kept = KnobRanking.timbreColumns(columns: Self.names.count).map { Self.names[$0] }
        #expect(kept.contains("mfcc1.sustain.mean") && kept.contains("centroid.sustain.log2_over_f0"))
        #expect(!kept.contains { $0.hasPrefix("mfcc0.") || $0.hasPrefix("rms.") || $0 == "pitch.f0.log2_over_a440" })
    }

    /// A default kept by 7 % of presets that random settings almost never hit has a huge lift; a default
    /// 90 % of presets keep is the stickier one.
    @Test func stickinessIsRankedByShareNotLift() {
        let rare = ParameterColumn(id: "eldata.fcut", label: "cutoff", atDefault: (0..<100).map { $0 < 7 }, randomAtDefaultProbability: 0.0001)
        let kept = ParameterColumn(id: "track.pan", label: "pan", atDefault: (0..<100).map { $0 < 90 }, randomAtDefaultProbability: 0.2)
        let bank = ParameterBankReport(synthID: "s", tool: "t", presets: 100, parameters: ParameterStickiness.analyse([rare, kept]), distances: [])
        #expect(bank.parameters[0].lift! > bank.parameters[1].lift!)
        #expect(BiasReport.stickiest(bank).map(\.id) == ["track.pan", "eldata.fcut"])
    }

    /// DX7-like, 3 s tail: the init note releases in 0.5 s. A step whose level never falls 20 dB within the
    /// tail never ends (a level 4 above 0); an inaudible step is silent; a step that ends sooner is a habit.
    @Test func neededDefaultsAreToldFromHabits() throws {
        func sound(audible: Bool = true, releaseSeconds: Float) -> DefaultNeeds.Sound {
            DefaultNeeds.Sound(synth: "dx7", parameter: "p", audible: audible,
                               vector: audible ? Self.row(["envelope.release.log10s": log10(releaseSeconds)]) : [])
        }
        let initSound = sound(releaseSeconds: 0.5)
        let level4 = try #require(DefaultNeeds.classify(initSound: initSound, steps: [sound(releaseSeconds: 2.98), sound(releaseSeconds: 0.5)],
                                                        tailSeconds: 3))
        #expect(level4.needed && level4.neverEnding == 1 && level4.silent == 0)
        #expect(level4.text == "needed to sound (1/2 never end)")
        let output = try #require(DefaultNeeds.classify(initSound: initSound, steps: [sound(audible: false, releaseSeconds: 0)], tailSeconds: 3))
        #expect(output.needed && output.silent == 1)
        let colour = try #require(DefaultNeeds.classify(initSound: initSound, steps: [sound(releaseSeconds: 0.2)], tailSeconds: 3))
        #expect(!colour.needed)
        // An init sound that never ends itself tells nothing; nor does a silent one.
        #expect(DefaultNeeds.classify(initSound: sound(releaseSeconds: 2.99), steps: [initSound], tailSeconds: 3) == nil)
        #expect(DefaultNeeds.classify(initSound: sound(audible: false, releaseSeconds: 0), steps: [initSound], tailSeconds: 3) == nil)
    }
}

@Suite struct CrossSynthCoverageTests {
    /// Two synths on a line: "a" at 0...19, "b" at 10...49. Both ways are measured, named by reference>candidate,
    /// and equal CoverageMetrics on the same sets; a synth with k presets or fewer is left out.
    @Test func everyPairIsMeasuredBothWays() throws {
        let a = try Matrix((0..<20).map { [Float($0)] }), b = try Matrix((10..<50).map { [Float($0)] }), c = try Matrix([[0], [1]])
        let metrics = try CrossSynthCoverage.metrics(presetsBySynth: ["a": a, "b": b, "c": c], k: 3)
        let byName = Dictionary(uniqueKeysWithValues: metrics.map { ($0.name, $0.value) })
        #expect(Set(byName.keys) == ["a>b.precision", "a>b.recall", "b>a.precision", "b>a.recall"])
        #expect(metrics.allSatisfy { $0.scope == "cross-synth" })
        let ab = try CoverageMetrics.compute(reference: a, candidate: b, k: 3)
        #expect(byName["a>b.precision"] == ab.precision && byName["a>b.recall"] == ab.recall)
        // b's presets from 10 to 49: only those near a's 0...19 fall inside a's region, so precision is well below 1;
        // a's presets 10...19 lie inside b's region, 0...9 not (b's radii are about 3).
        #expect(byName["a>b.precision"]! < 0.5)
        #expect(abs(byName["a>b.recall"]! - 0.55) < 0.15)

        var data = ReportData()
        for (scope, name, value) in metrics { data.metrics[scope, default: [:]][name] = value }
        let table = CrossSynthTable.markdown(data)
        #expect(table.contains("| a | – | "))
        #expect(table.contains("![Which synth covers what](cross-synth.svg)"))
        let svg = try #require(CrossSynthTable.svg(data))
        #expect(svg.components(separatedBy: "<title>").count - 1 == 4)
    }
}
