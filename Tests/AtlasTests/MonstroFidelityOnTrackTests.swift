// Monstro as a registered synth against LMMS 1.2.2's own renders (Tests/Fixtures/lmms-instrument-references/monstro,
// stored in stereo): its 4 factory presets as saved (effect chains of CAPS Plate2x2/Eq2x2/Clip, SWH hardLimiter,
// LMMS's amplifier, dual filter and stereo enhancer), the same without effects, 12 random settings and 4 more with
// every LFO and envelope time synced to the tempo, read and rendered as `presetatlas render` does.
import Features
import Formats
import Foundation
import Synthesis
import Testing
import TestSupport
@testable import Atlas

@Suite struct MonstroFidelityOnTrackTests {
    static let references = LMMSReferenceRenders("monstro")
    static let randomSmoothLFO = "synced-03.xpf"
    /// Phat's arpeggio runs in random direction: LMMS draws it from rand(), seeded from the clock.
    static let randomArpeggio = ["Phat.xpf", "Phat-dry.xpf"]

    @Test func factoryPresetsAndRandomSettingsMatchLMMS() throws {
        let rows = try Self.references.manifest()
        #expect(rows.filter { $0.origin == "factory" }.count == 4 && rows.count == 24)
        let rendering = PresetRendering()
        var report: [String] = [], distances: [Double] = []
        for row in rows {
            #expect(try rendering.patches(Self.references.folder.appendingPathComponent(row.file)).first?.synthID == "monstro",
                    "\(row.file) is not read as a Monstro preset")
            let ours = try Self.references.oursStored(row, rendering: rendering, seed: 0), lmms = try Self.references.lmmsChannels(row)
            #expect(ours.count == 2 && lmms.count == 2 && ours[0].count == lmms[0].count, "\(row.file): shapes differ")
            guard ours.count == 2, lmms.count == 2 else { continue }
            // Per channel: Monstro's oscillators have their own panning, stereo detune and phase offsets.
            let channelDistances = (0..<2).map { ReferenceDistance.distance(ours[$0], lmms[$0]) }
            let largest = (0..<2).map { c in zip(ours[c], lmms[c]).map { abs($0 - $1) }.max() ?? .infinity }.max() ?? .infinity
            let distance = channelDistances.max() ?? .infinity
            distances.append(distance)
            report.append("\(row.file) \(String(format: "%.4f", distance)) \(largest)")
            if Self.randomArpeggio.contains(row.file) { continue }
            // Monstro's noise and random LFOs start from the plugin's fast_rand seed, and every effect here is
            // deterministic: sample for sample, within about one step of the fixtures' 24-bit storage (9.5e-7 at 1/8
            // scale; measured at most 1.02e-6, Growl through its 6-effect chain).
            if row.file == Self.randomSmoothLFO {
                // The only fixture whose LFO uses the random-smooth wave: 1.8e-4 at most, at 6 % of the samples, from
                // frame 5163 on. With that LFO on the plain random wave (same draws, values held) LMMS and ours agree
                // within 4.8e-7. The interpolation is the same float arithmetic as libmonstro.so's (checked in its
                // disassembly), and an ulp more or less on the LFO rate does not remove it: cause not found.
                #expect(largest < 5e-4, "\(row.file): largest sample difference \(largest)")
            } else {
                #expect(largest < 2e-6, "\(row.file): largest sample difference \(largest)")
            }
            // Growl-dry measures 0.02 with every sample within one storage step: a long quiet tail where the
            // distance weighs single-step rounding differences.
            #expect(distance <= 0.025, "\(row.file): distance \(distance)")
        }
        #expect(LMMSReferenceRenders.median(distances) <= 0.01)
        print("Monstro on the track (worse channel's distance, largest difference):", report)
    }

    /// Phat, with and without its reverb: our renders over several seeds (arpeggio directions) sit as close to LMMS's
    /// render as to each other, in mono.
    @Test func randomArpeggioMatchesLMMSStatistically() throws {
        let rows = try Self.references.manifest().filter { Self.randomArpeggio.contains($0.file) }
        #expect(rows.count == 2)
        let rendering = PresetRendering(), seeds: [UInt64] = [1, 2, 3, 4, 5, 6, 7, 8]
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
