// LMMS 1.2.2's renders of one of its instruments (Tests/Fixtures/lmms-instrument-references/<folder>, made by
// scripts/lmms_instrument_references.py), each preset read and rendered as `presetatlas render` does and stored
// the way the reference is, for the registered synths' fidelity tests.
import Features
import Foundation
import Synthesis
@testable import Atlas

struct LMMSReferenceRenders {
    let folder: URL
    /// The fixtures' settings: MIDI 69, note volume 100, a 2-beat note at 120 BPM (44,100 frames), 1.5 s.
    static let settings = RenderSettings(note: 69, velocity: 100, holdSeconds: 1, tailSeconds: 0.5, sampleRateHz: 44_100, tempoBPM: 120)

    struct Row { var file: String, origin: String, scale: Float }

    /// One preset measured: ours (stored like the reference) against LMMS's, per channel when the fixture is stereo.
    struct Measured {
        var file: String
        var origin: String
        var synthID: String
        var distance: Double
        var largestDifference: Float
    }

    init(_ instrument: String) {
        folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/lmms-instrument-references/\(instrument)")
    }

    func manifest() throws -> [Row] {
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

    /// Reads and renders `row`'s preset with `rendering` (seed `seed`) and measures it against LMMS's mono render.
    func measure(_ row: Row, rendering: PresetRendering, seed: UInt64 = 0) throws -> Measured {
        let url = folder.appendingPathComponent(row.file)
        let synthID = try rendering.patches(url).first?.synthID ?? ""
        var settings = Self.settings
        settings.seed = seed
        let ours = try rendering.render(url, settings: settings)
        let lmms = try AudioFile.read(url.deletingPathExtension().appendingPathExtension("flac")).mono.map { $0 / row.scale }
        let mono = Self.storedLikeReference(zip(ours.channels[0], ours.channels[ours.channels.count - 1]).map { ($0 + $1) / 2 },
                                            scale: row.scale)
        let largest = mono.count == lmms.count ? zip(mono, lmms).map { abs($0 - $1) }.max() ?? 0 : .infinity
        return Measured(file: row.file, origin: row.origin, synthID: synthID, distance: ReferenceDistance.distance(mono, lmms),
                        largestDifference: largest)
    }

    /// Our render of `row`'s preset (seed `seed`), each channel stored like the reference.
    func oursStored(_ row: Row, rendering: PresetRendering, seed: UInt64) throws -> [[Float]] {
        var settings = Self.settings
        settings.seed = seed
        let ours = try rendering.render(folder.appendingPathComponent(row.file), settings: settings)
        return ours.channels.map { Self.storedLikeReference($0, scale: row.scale) }
    }

    /// LMMS's render of `row`'s preset at LMMS's level, each channel stored (one when the fixture is mono).
    func lmmsChannels(_ row: Row) throws -> [[Float]] {
        let url = folder.appendingPathComponent(row.file).deletingPathExtension().appendingPathExtension("flac")
        return try AudioFile.read(url).channels.map { $0.map { $0 / row.scale } }
    }

    /// Ours as the reference stores LMMS's (times the scale, 24-bit), then back to LMMS's level: quiet renders
    /// would otherwise differ by the storage noise alone.
    static func storedLikeReference(_ samples: [Float], scale: Float) -> [Float] {
        let full: Float = 8_388_607
        return samples.map { ((min(max($0 * scale, -1), 1) * full).rounded() / full) / scale }
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? .infinity : sorted[sorted.count / 2]
    }

    /// The largest difference between the first channels of `engine`'s renders of its init patch with random
    /// attributes `seed` / `index` and `seed` / `index + 1` (drawn waves that matter make it large).
    static func differenceBetweenRandomAttributes<Engine: DrawsRandomAttributes>(_ engine: Engine, seed: UInt64, index: Int) throws -> Float {
        var patch = engine.schema.initPatch()
        patch.attributes = engine.randomAttributes(seed: seed, index: index)
        let a = try engine.render(patch, settings: settings)
        patch.attributes = engine.randomAttributes(seed: seed, index: index + 1)
        let b = try engine.render(patch, settings: settings)
        return zip(a.channels[0], b.channels[0]).map { abs($0 - $1) }.max() ?? 0
    }
}
