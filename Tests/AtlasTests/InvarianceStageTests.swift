// The learnt invariance: fitted per synth from its own renders at several notes, velocities and gains,
// stored with its fingerprint, the same for the same bank, and the space the analysis measures in.
import Foundation
import GRDB
import SoundSpace
import Testing
@testable import Atlas

@Suite struct InvarianceStageTests {
    func atlas(_ dir: URL, name: String) throws -> AtlasStore {
        let out = dir.appendingPathComponent(name)
        _ = try AtlasRun.run(sourcePaths: [dir.appendingPathComponent("bank").path], out: out, settings: Fixtures.settings,
                             shard: .whole, components: Fixtures.components(), root: dir)
        return try AtlasStore(reportDirectory: out)
    }

    func storedTransform(_ store: AtlasStore) throws -> (fingerprint: String, patches: Int, renders: Int, json: String)? {
        try store.read { db in
            try Row.fetchOne(db, sql: "SELECT fingerprint, patches, renders, transformJSON FROM invariance WHERE synth = 'toy'")
                .map { ($0["fingerprint"], $0["patches"], $0["renders"], $0["transformJSON"]) }
        }
    }

    @Test func theSameBankGivesTheSameStoredTransformAndTheAnalysisUsesIt() throws {
        let dir = try Fixtures.bank(count: 12)
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = try atlas(dir, name: "one"), second = try atlas(dir, name: "two")
        let a = try #require(try storedTransform(first)), b = try #require(try storedTransform(second))
        #expect(a.json == b.json && a.fingerprint == b.fingerprint)
        // 12 presets, the init patch, 40 random settings and 4 parameters x 3 sweep steps are all audible toy
        // sounds: 65 patches, a quarter of them (16) heard 5 ways each.
        #expect(a.patches == 16)
        #expect(a.renders == 16 * 5)
        let transform = try JSONDecoder().decode(InvarianceTransform.self, from: Data(a.json.utf8))
        #expect(transform.dimension == 5 && transform.components == 5)
        let summary = try String(contentsOf: dir.appendingPathComponent("one/summary.json"), encoding: .utf8)
        #expect(summary.contains("\"invariance.patches\": 16"))
        // A rerun with nothing changed keeps the stored transform (same fingerprint, nothing refitted).
        try InvarianceStage.run(store: first, components: Fixtures.components())
        #expect(try storedTransform(first)?.json == a.json)
    }

    @Test func probesSpanAnOctaveEachWayASofterVelocityAndTwelveDecibelsLess() {
        let probes = InvarianceStage.probes(Fixtures.settings.render)
        #expect(probes.map(\.settings.note) == [60, 48, 72, 60])
        #expect(probes.map(\.settings.velocity) == [100, 100, 100, 60])
        #expect(probes.map(\.gainDecibels) == [-12, 0, 0, 0])
    }

    @Test func noPatchesMeansNoTransform() throws {
        let dir = try Fixtures.bank(count: 12)
        defer { try? FileManager.default.removeItem(at: dir) }
        var components = Fixtures.components()
        components.invariancePatches = 0
        let out = dir.appendingPathComponent("plain")
        _ = try AtlasRun.run(sourcePaths: [dir.appendingPathComponent("bank").path], out: out, settings: Fixtures.settings,
                             shard: .whole, components: components, root: dir)
        #expect(try storedTransform(try AtlasStore(reportDirectory: out)) == nil)
    }
}
