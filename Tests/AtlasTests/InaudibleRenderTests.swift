// Inaudible renders (Features.Audibility) are kept in the store and counted, but never embedded,
// placed on the map or measured among sounds.
import Foundation
import GRDB
import Synthesis
import Testing
@testable import Atlas

/// The toy synth, 80 dB quieter for presets whose name starts with "Silent".
struct QuietWhenNamedSilent: SynthModel {
    var schema: SynthSchema { Fixtures.synth.schema }
    func render(_ patch: Patch, settings: RenderSettings) throws -> AudioBuffer {
        let audio = try Fixtures.synth.render(patch, settings: settings)
        guard patch.name.hasPrefix("Silent") else { return audio }
        return AudioBuffer(sampleRateHz: audio.sampleRateHz, channels: audio.channels.map { $0.map { $0 * 1e-4 } })
    }
}

@Suite struct InaudibleRenderTests {
    @Test func inaudiblePresetsAreRenderedAndCountedButNeverPlaced() throws {
        let dir = try Fixtures.bank(count: 12, names: ["Silent A", "Silent B", "Silent C"])
        defer { try? FileManager.default.removeItem(at: dir) }
        var components = Fixtures.components()
        components.models["toy"] = QuietWhenNamedSilent()
        let out = dir.appendingPathComponent("report")
        _ = try AtlasRun.run(sourcePaths: [dir.appendingPathComponent("bank").path], out: out, settings: Fixtures.settings,
                             shard: .whole, components: components, root: dir)
        let store = try AtlasStore(reportDirectory: out)
        let (rendered, embedded, placed, metrics) = try store.read { db in
            let presets = "SELECT key FROM patch WHERE origin = 'preset'"
            return (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM render WHERE patchKey IN (\(presets)) AND error IS NULL") ?? 0,
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM embedding WHERE patchKey IN (\(presets))") ?? 0,
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM mapPoint WHERE patchKey IN (\(presets))") ?? 0,
                    try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT name, value FROM metric WHERE scope = 'toy'")
                        .map { ($0["name"] as String, $0["value"] as Double) }))
        }
        #expect(rendered == 12)
        #expect(embedded == 9)
        #expect(placed == 9)
        #expect(metrics["presets"] == 9)
        #expect(metrics["inaudible.preset"] == 3)
        #expect(metrics["inaudible"] == 3)
        // The levels are stored: the quiet ones 80 dB under the rest, all under the rule's -50 dBFS.
        let quiet = try store.read { db in
            try Double.fetchAll(db, sql: "SELECT r.levelDecibels FROM render r JOIN patch p ON p.key = r.patchKey WHERE p.name LIKE 'Silent%'")
        }
        #expect(quiet.count == 3 && quiet.allSatisfy { $0 < -50 })
        let summary = try String(contentsOf: out.appendingPathComponent("summary.json"), encoding: .utf8)
        #expect(summary.contains("\"inaudible.preset\": 3"))
    }
}
