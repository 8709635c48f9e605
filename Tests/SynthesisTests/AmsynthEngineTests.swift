// The amsynth engine against amsynth 1.13.2's own renders (a spread of the shared references, to keep
// the debug suite fast; `make fidelity-amsynth` measures all of them), and facts checked by reasoning:
// pitch, glide from 0 Hz in mono mode, the limiter's ceiling, the noise generator's sequence.
import Foundation
import Features
import Formats
import Testing
@testable import Synthesis

@Suite struct AmsynthEngineTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let references = root.deletingLastPathComponent().appendingPathComponent("shared/fixtures/amsynth-reference")
    static let factoryBanks = root.appendingPathComponent(".cache/factory/usr/share/amsynth/banks")
    static let corpus = root.deletingLastPathComponent().appendingPathComponent("shared/corpora/amsynth/banks")
    static var haveReferences: Bool {
        FileManager.default.fileExists(atPath: references.appendingPathComponent("manifest.csv").path)
            && FileManager.default.fileExists(atPath: factoryBanks.appendingPathComponent("amsynth_factory.bank").path)
    }
    static var haveCorpus: Bool { FileManager.default.fileExists(atPath: corpus.path) }
    static let schema: SynthSchema = {
        (try? SynthDefinition.load(root.appendingPathComponent("Synths/amsynth.xml")))
            ?? SynthSchema(id: "amsynth", name: "amsynth", tool: "", parameters: [])
    }()
    static let model = Amsynth(schema: schema)
    static let referenceSettings = RenderSettings(note: 60, velocity: 100, holdSeconds: 1, tailSeconds: 1.5)

    static func patch(_ changes: [String: Double]) -> Patch {
        var patch = schema.initPatch(name: "test")
        for (key, value) in changes { patch.values[key] = value }
        return patch
    }

    static func bankPatches(_ url: URL) throws -> [Patch] {
        try AmsynthBank.parse(Data(contentsOf: url), fileName: url.lastPathComponent, schema: schema)
            .patches(schema: schema, source: url.lastPathComponent)
    }

    /// Zero crossings (rising) per second over a steady stretch: the pitch of a plain waveform.
    static func risingCrossingsHz(_ x: ArraySlice<Float>) -> Double {
        var count = 0, first = -1, last = -1
        for i in (x.startIndex + 1)..<x.endIndex where x[i - 1] < 0 && x[i] >= 0 {
            if first < 0 { first = i }
            last = i; count += 1
        }
        return Double(count - 1) / (Double(last - first) / 44_100)
    }

    @Test func aSineAtNote69IsA440() throws {
        // Sine, no filter, no reverb, full sustain: the output is a 440 Hz sine (amsynth tunes A4 = 440).
        let patch = Self.patch(["osc1_waveform": 0, "osc2_waveform": 0, "filter_type": 4])
        let audio = try Self.model.render(patch, settings: RenderSettings(note: 69, holdSeconds: 0.5, tailSeconds: 0.1))
        #expect(audio.channels.count == 2 && audio.channels[0] == audio.channels[1], "no reverb: L = R")
        #expect(abs(Self.risingCrossingsHz(audio.channels[0][4_410..<22_050]) - 440) < 0.5)
    }

    @Test func monoModeGlidesUpFromZeroHertzOnAFreshInstance() throws {
        // The fixture README: in mono mode with portamento "always", a fresh instance's first note
        // glides up from 0 Hz over the portamento time; in poly mode it starts at its pitch.
        let mono = Self.patch(["osc1_waveform": 0, "osc2_waveform": 0, "filter_type": 4, "keyboard_mode": 1, "portamento_time": 0.5])
        let audio = try Self.model.render(mono, settings: RenderSettings(note: 69, holdSeconds: 0.8, tailSeconds: 0.1)).channels[0]
        let early = Self.risingCrossingsHz(audio[2_205..<8_820]), late = Self.risingCrossingsHz(audio[26_460..<33_075])
        #expect(early < 150, "0.05...0.2 s: \(early) Hz")
        #expect(abs(late - 440) < 1, "after the glide: \(late) Hz")
        let legatoGlide = Self.patch(["osc1_waveform": 0, "osc2_waveform": 0, "filter_type": 4, "keyboard_mode": 1,
                                      "portamento_time": 0.5, "portamento_mode": 1])
        let legato = try Self.model.render(legatoGlide, settings: RenderSettings(note: 69, holdSeconds: 0.3, tailSeconds: 0.1)).channels[0]
        #expect(abs(Self.risingCrossingsHz(legato[2_205..<8_820]) - 440) < 1, "portamento 'legato' does not glide a single note")
    }

    @Test func theLimiterHoldsLoudPresetsNearPointNine() throws {
        // Full volume, two square waves, distortion: |L| + |R| is kept near 0.9 by the soft limiter.
        let loud = Self.patch(["master_vol": 1, "osc1_waveform": 1, "osc2_waveform": 1, "distortion_crunch": 0.9, "filter_type": 4])
        let audio = try Self.model.render(loud, settings: RenderSettings(note: 48, holdSeconds: 0.5, tailSeconds: 0.1))
        let sum = zip(audio.channels[0], audio.channels[1]).map { abs($0) + abs($1) }
        #expect(sum[4_410...].max()! < 0.95)
        #expect(sum[4_410..<22_050].max()! > 0.85)
    }

    @Test func noiseIsAmsynthsGenerator() {
        // r = r * 196314165 + 907633515 (mod 2^64) from 22222: the first state, computed by hand.
        var noise = AmsynthNoise(seed: 1)
        let first = noise.next()
        #expect(noise.state == 22_222 &* 196_314_165 &+ 907_633_515)
        #expect(first == Float(UInt64(4_363_401_008_145)) * 0x1p-63 - 1)
        #expect(AmsynthNoise(seed: 2).state != AmsynthNoise(seed: 1).state)
    }

    @Test(.enabled(if: AmsynthEngineTests.haveReferences,
                   "needs ../shared/fixtures/amsynth-reference and Debian's amsynth banks (scripts/install-deps.sh)"))
    func factoryPresetsMatchAmsynth() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.references.path)
            .filter { $0.hasSuffix(".flac") }.sorted()
        var distances: [Double] = []
        // Every 8th reference: Brian's and Patrik's banks, old and new presets, noise and glide.
        for file in stride(from: 3, to: files.count, by: 8).map({ files[$0] }) {
            let stem = file.dropLast(5)
            let underscore = stem.lastIndex(of: "_")!
            let bankStem = stem[..<underscore], index = Int(stem[stem.index(after: underscore)...])!
            let bankFile = try FileManager.default.contentsOfDirectory(atPath: Self.factoryBanks.path)
                .first { $0.split(separator: ".").first == bankStem }!
            let patch = try Self.bankPatches(Self.factoryBanks.appendingPathComponent(bankFile))[index]
            let ours = try Self.model.render(patch, settings: Self.referenceSettings)
            let theirs = try AudioFile.read(Self.references.appendingPathComponent(file))
            #expect(ours.frameCount == theirs.frameCount, "110,250 frames")
            let distance = ReferenceDistance.distance(ours.mono, theirs.mono)
            #expect(distance < 0.5, "\(file) \(patch.name): distance \(distance)")
            distances.append(distance)
        }
        let median = distances.sorted()[distances.count / 2]
        #expect(median <= 0.05, "median distance \(median)")
    }

    @Test(.enabled(if: AmsynthEngineTests.haveCorpus, "needs ../shared/corpora/amsynth"))
    func corpusPresetsRenderFiniteAndBounded() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path).filter { $0.hasSuffix(".bank") }.sorted()
        var silent = 0, total = 0
        for file in files {
            let patches = try Self.bankPatches(Self.corpus.appendingPathComponent(file))
            for patch in stride(from: 0, to: patches.count, by: 43).map({ patches[$0] }) {
                let audio = try Self.model.render(patch, settings: RenderSettings(note: 60, holdSeconds: 0.3, tailSeconds: 0.2))
                #expect(audio.isFinite, "\(file) \(patch.name)")
                #expect(audio.peak < 1, "\(file) \(patch.name): the limiter keeps |L| + |R| near 0.9")
                total += 1
                if audio.peak < 1e-4 { silent += 1 }
            }
        }
        #expect(silent * 10 <= total, "\(silent) of \(total) silent")
    }
}
