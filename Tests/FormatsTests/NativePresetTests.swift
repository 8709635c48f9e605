// The native preset format: write then read gives the same patch; bad files give one clear line.
import Foundation
import Testing
@testable import Formats
import Synthesis

private let schema = SynthSchema(id: "toy", name: "Toy", tool: "test", parameters: [
    ParameterSpec(id: "osc1.volume", label: "Volume", minimum: 0, maximum: 200, defaultValue: 33.33, scale: .linear),
    ParameterSpec(id: "env.attackSeconds", label: "Attack", minimum: 0.001, maximum: 10, defaultValue: 0.01, scale: .log),
    ParameterSpec(id: "osc1.wave", label: "Wave", minimum: 0, maximum: 2, defaultValue: 0, scale: .enum),
])

@Suite struct NativePresetTests {
    @Test func roundTripKeepsEveryValueNameAndAuthor() throws {
        let patch = Patch(synthID: "toy", name: "Brass & \"Bells\" <1>",
                          values: ["osc1.volume": 1.0 / 3.0, "env.attackSeconds": 0.123456789012345, "osc1.wave": 2],
                          attributes: ["userWave": "waves/a'b.wav"])
        let preset = NativePreset(patch: patch, author: "Jo Ö", comment: "line one\nline two")
        let text = preset.xml(schema: schema)
        let back = try NativePreset.read(Data(text.utf8), file: "t.xml", schema: schema)
        #expect(back == preset)
        #expect(NativePreset.looksLikeNativePreset(Data(text.utf8)))
    }

    @Test func writesDefaultsForMissingValues() throws {
        let preset = NativePreset(patch: Patch(synthID: "toy", name: "Sparse", values: ["osc1.wave": 1]), author: "")
        let back = try NativePreset.read(Data(preset.xml(schema: schema).utf8), file: "t.xml", schema: schema)
        #expect(back.patch.values == ["osc1.volume": 33.33, "env.attackSeconds": 0.01, "osc1.wave": 1])
    }

    @Test(arguments: [
        ("", "empty file"),
        ("<presetatlas-preset synth=\"toy\"><parameter id=\"osc1.volume\" value=\"1\">", "not well-formed"),
        ("<lmms-project/>", "root element is <lmms-project>"),
        ("<presetatlas-preset name=\"x\"/>", "lacks a synth"),
        ("<presetatlas-preset synth=\"dx7\"/>", "not toy"),
        ("<presetatlas-preset synth=\"toy\"><parameter id=\"nope\" value=\"1\"/></presetatlas-preset>", "no parameter nope"),
        ("<presetatlas-preset synth=\"toy\"><parameter id=\"osc1.volume\" value=\"NaN\"/></presetatlas-preset>", "no finite value"),
        ("<presetatlas-preset synth=\"toy\"><parameter id=\"osc1.volume\" value=\"9e99\"/></presetatlas-preset>", "outside"),
        ("<presetatlas-preset synth=\"toy\"><parameter value=\"1\"/></presetatlas-preset>", "lacks its id"),
        ("<presetatlas-preset synth=\"toy\" version=\"7\"/>", "version 7"),
        ("<presetatlas-preset synth=\"toy\"><parameter id=\"osc1.wave\" value=\"1\"/><parameter id=\"osc1.wave\" value=\"2\"/></presetatlas-preset>", "twice"),
    ])
    func badInputGivesOneLineNamingTheFile(text: String, problem: String) {
        do {
            _ = try NativePreset.read(Data(text.utf8), file: "bad.xml", schema: schema)
            Issue.record("accepted bad input: \(text)")
        } catch {
            let line = String(describing: error)
            #expect(line.hasPrefix("bad.xml: "))
            #expect(line.contains(problem), "\(line)")
            #expect(!line.contains("\n"))
        }
    }

    @Test func missingFileIsOneLine() {
        #expect(throws: NativePresetError.self) { try NativePreset.read(URL(fileURLWithPath: "/no/such/preset.xml")) }
    }
}
