// The DX7 engine against hexter 1.1.1's own renders of the ROM voices (a subset, to keep the debug
// suite fast; `make fidelity-dx7` runs all 64), and beyond them: other notes, velocities and
// whole corpus banks must render finite, audible, in-tune audio.
import Foundation
import Features
import Formats
import Testing
@testable import Synthesis

@Suite struct DX7FidelityTests {
    typealias S = DX7TestSupport

    static func reference(_ index: Int) throws -> [Float] {
        let url = S.referenceDirectory.appendingPathComponent(String(format: "dx7_roms_%03d.flac", index))
        return try AudioFile.read(url).mono
    }

    @Test(.enabled(if: DX7TestSupport.haveReferences,
                   "needs ../shared/fixtures/dx7-reference and hexter's bank (scripts/install-deps.sh)"))
    func romVoicesMatchHexter() throws {
        let bank = try DX7SysEx.read(S.romBank)
        // Every 16th reference voice: brass, piano, organ, mallets, percussion, effects.
        let indices = stride(from: 0, to: 128, by: 16).map { $0 + 2 * (($0 / 16) % 8) }
        var distances: [Double] = []
        for index in indices {
            let ours = try S.model.render(bank.voices[index].patch(schema: S.schema), settings: S.referenceSettings).channels[0]
            let theirs = try Self.reference(index)
            #expect(ours.count == theirs.count, "132,352 samples")
            let distance = ReferenceDistance.distance(ours, theirs)
            #expect(distance <= 0.40, "voice \(index) \(bank.voices[index].name): distance \(distance)")
            distances.append(distance)
        }
        let median = distances.sorted()[distances.count / 2]
        #expect(median <= 0.20, "median distance \(median) over voices \(indices)")
    }

    @Test(.enabled(if: DX7TestSupport.haveROMBank, "run scripts/install-deps.sh for hexter's ROM bank"))
    func romVoicesGeneraliseToOtherNotesAndVelocities() throws {
        let bank = try DX7SysEx.read(S.romBank)
        var silent: [String] = []
        for index in stride(from: 1, to: 128, by: 9) {
            let patch = bank.voices[index].patch(schema: S.schema)
            for (note, velocity) in [(36, 30), (84, 127), (60, 1)] {
                let settings = RenderSettings(note: note, velocity: velocity, holdSeconds: 0.4, tailSeconds: 0.2)
                let audio = try S.model.render(patch, settings: settings).channels[0]
                #expect(audio.allSatisfy { $0.isFinite })
                #expect(audio.allSatisfy { abs($0) < 1 }, "no clipping")
                if audio.map(abs).max() ?? 0 < 1e-4, velocity > 1 { silent.append("\(patch.name) @\(note)/\(velocity)") }
            }
        }
        #expect(silent.count <= 2, "silent renders: \(silent)")
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: DX7TestSupport.corpusDirectory.appendingPathComponent("cartridges").path),
                   "needs ../shared/corpora/dx7"))
    func corpusBanksRenderAudibleAndInTune() throws {
        var silent = 0, total = 0
        for cartridge in stride(from: 0, to: 128, by: 16) {
            let url = S.corpusDirectory.appendingPathComponent(String(format: "cartridges/learnfm_%03d.syx", cartridge))
            let bank = try DX7SysEx.read(url)
            for voice in bank.voices.prefix(4) {
                let audio = try S.render(voice.patch(schema: S.schema), note: 60, hold: 0.5, tail: 0.2)
                #expect(audio.allSatisfy { $0.isFinite })
                total += 1
                if audio.map(abs).max() ?? 0 < 1e-4 { silent += 1 }
            }
        }
        #expect(silent * 10 <= total, "\(silent) of \(total) corpus voices silent")
        // In tune away from the reference settings: a corpus-style single-carrier patch transposed.
        let organ = S.patch(["algorithm": 32, "op2.level": 99, "op2.coarse": 2, "transpose": 12])
        let audio = try S.render(organ, note: 72, velocity: 40, hold: 0.5, tail: 0.01)
        let hz = S.peakFrequency(audio[4410..<(4410 + 16384)], lowHz: 230, highHz: 290)
        #expect(abs(1200 * log2(hz / 261.6256)) < 5)
    }
}
