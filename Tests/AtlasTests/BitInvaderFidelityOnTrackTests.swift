// BitInvader as a registered synth against LMMS 1.2.2's own renders (Tests/Fixtures/lmms-instrument-references/
// bitinvader): its 14 factory presets (every one uses the track's volume envelope, LFO or filter; one an effect
// chain) and 6 random settings with random waves, read and rendered as `presetatlas render` does.
import Formats
import Foundation
import Synthesis
import Testing
import TestSupport
@testable import Atlas

@Suite struct BitInvaderFidelityOnTrackTests {
    static let references = LMMSReferenceRenders("bitinvader")
    /// subbass's cutoff LFO plays LMMS's sample instruments/bassslap01.ogg, which the reader finds only beside LMMS's
    /// own preset folders (LMMSUserWave's confinement), not beside these fixtures.
    static let needsLMMSsSamples = "subbass.xpf"

    @Test func factoryPresetsAndRandomSettingsMatchLMMS() throws {
        let rows = try Self.references.manifest()
        #expect(rows.filter { $0.origin == "factory" }.count == 14)
        let rendering = PresetRendering()
        var measured: [LMMSReferenceRenders.Measured] = []
        for row in rows where row.file != Self.needsLMMSsSamples {
            let m = try Self.references.measure(row, rendering: rendering)
            #expect(m.synthID == "bitinvader", "\(row.file) is not read as a BitInvader preset")
            // BitInvader has no random state: sample for sample, within one step of the fixtures' 24-bit storage
            // (9.5e-7 at 1/8 scale; measured: every preset at most 9.54e-7).
            #expect(m.largestDifference < 2e-6, "\(row.file): largest sample difference \(m.largestDifference)")
            // wah_synth measures 0.013 with every sample within one storage step: its filter sweep leaves a quiet
            // tail where the distance weighs single-step rounding differences.
            #expect(m.distance <= 0.02, "\(row.file): distance \(m.distance)")
            measured.append(m)
        }
        #expect(measured.count == 19)
        #expect(LMMSReferenceRenders.median(measured.map(\.distance)) <= 0.01)
        print("BitInvader on the track:", measured.map { "\($0.file) \(String(format: "%.4f", $0.distance)) \($0.largestDifference)" })
    }

    @Test func aPresetNamingLMMSsOwnSampleSaysWhichFile() {
        let url = Self.references.folder.appendingPathComponent(Self.needsLMMSsSamples)
        let message = (try? PresetRendering().patches(url)).map { _ in "read" } ?? {
            do { _ = try PresetRendering().patches(url); return "" } catch { return "\(error)" }
        }()
        #expect(message.contains("bassslap01.ogg"), "\(message)")
    }

    @Test func oldLayoutPresetsAreTold() throws {
        // LMMS 1.0's layout: the plugin element sits directly in the track, without <instrument name=...>.
        let data = try Data(contentsOf: Self.references.folder.appendingPathComponent("alien_strings.xpf"))
        #expect(LMMSPreset.instrumentName(in: data) == "bitinvader")
    }

    @Test func randomSettingsDrawAWaveThePresetKeeps() throws {
        let engine = BitInvader(schema: TestSchemas.required("bitinvader"))
        let first = engine.randomAttributes(seed: 7, index: 3)
        #expect(first == engine.randomAttributes(seed: 7, index: 3))
        #expect(first != engine.randomAttributes(seed: 7, index: 4))
        let wave = BitInvaderSettings.decode(first[BitInvader.waveAttribute] ?? "")
        #expect(wave.count == 200 && wave.allSatisfy { (-1...1).contains($0) })
        // Two random settings differing only in their waves sound different.
        #expect(try LMMSReferenceRenders.differenceBetweenRandomAttributes(engine, seed: 7, index: 3) > 0.01)
    }

    @Test func theInitPatchPlaysLMMSsConstructorSine() throws {
        // bit_invader.cpp: 128 points of sinf(i / 128 * 2 pi); a quarter of the way the wave is at its peak.
        let s = BitInvaderSettings(length: 128, sampleShape: nil, interpolation: false, normalize: false)
        #expect(s.wave.count == 128 && s.wave[0] == 0 && s.wave[32] == 1 && abs(s.wave[96] + 1) < 1e-6)
        let longer = BitInvaderSettings(length: 200, sampleShape: nil, interpolation: false, normalize: false)
        #expect(longer.wave[128...].allSatisfy { $0 == 0 })
    }
}
