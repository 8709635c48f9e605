// LB302 as a registered synth against LMMS 1.2.2's own renders (Tests/Fixtures/lmms-instrument-references/lb302):
// its 6 factory presets (three with effect chains, one arpeggio) and 6 random settings, read and rendered as
// `presetatlas render` does.
import Foundation
import Synthesis
import Testing
@testable import Atlas

@Suite struct LB302FidelityOnTrackTests {
    static let references = LMMSReferenceRenders("lb302")

    /// Presets where LMMS itself is not repeatable.
    static let unrepeatable = [
        "AngryLead.xpf": "two LMMS 1.2.2 runs differ by up to 0.67 in the first 128 frames (Plate2x2 on a single stream)"]

    @Test func factoryPresetsAndRandomSettingsMatchLMMS() throws {
        let rows = try Self.references.manifest()
        #expect(rows.filter { $0.origin == "factory" }.count == 6 && rows.count == 12)
        let rendering = PresetRendering()
        var measured: [LMMSReferenceRenders.Measured] = []
        for row in rows {
            let m = try Self.references.measure(row, rendering: rendering)
            #expect(m.synthID == "lb302", "\(row.file) is not read as an LB302 preset")
            measured.append(m)
            if Self.unrepeatable[row.file] != nil {
                // Measured: rendered twice by LMMS, ours was sample-identical to the second run; the fixture is a
                // run like the first (distance 0.021).
                #expect(m.distance <= 0.05, "\(row.file): distance \(m.distance)")
                continue
            }
            // Deterministic (LB302's noise and these chains' effects start from fixed states): sample for sample
            // within a few steps of the fixtures' 24-bit storage (one step is 9.5e-7 at 1/8 scale); DroneArp's
            // arpeggio measures 2.6e-5, STrash's six effects (PhaserI, stereo enhancer) 1.9e-6. The distance still
            // sees single-step differences in quiet decay tails
            // (Oh_Synth 0.024, random-05 0.039 with every sample within 1e-6).
            #expect(m.largestDifference < 5e-5, "\(row.file): largest sample difference \(m.largestDifference)")
            #expect(m.distance <= 0.05, "\(row.file): distance \(m.distance)")
        }
        #expect(LMMSReferenceRenders.median(measured.map(\.distance)) <= 0.05)
        print("LB302 on the track:", measured.map { "\($0.file) \(String(format: "%.4f", $0.distance)) \($0.largestDifference)" })
    }
}
