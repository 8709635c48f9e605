// Kicker on its LMMS track against LMMS 1.2.2's own renders (Tests/Fixtures/lmms-instrument-references/kicker,
// made by scripts/lmms_instrument_references.py): all 10 factory presets (8 use the track's envelopes, filter
// or effect chain) and random settings, read and rendered as `presetatlas render` does.
import Features
import Foundation
import Synthesis
import Testing
@testable import Atlas

@Suite struct KickerFidelityTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/lmms-instrument-references/kicker")

    /// Factory presets whose effect chain holds a plugin PresetAtlas does not emulate (it passes the sound).
    static let unemulated = ["SnareMarch.xpf": "its chain's Calf Reverb and two Calf Saturators are not emulated"]

    struct Row { var file: String, origin: String, scale: Float }

    static func manifest() throws -> [Row] {
        let text = try String(contentsOf: folder.appendingPathComponent("manifest.csv"), encoding: .utf8)
        // Python's csv module ends lines with CRLF (one Character in Swift, so split on any newline).
        let lines = text.split(whereSeparator: \.isNewline)
        let header = lines.first.map { $0.split(separator: ",").map(String.init) } ?? []
        let column = { (name: String) in header.firstIndex(of: name) ?? 0 }
        return lines.dropFirst().map { line in
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return Row(file: cells[column("preset")], origin: cells[column("origin")], scale: Float(cells[column("stored_scale")]) ?? 1)
        }
    }

    @Test func factoryPresetsAndRandomSettingsMatchLMMS() throws {
        let rows = try Self.manifest()
        #expect(rows.filter { $0.origin == "factory" }.count == 10)
        // The fixtures' settings: MIDI 69, note volume 100, a 2-beat note at 120 BPM (44,100 frames), 1.5 s.
        let settings = RenderSettings(note: 69, velocity: 100, holdSeconds: 1, tailSeconds: 0.5, sampleRateHz: 44_100, tempoBPM: 120)
        let rendering = PresetRendering()
        var distances: [Double] = []
        for row in rows {
            let url = Self.folder.appendingPathComponent(row.file)
            #expect(try rendering.patches(url).first?.synthID == "kicker", "\(row.file) is not read as a Kicker preset")
            let ours = try rendering.render(url, settings: settings)
            let lmms = try AudioFile.read(url.deletingPathExtension().appendingPathExtension("flac")).mono.map { $0 / row.scale }
            #expect(ours.frameCount == lmms.count, "\(row.file)")
            // Ours stored as the reference is (mono, times the scale, 24-bit), then back to LMMS's level: quiet
            // renders (random-track-01 peaks at 0.04) would otherwise differ by the storage noise alone.
            let full: Float = 8_388_607
            let oursMono = zip(ours.channels[0], ours.channels[1]).map { l, r -> Float in
                ((min(max((l + r) / 2 * row.scale, -1), 1) * full).rounded() / full) / row.scale
            }
            let distance = ReferenceDistance.distance(oursMono, lmms)
            distances.append(distance)
            let worst = zip(oursMono, lmms).map { abs($0 - $1) }.max() ?? .infinity
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
