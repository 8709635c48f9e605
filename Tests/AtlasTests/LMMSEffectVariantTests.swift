// One effect at a time against LMMS 1.2.2 (Tests/Fixtures/lmms-instrument-references/effects, made by
// scripts/lmms_effect_variants.py): factory presets whose chains mix emulated effects with ones PresetAtlas does not
// emulate, rendered by LMMS with the unemulated ones switched off. STrash-without-PhaserI leaves LB302 through two
// stereo matrices, LMMS's stereo enhancer (width 177) and SWH dcRemove.
import Foundation
import Synthesis
import Testing
@testable import Atlas

@Suite struct LMMSEffectVariantTests {
    static let references = LMMSReferenceRenders("effects")

    @Test func chainsWithoutTheirUnemulatedEffectsMatchLMMS() throws {
        let rows = try Self.references.manifest()
        #expect(rows.map(\.file) == ["STrash-without-PhaserI.xpf"])
        let rendering = PresetRendering()
        for row in rows {
            let m = try Self.references.measure(row, rendering: rendering)
            // Deterministic: sample for sample within float rounding (measured 6.6e-6 before storage).
            #expect(m.largestDifference < 2e-5, "\(row.file): largest sample difference \(m.largestDifference)")
            #expect(m.distance <= 0.01, "\(row.file): distance \(m.distance)")
        }
    }
}
