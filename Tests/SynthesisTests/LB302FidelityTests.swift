// LB302's band-limited tables against LMMS 1.2.2's data files. Its sound against LMMS's own renders is measured
// through the registered synth (AtlasTests/LB302FidelityOnTrackTests).
import Testing
@testable import Synthesis

@Suite struct LB302FidelityTests {
    @Test func bandLimitedTablesMatchLMMSsDataFiles() {
        // First values of LMMS 1.2.2's wavetables/saw.bin and tri.bin (table of 12 points; doubles, big-endian).
        let saw = LB302BandLimitedWave.harmonicSum(.saw, length: 12)
        #expect(saw[0] == 0 && abs(saw[1] - -0.99999988) < 1e-7)
        let triangle = LB302BandLimitedWave.harmonicSum(.triangle, length: 12)
        #expect(abs(triangle[1] - 0.357734591) < 1e-7)
    }
}
