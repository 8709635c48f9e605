// Organic's settings as LMMS 1.2.2 loads them. Its sound against LMMS's own renders is measured through the
// registered synth (AtlasTests/OrganicFidelityOnTrackTests).
import Testing
@testable import Synthesis

@Suite struct OrganicFidelityTests {
    @Test func oldPresetsLoadAsLMMS122Does() {
        // `detune<i>` (old presets): 1.2.2 reads "detune", which is absent, so no detune; harmonic i for oscillator i.
        let old = OrganicSettings(saved: ["detune0": 3, "harmonic0": 0.5, "vol0": 80])
        #expect(old.oscillators[0].detuneCents == 0 && old.oscillators[0].harmonic == 0 && old.oscillators[0].volume == 80)
        let new = OrganicSettings(saved: ["newdetune1": 7, "newharmonic1": 5.9])
        #expect(new.oscillators[1].detuneCents == 7 && new.oscillators[1].harmonic == 5)
    }
}
