// The whole LMMS factory bank through the engine (every preset finite and audible), and fidelity against
// LMMS 1.2.2's own renders on a subset (distance goals, pitch by FFT peak, level).
import Features
import Foundation
import Synthesis
import Testing
@testable import Atlas

enum LMMSFactoryFixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let presets = packageRoot.appendingPathComponent(".cache/factory/usr/share/lmms/presets/TripleOscillator")
    /// `../shared/fixtures/lmms-reference`, beside the package root.
    static let references = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/fixtures/lmms-reference")
    static var presetsPresent: Bool { FileManager.default.fileExists(atPath: presets.appendingPathComponent("TB303.xpf").path) }
    static var referencesPresent: Bool { FileManager.default.fileExists(atPath: references.appendingPathComponent("manifest.csv").path) }
    static func rendering() -> PresetRendering {
        return PresetRendering()
    }
}

@Suite struct LMMSFactoryTests {
    typealias F = LMMSFactoryFixtures

    @Test(.enabled(if: F.presetsPresent, "LMMS factory presets absent: run scripts/install-deps.sh"))
    func everyFactoryPresetRendersFiniteAudibleStereo() throws {
        let rendering = F.rendering()
        let files = try FileManager.default.contentsOfDirectory(atPath: F.presets.path).filter { $0.hasSuffix(".xpf") }.sorted()
        #expect(files.count == 72)
        // Short renders keep the debug-build test fast; the full 4 s renders are `make fidelity`'s job.
        let settings = RenderSettings(note: 69, velocity: 100, holdSeconds: 0.5, tailSeconds: 0.5, tempoBPM: 120)
        for file in files {
            let clip = try rendering.render(F.presets.appendingPathComponent(file), settings: settings)
            #expect(clip.channels.count == 2, "\(file)")
            #expect(clip.channels.allSatisfy { $0.allSatisfy(\.isFinite) }, "\(file) has non-finite samples")
            let peak = clip.channels.map { $0.reduce(0) { max($0, abs($1)) } }.max() ?? 0
            #expect(peak > 1e-3, "\(file) is silent")
        }
    }

    /// Presets without FX chosen to cover every feature: chords, arpeggio (tempo-synced and not), legacy
    /// layout, Moog / RC / biquad / 2x filters, PM/AM/FM/sync, cutoff envelopes and LFOs.
    static let subset = ["TB303", "BellArp", "FatPMArp", "Freaky-Bass", "LFO-party", "AnalogTimes", "Ravemania", "Xylophon"]

    @Test(.enabled(if: F.presetsPresent && F.referencesPresent, "needs the factory presets and ../shared/fixtures/lmms-reference"))
    func subsetMatchesLMMSRenders() throws {
        let rendering = F.rendering()
        let manifest = try LMMSFidelity.manifest(F.references.appendingPathComponent("manifest.csv"))
        let chosen = manifest.filter { Self.subset.contains($0.name) }
        #expect(chosen.count == Self.subset.count)
        var rows: [LMMSFidelity.Row] = []
        for reference in chosen {
            let row = try LMMSFidelity.measure(reference, presets: F.presets, references: F.references, rendering: rendering)
            rows.append(row)
            // An emulation as close as LMMS is to itself sits near 0.12 (README); the issue asks <= 0.35 for 90%.
            #expect(row.distance <= 0.15, "\(reference.name): distance \(row.distance)")
            #expect(abs(row.pitchErrorCents ?? 0) <= 5, "\(reference.name): pitch \(row.pitchErrorCents ?? 0) cents")
            #expect(abs(row.levelDifferenceDecibels) <= 1, "\(reference.name): level \(row.levelDifferenceDecibels) dB")
        }
        let summary = LMMSFidelity.summary(rows)
        #expect(summary.medianDistance <= 0.15)
        #expect(summary.shareWithin035 == 1)
    }

    /// Presets whose whole effect chain the engine emulates (CAPS Plate2x2, Eq, Eq2x2, ToneStack, AmpIII, AmpIV;
    /// Calf MultiChorus; SWH hardLimiter,
    /// harmonicGen, fastLookaheadLimiter; CMT amp_stereo, freeverb3, fbdelay_5s; TAP stereo echo, autopan; Calf
    /// VintageDelay; LMMS bass booster, dual filter),
    /// and E-Organ2, whose chain is switched off: LMMS's renders with the chains on.
    static let effectSubset = ["Bell", "CryingPads", "ElectricOboe", "TINTNpad", "BrokenToy", "SquarePing",
                               "Play-some-rock", "TheMaster", "E-Organ2", "GhostBoy", "OldComputerGames",
                               "PowerStrings", "SuperSawLead", "PMFMFTWbass", "WarmStack",
                               "Garfunkel", "PercussiveBass", "Drums_HardKick", "DirtyReece"]

