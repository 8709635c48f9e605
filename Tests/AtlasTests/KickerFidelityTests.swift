// Kicker on its LMMS track against LMMS 1.2.2's own renders (Tests/Fixtures/lmms-instrument-references/kicker,
// made by scripts/lmms_instrument_references.py): all 10 factory presets (8 use the track's envelopes, filter
// or effect chain) and random settings, read and rendered as `presetatlas render` does.
import Features
import Foundation
import Synthesis
import Testing
@testable import Atlas

@Suite struct KickerFidelityTests {
    static let references = LMMSReferenceRenders("kicker")

    /// Factory presets whose effect chain holds a plugin PresetAtlas does not emulate (it passes the sound).
    static let unemulated = ["SnareMarch.xpf": "its chain's Calf Reverb and two Calf Saturators are not emulated"]

    @Test func factoryPresetsAndRandomSettingsMatchLMMS() throws {
        let rows = try Self.references.manifest()
        #expect(rows.filter { $0.origin == "factory" }.count == 10)
        let rendering = PresetRendering()
        var distances: [Double] = []
        for row in rows {
            let m = try Self.references.measure(row, rendering: rendering)
            #expect(m.synthID == "kicker", "\(row.file) is not read as a Kicker preset")
            let distance = m.distance, worst = m.largestDifference
            distances.append(distance)
            if let cause = Self.unemulated[row.file] {
                // Measured: distance 0.87 (largest sample difference 0.29). With those three switched off in LMMS
                // (the rest of the chain on), LMMS and ours were sample-identical.
                #expect(distance > 0.05, "\(row.file) now matches: \(cause) no longer holds, check it like the others")
                continue
            }
            // Deterministic end to end (Kicker's noise and every effect these chains use start from fixed states):
            // sample for sample, within float rounding.
            #expect(worst < 1e-5, "\(row.file): largest sample difference \(worst)")
            #expect(distance <= 0.01, "\(row.file): distance \(distance)")
        }
        let sorted = distances.sorted()
        #expect(sorted.count == rows.count && !sorted.isEmpty)
        if !sorted.isEmpty { #expect(sorted[sorted.count / 2] <= 0.05) }
    }
}
