// Kicker against LMMS 1.2.2's own renders (Tests/Fixtures/lmms-instrument-references/kicker, made by
// scripts/lmms_instrument_references.py): the factory presets whose track adds nothing (no filter, envelope
// amounts 0, no effects) and six random settings of the instrument on such a track.
import Features
import Foundation
import Testing
@testable import Synthesis

@Suite struct KickerFidelityTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/lmms-instrument-references/kicker")
    static let bare = ["KickPower", "TrapKick"] + (0..<6).map { String(format: "random-%02d", $0) }

    /// Numeric attributes of the first `<tag ...>` element in an LMMS preset's text.
    static func attributes(_ tag: String, in text: String) -> [String: Float] {
        guard let open = text.range(of: "<\(tag) "), let close = text[open.upperBound...].range(of: ">") else { return [:] }
        let element = text[open.upperBound..<close.lowerBound]
        var result: [String: Float] = [:]
        for pair in element.split(separator: " ") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let value = parts[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"/"))
            if let number = Float(value) { result[String(parts[0])] = number }
        }
        return result
    }

    @Test func bareKickerPresetsMatchLMMSSampleForSample() throws {
        for name in Self.bare {
            let text = try String(contentsOf: Self.folder.appendingPathComponent(name + ".xpf"), encoding: .utf8)
            let kicker = KickerSettings(saved: Self.attributes("kicker", in: text))
            let t = Self.attributes("instrumenttrack", in: text)
            #expect(Self.attributes("eldata", in: text)["fwet"] == 0, "\(name): its filter is on")
            let track = KickerTrack(baseNote: Int(t["basenote"] ?? 57), pitchCents: t["pitch"] ?? 0,
                                    volume: t["vol"] ?? 100, panning: t["pan"] ?? 0)
            // The fixtures' settings: MIDI 69, note volume 100, a 2-beat note at 120 BPM, the first 1.5 s.
            let settings = RenderSettings(note: 69, velocity: 100, holdSeconds: 1, tailSeconds: 0.5, sampleRateHz: 44_100)
            let ours = KickerRenderer.render(kicker, track: track, settings: settings).mono
            let lmms = try AudioFile.read(Self.folder.appendingPathComponent(name + ".flac")).mono.map { $0 / 0.125 }
            #expect(ours.count == lmms.count)
            let peak = lmms.map(abs).max() ?? 0
            let worst = zip(ours, lmms).map { abs($0 - $1) }.max() ?? .infinity
            // 24-bit storage at 1/8 scale rounds to about 1e-6; LMMS's sinf and ours are the same C library's.
            #expect(peak > 0.05, "\(name) is silent in LMMS's render")
            #expect(worst < 1e-4, "\(name): largest difference \(worst) (peak \(peak))")
        }
    }

    @Test func savedSettingsFollowLMMSsLoadRules() {
        // No "distend": both ends take "dist"; no version: LMMS < 1.1 presets get 1.33 x decay, env/slope 1, no click.
        let old = KickerSettings(saved: ["startfreq": 120, "decay": 300, "dist": 2, "env": 0.5, "click": 0.4, "startnote": 1])
        #expect(old.distortionEnd == 2)
        #expect(abs(old.decayMs - 399) < 1e-3)
        #expect(old.envelopeSlope == 1 && old.frequencySlope == 1 && old.click == 0)
        #expect(!old.startFromNote)
        let current = KickerSettings(saved: ["decay": 300, "dist": 2, "distend": 0.5, "startnote": 1, "version": 1])
        #expect(current.decayMs == 300 && current.distortionEnd == 0.5 && current.startFromNote)
    }
}
