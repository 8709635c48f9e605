// BitInvader's voice against LMMS 1.2.2's own renders (Tests/Fixtures/lmms-instrument-references/bitinvader): six
// random settings (length, interpolation, normalising and a random wave) on a track that adds nothing. The factory
// presets, on their tracks, are measured through the registered synth (AtlasTests/BitInvaderFidelityOnTrackTests).
import Features
import Foundation
import Testing
@testable import Synthesis

@Suite struct BitInvaderFidelityTests {
    static let fixture = LMMSInstrumentFixture("bitinvader")
    static let bare = (0..<6).map { String(format: "random-%02d", $0) }

    @Test func bareBitInvaderMatchesLMMSSampleForSample() throws {
        var distances: [Double] = []
        for name in Self.bare {
            let text = try Self.fixture.text(name)
            #expect(LMMSInstrumentFixture.trackIsBare(text), "\(name): its track shapes the sound")
            let settings = try BitInvaderSettings(saved: LMMSInstrumentFixture.attributes("bitinvader", in: text))
            let ours = BitInvaderRenderer.render(settings, track: LMMSInstrumentFixture.track(in: text),
                                                 settings: LMMSInstrumentFixture.settings).mono
            let lmms = try Self.fixture.lmms(name)
            #expect(ours.count == lmms.count)
            let peak = lmms.map(abs).max() ?? 0
            let worst = zip(ours, lmms).map { abs($0 - $1) }.max() ?? .infinity
            distances.append(ReferenceDistance.distance(LMMSInstrumentFixture.storedLikeFixture(ours), lmms))
            // 24-bit storage at 1/8 scale rounds to about 1e-6.
            #expect(peak > 0.05, "\(name) is silent in LMMS's render")
            #expect(worst < 1e-4, "\(name): largest difference \(worst) (peak \(peak))")
        }
        print("BitInvader bare distances:", distances.map { String(format: "%.5f", $0) })
    }

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
        #expect(short?.wave.count == 8)
        let audio = short.map { BitInvaderRenderer.render($0, track: LMMSInstrumentTrack(), settings: .probe).mono } ?? []
        #expect(!audio.isEmpty && audio.allSatisfy { $0 == 0 })
    }
}
