// The files `explore` writes for TripleOscillator (.xpf) and amsynth (.bank): read back by our readers they
// give the same patch and the same samples, and the .xpf has the layout of LMMS's own presets.
import Foundation
import Formats
import Synthesis
import TestSupport
import Testing
@testable import Atlas

@Suite struct ExploreWriterTests {
    static let factoryPresets = TestPaths.factory("usr/share/lmms/presets/TripleOscillator")
    static var factoryPresent: Bool { TestPaths.exists(factoryPresets.appendingPathComponent("Square.xpf")) }
    static let shortNote = RenderSettings(note: 60, velocity: 100, holdSeconds: 0.25, tailSeconds: 0.1, tempoBPM: 120)

    static func explored(_ synth: String, count: Int, seed: UInt64, schema: SynthSchema) throws -> [ExploredPatch] {
        try PatchSampler(schema: schema, seed: seed).randomPatches(0..<count).enumerated().map { i, patch in
            var named = patch
            named.name = ExploreRun.exportName(source: .search, rank: i + 1, presetName: nil)
            return ExploredPatch(patch: named, origin: "test", distanceRatio: 1, rmsDecibels: 0)
        }
    }

    /// Random patches written as .xpf files and read back with `LMMSPreset`: every schema value is the
    /// sampler's own (not only the rewritten one), and the renders are sample for sample the same.
    @Test func tripleOscillatorPresetsRoundTripToTheSameSamples() throws {
        let components = try BuiltInComponents.make()
        let model = try #require(components.models["tripleoscillator"])
        let explored = try Self.explored("tripleoscillator", count: 8, seed: 11, schema: model.schema)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("explore-xpf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try ExploredBankWriter.write(explored, synth: "tripleoscillator", schema: model.schema, to: folder)
        #expect(files.map(\.lastPathComponent) == (1...8).map { String(format: "FOUND %02d.xpf", $0) })
        for (file, original) in zip(files, explored) {
            let read = try LMMSPreset.read(file, schema: model.schema)
            #expect(read.name == original.patch.name)
            for spec in model.schema.parameters {
                #expect(read.values[spec.id] == original.patch.value(spec), "\(file.lastPathComponent) \(spec.id)")
            }
            let fromFile = try model.render(read, settings: Self.shortNote).channels
            let inMemory = try model.render(original.patch, settings: Self.shortNote).channels
            #expect(fromFile == inMemory, "\(original.patch.name)")
        }
    }

    /// Every factory preset without an FX chain or user wave, rewritten by our writer, reads back as the same
    /// values; and our file has every element and attribute LMMS put in the factory file (less the
    /// pre-1.2 spellings LMMS upgrades on load: `sus` is now `sustain`, `syncmode` is now `*_syncmode`).
    @Test(.enabled(if: factoryPresent, "LMMS factory presets absent: run scripts/install-deps.sh"))
    func factoryPresetsRewriteToTheSameValuesAndLayout() throws {
        let schema = try #require(try BuiltInComponents.make().models["tripleoscillator"]).schema
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.factoryPresets.path).filter { $0.hasSuffix(".xpf") }.sorted()
        var rewritten = 0, layoutsCompared = 0
        for name in names {
            let url = Self.factoryPresets.appendingPathComponent(name)
            let original = try LMMSPreset.read(url, schema: schema)
            if original.attributes.keys.contains(where: { $0.contains("userwavefile") || $0 == LMMSEffectChainSettings.attributeKey }) { continue }
            let text = try LMMSPresetWriter.xml(original, schema: schema)
            let back = try LMMSPreset.parse(Data(text.utf8), fileName: name, directory: nil, schema: schema)
            for spec in schema.parameters where original.values[spec.id] != nil {
                #expect(back.values[spec.id] == original.value(spec), "\(name) \(spec.id)")
            }
            #expect(back.name == original.name)
            rewritten += 1
            let theirs = try XMLParser.parse(Data(contentsOf: url)), ours = try XMLParser.parse(Data(text.utf8))
            #expect(ours.attributes["type"] == "instrumenttracksettings")
            // Files in the pre-0.4 layout (<multimediaproject>, one <arpandchords>) are upgraded by LMMS on load:
            // their layout is not 1.2.2's, only their values are compared.
            if theirs.name == "multimediaproject" { continue }
            layoutsCompared += 1
            let legacy: Set<String> = ["sus", "syncmode", "arpdisabled", "chorddisabled"]
            func compare(_ path: [String]) {
                let a = Self.element(theirs, path), b = Self.element(ours, path)
                guard let a else { return }
                guard let b else { Issue.record("\(name): our file lacks <\(path.joined(separator: "/"))>"); return }
                let missing = Set(a.attributes.keys).subtracting(b.attributes.keys).subtracting(legacy)
                #expect(missing.isEmpty, "\(name) <\(path.last!)> lacks \(missing.sorted())")
            }
            let track = ["instrumenttracksettings", "instrumenttrack"]
            for path in [track, track + ["instrument"], track + ["instrument", "tripleoscillator"], track + ["eldata"],
                         track + ["eldata", "elvol"], track + ["eldata", "elcut"], track + ["eldata", "elres"],
                         track + ["chordcreator"], track + ["arpeggiator"], track + ["fxchain"]] {
                compare(path)
            }
        }
        #expect(rewritten >= 30, "only \(rewritten) factory presets without FX or user waves")
        #expect(layoutsCompared >= 20, "only \(layoutsCompared) factory presets in the current layout")
    }

