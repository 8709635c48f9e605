// The learnt invariance: fitted per synth from its own renders at several notes, velocities and gains,
// stored with its fingerprint, the same for the same bank, and the space the analysis measures in.
import Formats
import Foundation
import GRDB
import SoundSpace
import Synthesis
import Testing
@testable import Atlas

/// The toy synth under another id, one octave up: a second synth for an atlas of two.
private struct OctaveUpToy: SynthModel {
    var schema: SynthSchema {
        var schema = ToySynth().schema
        schema.id = "toy2"
        return schema
    }
    func render(_ patch: Patch, settings: RenderSettings) throws -> AudioBuffer {
        var values = patch.values
        values["pitchHz"] = 2 * (values["pitchHz"] ?? 220)
        return try ToySynth().render(Patch(synthID: "toy", name: patch.name, values: values), settings: settings)
    }
}

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

    /// Two synths share one space: one transform fitted on both synths' renders, stored for each.
    @Test func twoSynthsShareOneTransformFittedOnBoth() throws {
        let dir = try Fixtures.bank(count: 12)
        defer { try? FileManager.default.removeItem(at: dir) }
        let second = OctaveUpToy()
        for i in 0..<12 {
            let values = ["pitchHz": 110 * pow(2, Double(i % 3)), "brightness": Double(i % 4) / 4,
                          "decaySeconds": 0.04 + 0.02 * Double(i), "partials": Double(1 + i % 5)]
            try NativePreset(patch: Patch(synthID: "toy2", name: "Other \(i)", values: values), author: "tests")
                .write(to: dir.appendingPathComponent("bank/q\(i).xml"), schema: second.schema)
        }
        let components = AtlasComponents(models: ["toy": Fixtures.synth, "toy2": second],
                                          readers: [NativePresetReader(schemas: ["toy": Fixtures.synth.schema, "toy2": second.schema])],
                                          embedder: ToyEmbedder(), analysis: FirstTwoDimensionsMap())
        let out = dir.appendingPathComponent("two")
        _ = try AtlasRun.run(sourcePaths: [dir.appendingPathComponent("bank").path], out: out, settings: Fixtures.settings,
                             shard: .whole, components: components, root: dir)
        let store = try AtlasStore(reportDirectory: out)
        let fitted = try InvarianceStage.load(store)
        #expect(Set(fitted.keys) == ["toy", "toy2"])
        let toy = try #require(fitted["toy"]), toy2 = try #require(fitted["toy2"])
        #expect(toy.transform == toy2.transform && toy.fingerprint == toy2.fingerprint)
        // Each synth: 12 presets, the init patch, 40 random settings, 12 sweep steps = 65 audible toy sounds,
        // a quarter (16) heard 5 ways; the fit holds both synths' patches.
        #expect(toy.patches == 32 && toy.renders == 32 * 5)
        #expect(toy.fingerprint.contains("toy 16 ") && toy.fingerprint.contains("toy2 16 "))
        let summary = try String(contentsOf: out.appendingPathComponent("summary.json"), encoding: .utf8)
        #expect(summary.contains("\"invariance.patches\": 32"))
    }
}
