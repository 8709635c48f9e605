// BitInvader's settings as LMMS 1.2.2 saves them. Its sound against LMMS's own renders (factory presets and random
// settings) is measured through the registered synth (AtlasTests/BitInvaderFidelityOnTrackTests).
import Features
import Foundation
import Testing
@testable import Synthesis

@Suite struct BitInvaderFidelityTests {
    static let fixture = LMMSInstrumentFixture("bitinvader")

    @Test func factoryWavesDecodeAsSaved() throws {
        // Point counts and peaks read from the factory files' base64 with Python's struct module.
        let expected: [(String, Int, Float)] = [("alien_strings", 128, 0.9), ("beehive", 30, 1.0), ("bell", 8, 1.0),
                                                ("cello", 128, 0.38969085), ("spacefx", 68, 0.7637869)]
        for (name, points, peak) in expected {
            let s = try BitInvaderSettings(saved: LMMSInstrumentFixture.attributes("bitinvader", in: try Self.fixture.text(name)))
            #expect(s.wave.count == points, "\(name)")
            #expect(abs((s.wave.map(abs).max() ?? 0) - peak) < 1e-6, "\(name)")
        }
    }

    @Test func unreadableSettingsAreOneError() {
        #expect(throws: BitInvaderSettingsError.self) { try BitInvaderSettings(saved: ["sampleShape": "AAAA"]) }
        // A short wave is padded with silence; a silent wave normalised stays silent (no NaN).
        let short = try? BitInvaderSettings(saved: ["sampleLength": "8", "sampleShape": "AAAAAA==", "normalize": "1"])
        #expect(short?.wave.count == 8 && short?.wave.allSatisfy { $0 == 0 } == true)
        #expect(short?.gain == 1)
    }
}