    static func element(_ root: XMLElement, _ path: [String]) -> XMLElement? {
        path.reduce(Optional(root)) { $0?.child($1) }
    }

    /// An FX chain cannot be written: one clear error, no file.
    @Test func anFXChainIsRefusedNotDropped() throws {
        let schema = try #require(try BuiltInComponents.make().models["tripleoscillator"]).schema
        let patch = Patch(synthID: "tripleoscillator", name: "Wet", attributes: [LMMSEffectChainSettings.attributeKey: "x"])
        #expect(throws: PresetError.self) { try LMMSPresetWriter.xml(patch, schema: schema) }
        #expect(ExploredBankWriter.asWritten(patch, schema: schema).attributes[LMMSEffectChainSettings.attributeKey] == nil)
    }

    /// An amsynth bank written and read back with `AmsynthBank` gives the patches `asWritten` predicts
    /// (amsynth's 6-digit floats through its own parser), and those render like the in-memory patches.
    @Test func amsynthBankRoundTripsToTheSameSamples() throws {
        let components = try BuiltInComponents.make()
        let model = try #require(components.models["amsynth"])
        let explored = try Self.explored("amsynth", count: 5, seed: 5, schema: model.schema).map { e -> ExploredPatch in
            var written = e
            written.patch = ExploredBankWriter.asWritten(e.patch, schema: model.schema)
            return written
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("explore-amsynth-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("unexplored.bank")
        #expect(try ExploredBankWriter.write(explored, synth: "amsynth", schema: model.schema, to: file) == [file])
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.hasPrefix("amSynth\n<preset> <name> FOUND 01\n"))
        #expect(text.hasSuffix("\nEOF\n"))
        #expect(!text.contains("\n\n"))
        let bank = try AmsynthBank.parse(Data(text.utf8), fileName: "unexplored.bank", schema: model.schema)
        #expect(bank.problems.isEmpty, "\(bank.problems)")
        let patches = bank.patches(schema: model.schema, source: "unexplored.bank")
        #expect(patches.count == 5)
        for (read, original) in zip(patches, explored) {
            #expect(read.name == original.patch.name)
            #expect(read.values == original.patch.values)
            let fromFile = try model.render(read, settings: Self.shortNote).channels
            let inMemory = try model.render(original.patch, settings: Self.shortNote).channels
            #expect(fromFile == inMemory, "\(original.patch.name)")
        }
        // The values amsynth loads stay within a 6-digit rounding of the sampler's.
        let sampled = try Self.explored("amsynth", count: 5, seed: 5, schema: model.schema)
        for (written, drawn) in zip(explored, sampled) {
            for spec in model.schema.parameters {
                let a = written.patch.values[spec.id]!, b = drawn.patch.value(spec)
                #expect(abs(a - b) <= max(1e-5 * abs(b), 1e-6) || spec.scale != .linear && spec.scale != .log && abs(a - b) <= 0.5,
                        "\(spec.id) \(a) vs \(b)")
            }
        }
    }
}
