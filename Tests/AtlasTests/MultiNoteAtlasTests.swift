// `atlas --notes`: a patch played at several notes is one point whose embedding is the mean of the
// notes' embeddings, and a multi-note store is never resumed as a single-note one.
import Foundation
import Formats
import GRDB
import Synthesis
import Testing
@testable import Atlas

/// The toy synth, but its partials follow the played note (the toy synth ignores it), so notes differ.
struct NoteFollowingToySynth: SynthModel {
    var schema: SynthSchema { ToySynth().schema }

    func render(_ patch: Patch, settings: RenderSettings) throws -> AudioBuffer {
        var moved = patch
        let semitones = Double(settings.note - 60)
        moved.values["pitchHz"] = patch.value(schema.parameters[0]) * pow(2, semitones / 12)
        return try ToySynth().render(moved, settings: settings)
    }
}

@Suite struct MultiNoteAtlasTests {
    static func components() -> AtlasComponents {
        var components = Fixtures.components()
        components.models = ["toy": NoteFollowingToySynth()]
        return components
    }

    static func settings(notes: [Int]) -> AtlasSettings {
        var settings = Fixtures.settings
        settings.randomCount = 6
        settings.sweepSteps = 0
        settings.probeNotes = notes
        settings.render.note = notes.isEmpty ? 60 : notes[notes.count / 2]
        return settings
    }

    static func vectors(_ out: URL) throws -> [String: [Float]] {
        let store = try AtlasStore(reportDirectory: out)
        return try store.read { db in
            try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT patchKey, vector FROM embedding").map {
                (row: Row) in (row["patchKey"] as String, EmbeddingBlob.decode(row["vector"]))
            })
        }
    }

    @Test func aTwoNoteAtlasHasOnePointPerPatchAtTheMeanOfItsNotes() throws {
        let dir = try Fixtures.bank(count: 4)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("two-notes")
        let settings = Self.settings(notes: [48, 72])
        let result = try AtlasRun.run(sourcePaths: [dir.appendingPathComponent("bank").path], out: out, settings: settings,
                                      shard: .whole, components: Self.components(), root: dir)
        // 4 presets + the init patch + 6 random settings, each one point.
        #expect(result.analysis == .analysed(points: 11))
        let stored = try Self.vectors(out)
        #expect(stored.count == 11)
        let store = try AtlasStore(reportDirectory: out)
        #expect(try store.settings()["notes"] == "48,72")
        let mapPoints = try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM mapPoint") }
        #expect(mapPoints == 11)

        // Recomputed here from the synth and the embedder: the mean of the two notes' vectors.
        let presetKey = try #require(stored.keys.first { $0.contains("|preset|") })
        let patch = try store.read { db -> Patch in
            let row = try #require(try Row.fetchOne(db, sql: "SELECT name, valuesJSON FROM patch WHERE key = ?", arguments: [presetKey]))
            return Patch(synthID: "toy", name: row["name"], values: try PatchJSON.decodeValues(row["valuesJSON"]))
        }
        func vector(note: Int) throws -> [Float] {
            var probe = settings.render
            probe.note = note
            return try ToyEmbedder().embed(try NoteFollowingToySynth().render(patch, settings: probe), settings: probe)
        }
        let low = try vector(note: 48), high = try vector(note: 72)
        let expected = zip(low, high).map { ($0 + $1) / 2 }
        let got = try #require(stored[presetKey])
        #expect(zip(got, expected).allSatisfy { abs($0 - $1) <= 1e-5 * max(1, abs($1)) }, "\(got) vs \(expected)")
        // The two notes really differ, so a single-note embedding could not have passed.
        #expect(zip(low, high).contains { abs($0 - $1) > 1e-3 })
    }

    @Test func aMultiNoteStoreIsNotResumedWithOneNote() throws {
        let dir = try Fixtures.bank(count: 2)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("atlas")
        let bank = [dir.appendingPathComponent("bank").path]
        _ = try AtlasRun.run(sourcePaths: bank, out: out, settings: Self.settings(notes: [48, 60, 72]), shard: .whole,
                             components: Self.components(), root: dir)
        #expect {
            try AtlasRun.run(sourcePaths: bank, out: out, settings: Self.settings(notes: []), shard: .whole,
                             components: Self.components(), root: dir)
        } throws: { "\($0)".contains("made with notes = 48,60,72") }
    }
}
