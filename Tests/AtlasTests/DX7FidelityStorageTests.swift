// The DX7 fidelity measure compares our render as hexter's references were stored (24-bit FLAC).
// KOTO and GUITAR 5 decay about 100 dB in their 3 s, into the 24-bit floor of the fixtures; unrounded,
// that floor alone put them above 0.05 (hexter's own float output is as far from its fixture).
import Atlas
import Features
import Foundation
import Formats
import Synthesis
import Testing
import TestSupport

@Suite struct DX7FidelityStorageTests {
    static let references = TestPaths.shared("fixtures/dx7-reference")
    static let bank = TestPaths.factory("usr/share/hexter/dx7_roms.dx7")
    static var haveReferences: Bool {
        TestPaths.exists(references.appendingPathComponent("dx7_roms_022.flac")) && TestPaths.exists(bank)
    }

    @Test func storageRoundsToTheNearest24BitStepAndClips() {
        let step: Float = 1 / 8_388_608
        let stored = DX7Fidelity.storedLikeReference([0.4 * step, 0.6 * step, -0.6 * step, 3 * step + 0.49 * step, 2, -2])
        #expect(stored == [0, step, -step, 3 * step, 1 - step, -1])
    }

    @Test(.enabled(if: haveReferences, "needs ../shared/fixtures/dx7-reference and hexter's bank (scripts/install-deps.sh)"))
    func kotoAndGuitar5MatchOnceStoredLikeTheReference() throws {
        let schema = TestSchemas.required("dx7")
        let model = DX7(schema: schema)
        let voices = try DX7SysEx.read(Self.bank).voices
        for (index, name) in [(22, "KOTO"), (56, "GUITAR  5")] {
            #expect(voices[index].name.trimmingCharacters(in: .whitespaces) == name.trimmingCharacters(in: .whitespaces))
            let ours = try model.render(voices[index].patch(schema: schema), settings: DX7Fidelity.referenceSettings).channels[0]
            let theirs = try AudioFile.read(Self.references.appendingPathComponent(String(format: "dx7_roms_%03d.flac", index))).mono
            let stored = ReferenceDistance.distance(DX7Fidelity.storedLikeReference(ours), theirs)
            let unrounded = ReferenceDistance.distance(ours, theirs)
            #expect(stored <= 0.05, "\(name) stored at 24 bits: \(stored)")
            // The rounding is what closes the gap (0.095 and 0.070 before, measured).
            #expect(unrounded > 0.05, "\(name) unrounded: \(unrounded)")
        }
    }
}
