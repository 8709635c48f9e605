// Monstro as a registered synth against LMMS 1.2.2's own renders (Tests/Fixtures/lmms-instrument-references/monstro,
// stored in stereo): its 4 factory presets as saved (effect chains of CAPS Plate2x2/Eq2x2/Clip, SWH hardLimiter,
// LMMS's amplifier, dual filter and stereo enhancer), the same without effects, and 12 random settings, read and
// rendered as `presetatlas render` does.
import Features
import Formats
import Foundation
import Synthesis
import Testing
import TestSupport
@testable import Atlas

@Suite struct MonstroFidelityOnTrackTests {
    static let references = LMMSReferenceRenders("monstro")
    /// Growl's chain ends in LMMS's stereo enhancer, which PresetAtlas does not emulate (it passes the sound).
    static let unemulated = "Growl.xpf"
    /// Phat's arpeggio runs in random direction: LMMS draws it from rand(), seeded from the clock.
    static let randomArpeggio = ["Phat.xpf", "Phat-dry.xpf"]

    @Test func factoryPresetsAndRandomSettingsMatchLMMS() throws {
        let rows = try Self.references.manifest()
        #expect(rows.filter { $0.origin == "factory" }.count == 4 && rows.count == 20)
        let rendering = PresetRendering()
        var measured: [LMMSReferenceRenders.Measured] = []
        for row in rows {
            let m = try Self.references.measure(row, rendering: rendering)
            #expect(m.synthID == "monstro", "\(row.file) is not read as a Monstro preset")
            measured.append(m)
            if Self.randomArpeggio.contains(row.file) { continue }
            if row.file == Self.unemulated {
                // Measured: distance 0.22 (largest sample difference 0.59). LMMS's render of Growl with the stereo
                // enhancer removed (the rest of the chain on) and ours were within 1.0e-6 per channel.
                #expect(m.distance > 0.05, "\(row.file) now matches: check whether the stereo enhancer is emulated")
                continue
            }
            // Monstro's noise and random LFOs start from the plugin's fast_rand seed, as every effect here does: sample
            // for sample, within one step of the fixtures' 24-bit storage (9.5e-7 at 1/8 scale; measured at most 9.54e-7).
            #expect(m.largestDifference < 2e-6, "\(row.file): largest sample difference \(m.largestDifference)")
            // Growl-dry and ScaryBell measure 0.02 and 0.018 with every sample within one storage step: long quiet
            // tails where the distance weighs single-step rounding differences.
            #expect(m.distance <= 0.025, "\(row.file): distance \(m.distance)")
        }
        #expect(LMMSReferenceRenders.median(measured.map(\.distance)) <= 0.01)
        print("Monstro on the track:", measured.map { "\($0.file) \(String(format: "%.4f", $0.distance)) \($0.largestDifference)" })
    }

    /// Phat, with and without its reverb: our renders over several seeds (arpeggio directions) sit as close to LMMS's
    /// render as to each other, in mono.
    @Test func randomArpeggioMatchesLMMSStatistically() throws {
        let rows = try Self.references.manifest().filter { Self.randomArpeggio.contains($0.file) }
        #expect(rows.count == 2)
        let rendering = PresetRendering(), seeds: [UInt64] = [1, 2, 3, 4]
        for row in rows {
            let lmms = try Self.references.lmmsChannels(row)
            let mono = { (c: [[Float]]) in zip(c[0], c[1]).map { ($0 + $1) / 2 } }
            let ours = try seeds.map { mono(try Self.references.oursStored(row, rendering: rendering, seed: $0)) }
            let toLMMS = LMMSReferenceRenders.median(ours.map { ReferenceDistance.distance($0, mono(lmms)) })
            let spread = LMMSReferenceRenders.median((1..<ours.count).map { ReferenceDistance.distance(ours[0], ours[$0]) })
            #expect(toLMMS <= 1.25 * spread + 0.01, "\(row.file): \(toLMMS) to LMMS, \(spread) between our seeds")
            print("Monstro \(row.file): \(String(format: "%.4f", toLMMS)) to LMMS, \(String(format: "%.4f", spread)) between our seeds")
        }
    }
}