    @Test(.enabled(if: F.presetsPresent && F.referencesPresent, "needs the factory presets and ../shared/fixtures/lmms-reference"))
    func effectChainsMatchLMMSRenders() throws {
        let rendering = F.rendering()
        let manifest = try LMMSFidelity.manifest(F.references.appendingPathComponent("manifest.csv"))
        let chosen = manifest.filter { Self.effectSubset.contains($0.name) }
        #expect(chosen.count == Self.effectSubset.count)
        for reference in chosen {
            let row = try LMMSFidelity.measure(reference, presets: F.presets, references: F.references, rendering: rendering)
            // Without the chain these sit at 0.1 to 2.6 (BrokenToy 0.10, Bell 0.83, OldComputerGames 2.63); without
            // AmpIII Garfunkel sat at 0.323, without MultiChorus DirtyReece at 0.117.
            #expect(row.distance <= 0.01, "\(reference.name): distance \(row.distance)")
            #expect(abs(row.levelDifferenceDecibels) <= 0.05, "\(reference.name): level \(row.levelDifferenceDecibels) dB")
        }
    }

    /// PhaserII starts its Lorenz attractor from the C library's rand(), which LMMS does not seed reproducibly:
    /// five LMMS renders of PMbass sit 0.049 to 0.067 from the reference (the rest of its chain matches LMMS to
    /// 1e-6). Ours, seeded, must land in the same band for any seed.
    @Test(.enabled(if: F.presetsPresent && F.referencesPresent, "needs the factory presets and ../shared/fixtures/lmms-reference"))
    func seededPhaserLandsWhereLMMSsOwnRunsLand() throws {
        let rendering = F.rendering()
        let manifest = try LMMSFidelity.manifest(F.references.appendingPathComponent("manifest.csv"))
        let reference = try #require(manifest.first { $0.name == "PMbass" })
        for seed: UInt64 in [1, 2] {
            let row = try LMMSFidelity.measure(reference, presets: F.presets, references: F.references, rendering: rendering,
                                               seed: seed)
            #expect(row.distance <= 0.08, "seed \(seed): distance \(row.distance)")
        }
    }

    @Test func manifestParsesQuotedWaveLists() {
        #expect(LMMSFidelity.csvFields(#"A.flac,A.xpf,0,0,1,0,6,1,"4,5,2""#) == ["A.flac", "A.xpf", "0", "0", "1", "0", "6", "1", "4,5,2"])
    }

    @Test func peakFinderIgnoresDCAndFindsTheTone() {
        let tone = (0..<44_100).map { 0.5 + 0.3 * Float(sin(2 * Double.pi * 523.25 * Double($0) / 44_100)) }
        let hz = LMMSFidelity.peakFrequencyHz(tone, sampleRateHz: 44_100) ?? 0
        #expect(abs(1200 * log2(hz / 523.25)) < 0.5)
    }
}

@Suite struct BatchRenderTests {
    @Test(.enabled(if: LMMSFactoryFixtures.presetsPresent, "LMMS factory presets absent: run scripts/install-deps.sh"))
    func badFilesGetOneErrorAndTheBatchGoesOn() throws {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("batch-\(UUID().uuidString)")
        let out = dir.appendingPathComponent("out")
        try fm.createDirectory(at: out, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: dir) }
        try fm.copyItem(at: LMMSFactoryFixtures.presets.appendingPathComponent("TB303.xpf"), to: dir.appendingPathComponent("a.xpf"))
        try Data("<lmms-project><head/>".utf8).write(to: dir.appendingPathComponent("b.xpf"))  // truncated
        try Data([0xFF, 0x00, 0x13]).write(to: dir.appendingPathComponent("c.xpf"))          // not XML
        let files = ["a.xpf", "b.xpf", "c.xpf"].map { dir.appendingPathComponent($0) }
        let report = BatchRender.run(files: files, settings: RenderSettings(holdSeconds: 0.2, tailSeconds: 0.2),
                                     rendering: LMMSFactoryFixtures.rendering(), jobs: 2, outputDirectory: out,
                                     format: "wav", showProgress: false)
        #expect(report.rendered == 1)
        #expect(report.failed == 2)
        #expect(fm.fileExists(atPath: out.appendingPathComponent("a.wav").path))
        #expect(!fm.fileExists(atPath: out.appendingPathComponent("b.wav").path))
    }
}

