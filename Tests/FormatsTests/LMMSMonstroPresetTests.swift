// Monstro presets through the LMMS reader: its own format among the .xpf readers, every attribute LMMS saves read
// into Synths/monstro.xml's ids (a factory preset as the check), and the schema's defaults as Monstro.cpp's models.
import Foundation
import Synthesis
import Testing
import TestSupport
@testable import Formats

@Suite struct LMMSMonstroPresetTests {
    static let schema = TestSchemas.required("monstro")
    static let growl = TestPaths.package("Tests/Fixtures/lmms-instrument-references/monstro/Growl.xpf")

    @Test func theInstrumentPicksTheFormat() throws {
        let data = try Data(contentsOf: Self.growl)
        let formats: [PresetFormat] = [.lmmsTripleOscillator, .lmmsKicker, .lmmsMonstro]
        #expect(PresetLoader.format(of: data, among: formats)?.synthID == "monstro")
        #expect(LMMSPreset.instrumentsWithOwnFormat.contains("monstro"))
    }

    @Test func everySavedAttributeIsASchemaParameter() throws {
        let text = try String(contentsOf: Self.growl, encoding: .utf8)
        let element = try #require(text.range(of: "<monstro ").flatMap { open in
            text[open.upperBound...].range(of: "/>").map { String(text[open.upperBound..<$0.lowerBound]) }
        })
        let names = element.split(separator: " ").compactMap { $0.split(separator: "=").first.map(String.init) }
        #expect(names.count == 123)
        let patch = try LMMSPreset.parse(Data(contentsOf: Self.growl), fileName: "Growl.xpf", directory: nil, schema: Self.schema)
        // "syncmode" is LMMS 1.0's one sync mode for all knobs, which the load rules hand to each tempo knob.
        for name in names where name != "syncmode" {
            #expect(Self.schema.parameter("monstro.\(name)") != nil, "Growl saves \(name), which the schema lacks")
            #expect(patch.values["monstro.\(name)"] != nil, "\(name) is not read")
        }
        // Values as Growl.xpf saves them.
        #expect(patch.values["monstro.o1pw"] == 30.72 && patch.values["monstro.o2wav"] == 11 && patch.values["monstro.o23mo"] == 2)
        #expect(patch.values["monstro.l1rat"] == 214.3 && patch.values["monstro.e1slo"] == 0.44 && patch.values["monstro.w1e2"] == 0.615)
        #expect(patch.values["eldata.ftype"] == 7 && patch.values["elvol.dec"] == 0.666)
    }

    /// Opened as LMMS opens the file itself (upgrades by its creator version, 1.0.93); the reference renders embed the
    /// track in a 1.2.2 song, which skips the upgrade, as the reader does by default.
    @Test func anOldSharedSyncModeReachesEveryTempoKnob() throws {
        let text = try String(contentsOf: Self.growl, encoding: .utf8).replacingOccurrences(of: " syncmode=\"0\" l2att", with: " syncmode=\"4\" l2att")
        #expect(text.contains("syncmode=\"4\""))
        let patch = try LMMSPreset.parse(Data(text.utf8), fileName: "Growl.xpf", directory: nil, schema: Self.schema,
                                         upgrades: .byCreatorVersion)
        for knob in ["l1att", "l1rat", "l2rat", "e1pre", "e1dec", "e2hol", "e2rel"] {
            #expect(patch.values["monstro.\(knob)_syncmode"] == 4, "\(knob)")
        }
        let asEmbedded = try LMMSPreset.parse(Data(text.utf8), fileName: "Growl.xpf", directory: nil, schema: Self.schema)
        #expect(asEmbedded.values["monstro.l1rat_syncmode"] == nil)
    }

    @Test func schemaMatchesMonstrosModels() throws {
        // Monstro.cpp's constructor: (default, min, max) of a sample of its models.
        let expected: [(String, Double, Double, Double)] = [
            ("o1vol", 33, 0, 200), ("o1pw", 50, 0.25, 99.75), ("o3sub", 0, -100, 100), ("o2wav", 0, 0, 14), ("l1wav", 0, 0, 10),
            ("l2rat", 1, 0.1, 10000), ("e1hol", 0, 0, 4000), ("e2sus", 1, 0, 1), ("e1slo", 0, -1, 1), ("o23mo", 0, 0, 3),
            ("s3l2", 0, -1, 1)]
        for (name, value, minimum, maximum) in expected {
            let spec = try #require(Self.schema.parameter("monstro.\(name)"))
            #expect(spec.defaultValue == value && spec.minimum == minimum && spec.maximum == maximum, "\(name)")
        }
    }
}
