// Our own banks in Presets/: at least 16 per built-in synth, each valid against its Synths/ definition,
// named once, away from the init patch, and audible through the real engine.
import Foundation
import Formats
import Synthesis
import Testing
@testable import Atlas

@Suite struct PresetBankTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func bank(_ synth: String) throws -> (SynthSchema, [NativePreset]) {
        let schema = try SynthDefinition.load(packageRoot.appendingPathComponent("Synths/\(synth).xml"))
        let folder = packageRoot.appendingPathComponent("Presets/\(synth)")
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "xml" }.sorted { $0.path < $1.path }
        return (schema, try files.map { try NativePreset.read($0, schema: schema) })
    }

    @Test(arguments: SynthRegistry.renderable.map(\.id))
    func eachBuiltInSynthHasABankOfItsOwn(synth: String) throws {
        let (schema, presets) = try Self.bank(synth)
        #expect(presets.count >= 16)
        #expect(Set(presets.map(\.patch.name)).count == presets.count)
        let initPatch = schema.initPatch()
        for preset in presets {
            #expect(preset.author == "PresetAtlas")
            #expect(!preset.comment.isEmpty, "\(preset.patch.name) states no design intent")
            // Every parameter written out, and at least three moved off the default: a designed sound.
            #expect(preset.patch.values.count == schema.parameters.count)
            let moved = schema.parameters.filter { !$0.isAtDefault(preset.patch.value($0)) }
            #expect(moved.count >= 3, "\(preset.patch.name) moves \(moved.count) parameters")
            #expect(preset.patch.values != initPatch.values)
        }
    }

    @Test func everyPresetSoundsThroughTheRealEngine() throws {
        let components = try BuiltInComponents.make()
        let settings = RenderSettings(note: 60, velocity: 100, holdSeconds: 0.4, tailSeconds: 0.2, sampleRateHz: 22_050)
        for synth in SynthRegistry.renderable.map(\.id) {
            let (_, presets) = try Self.bank(synth)
            let model = try #require(components.models[synth])
            for preset in presets {
                let audio = try model.render(preset.patch, settings: settings)
                #expect(audio.isFinite, "\(preset.patch.name)")
                #expect(audio.peak > 0.001, "\(synth) \(preset.patch.name) is silent (peak \(audio.peak))")
            }
        }
    }
}