/// Note lengths in beats as LMMS counts them (Engine::framesPerTick in float, MidiTime::frames truncating).
@Suite struct LMMSNoteLengthTests {
    @Test func beatsBecomeFramesAsLMMSCountsThem() {
        // Frame counts LMMS 1.2.2 gave the fixtures' notes (their renders end the notes on these frames).
        #expect(RenderSettings.lmmsNoteFrames(beats: 2, sampleRateHz: 44_100, tempoBPM: 174) == 30_413)
        #expect(RenderSettings.lmmsNoteFrames(beats: 4, sampleRateHz: 44_100, tempoBPM: 174) == 60_827)
        #expect(RenderSettings.lmmsNoteFrames(beats: 2, sampleRateHz: 44_100, tempoBPM: 140) == 37_800)
        let settings = RenderSettings(holdSeconds: 9, tailSeconds: 1, tempoBPM: 174, holdBeats: 2)
        #expect(settings.holdFrames == 30_413)
        #expect(settings.totalFrames == 30_413 + 44_100)
    }
}

/// Random patches (chords, arpeggios, filters, envelopes, other notes and tempos) against LMMS's own renders.
@Suite struct LMMSRandomPatchTests {
    /// Tests/Fixtures/lmms-random-references (outside any target, so SwiftPM leaves the audio alone).
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/lmms-random-references")

    @Test func randomPatchesMatchLMMSAtOtherNotesAndTempos() throws {
        let rendering = LMMSFactoryFixtures.rendering()
        let manifest = try String(contentsOf: Self.folder.appendingPathComponent("manifest.csv"), encoding: .utf8)
        let rows = manifest.split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
        // Three random patches, then timing cases from scripts/lmms_timing_cases.py (tempo-synced LFO and
        // arpeggio with custom ratios at 90 and 174 BPM, a short note whose release ends inside a period).
        #expect(rows.count == 6)
        for row in rows {
            guard row.count == 5, let note = Int(row[1]), let tempo = Double(row[2]), let holdFrames = Int(row[3]),
                  let scale = Float(row[4]) else { Issue.record("bad manifest row \(row)"); continue }
            let lmms = try AudioFile.read(Self.folder.appendingPathComponent(row[0] + ".flac"))
            let settings = RenderSettings(note: note, velocity: 100, holdSeconds: Double(holdFrames) / 44_100,
                                          tailSeconds: 1.5, sampleRateHz: 44_100, tempoBPM: tempo)
            #expect(settings.holdFrames == holdFrames)
            let ours = try rendering.render(Self.folder.appendingPathComponent(row[0] + ".xpf"), settings: settings)
            let count = lmms.frameCount
            // Ours stored as the reference is stored (times the scale, 24-bit), then both back to LMMS's level.
            let full: Float = 8_388_607
            let oursMono = (0..<count).map { i -> Float in
                let l = ((min(max(ours.channels[0][i] * scale, -1), 1) * full).rounded() / full) / scale
                let r = ((min(max(ours.channels[1][i] * scale, -1), 1) * full).rounded() / full) / scale
                return (l + r) / 2
            }
            let lmmsMono = lmms.mono.map { $0 / scale }
            // Sample for sample: the 24-bit storage step (1.2e-7 / scale) plus float rounding, nothing more.
            var largestDifference: Float = 0
            for channel in 0..<2 {
                for i in 0..<count {
                    largestDifference = max(largestDifference, abs(ours.channels[channel][i] - lmms.channels[channel][i] / scale))
                }
            }
            #expect(largestDifference <= 2e-5, "\(row[0]): largest sample difference \(largestDifference)")
            let distance = ReferenceDistance.distance(oursMono, lmmsMono)
            #expect(distance <= 0.05, "\(row[0]): distance \(distance)")
            let level = 20 * log10(LMMSFidelity.rms(oursMono) / LMMSFidelity.rms(lmmsMono))
            #expect(abs(level) <= 0.1, "\(row[0]): level \(level) dB")
        }
    }
}
