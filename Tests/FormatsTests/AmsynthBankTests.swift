// amsynth bank files: amsynth's own number parser, its line-handling quirks, bad lines reported with
// the rest kept, and every preset of Debian's factory banks and of the shared corpus read.
import Foundation
import Testing
@testable import Formats
import Synthesis

@Suite struct AmsynthBankTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let factoryBanks = root.appendingPathComponent(".cache/factory/usr/share/amsynth/banks")
    static let corpus = root.deletingLastPathComponent().appendingPathComponent("shared/corpora/amsynth")
    static var haveFactory: Bool { FileManager.default.fileExists(atPath: factoryBanks.appendingPathComponent("amsynth_factory.bank").path) }
    static var haveCorpus: Bool { FileManager.default.fileExists(atPath: corpus.appendingPathComponent("manifest.csv").path) }
    static let schema: SynthSchema = {
        (try? SynthDefinition.load(root.appendingPathComponent("Synths/amsynth.xml")))
            ?? SynthSchema(id: "amsynth", name: "amsynth", tool: "", parameters: [])
    }()

    static func bank(_ text: String) throws -> AmsynthBank {
        try AmsynthBank.parse(Data(text.utf8), fileName: "test.bank", schema: schema)
    }

    @Test func schemaHasAmsynthsFortyOneParametersInPortOrder() {
        #expect(Self.schema.parameters.map(\.id) == AmsynthParameter.allCases.map(\.rawValue))
        #expect(Self.schema.parameters.count == 41)
        // Parameter.cpp: master_vol default 0.67, filter_cutoff -0.5...1.5 default 1.5, osc2_pitch ±12.
        #expect(Self.schema.parameter("master_vol")?.defaultValue == 0.67)
        #expect(Self.schema.parameter("filter_cutoff").map { [$0.minimum, $0.maximum, $0.defaultValue] } == [-0.5, 1.5, 1.5])
        #expect(Self.schema.parameter("osc2_pitch").map { [$0.minimum, $0.maximum] } == [-12, 12])
    }

    @Test func numbersAreReadDigitByDigitInFloatAsAmsynthDoes() {
        // The fixture README: "0.15" becomes 0.149999991 (0x1.333332p-3), not strtof's 0.150000006.
        #expect(AmsynthNumber.parse("0.15") == Float(bitPattern: 0x3E19_9999))
        #expect(Float("0.15")! == Float(bitPattern: 0x3E19_999A))
        #expect(AmsynthNumber.parse("-0.5") == -0.5)
        #expect(AmsynthNumber.parse("2") == 2)
        #expect(AmsynthNumber.parse("6.96e-09") == Float("6.96e-09")!)
        #expect(AmsynthNumber.isWellFormed("-0.279528") && AmsynthNumber.isWellFormed("6.96e-09"))
        #expect(!AmsynthNumber.isWellFormed("abc") && !AmsynthNumber.isWellFormed("") && !AmsynthNumber.isWellFormed("1.2.3"))
    }

    @Test func badLinesAreReportedAndTheRestKept() throws {
        let bank = try Self.bank("""
        amSynth
        <parameter> amp_attack 1
        <preset> <name> First One
        <parameter> amp_attack 0.5
        <parameter> no_such_thing 3
        <parameter> osc2_pitch twelve
        <parameter> osc1_waveform 7
        <parameter> filter_cutoff -3
        <preset> <name>  Spaced
        <parameter> osc2_range 2
        EOF

        """)
        #expect(bank.presets.map(\.name) == ["First One", " Spaced"])
        #expect(bank.presets[0].values == ["amp_attack": 0.5, "osc1_waveform": 4, "filter_cutoff": -0.5])
        #expect(bank.presets[1].values == ["osc2_range": 2])
        #expect(bank.problems.count == 3)
        #expect(bank.problems[0].hasPrefix("line 2:") && bank.problems[0].contains("before any"))
        #expect(bank.problems[1].hasPrefix("line 5:") && bank.problems[1].contains("no_such_thing"))
        #expect(bank.problems[2].hasPrefix("line 6:") && bank.problems[2].contains("twelve"))
        let patches = bank.patches(schema: Self.schema, source: "test.bank")
        #expect(patches.count == 2 && patches[0].attributes["amsynth.warnings"]?.contains("no_such_thing") == true)
        #expect(patches[1].values["master_vol"] == Double(Float(0.67)), "unlisted parameters take amsynth's defaults")
        #expect(patches[1].values.count == 41)
    }

    @Test func amsynthsLineQuirksAreKept() throws {
        // A last line without '\n' is ignored; a blank line hides the line after it.
        let bank = try Self.bank("amSynth\n<preset> <name> A\n<parameter> amp_decay 1\n\n<parameter> amp_sustain 0.5\n<parameter> amp_release 2")
        #expect(bank.presets.count == 1)
        #expect(bank.presets[0].values == ["amp_decay": 1])
    }

    @Test func notABankIsOneClearError() {
        #expect(throws: PresetError.self) { try Self.bank("amSynthesizer\n") }
        #expect(throws: PresetError.self) { try AmsynthBank.parse(Data([0xFF, 0x00]), fileName: "x.bank", schema: Self.schema) }
        #expect(!AmsynthBank.sniff(Data("<?xml".utf8)))
    }

    @Test(.enabled(if: AmsynthBankTests.haveFactory, "run scripts/install-deps.sh for Debian's amsynth banks"))
    func everyFactoryPresetReads() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.factoryBanks.path).filter { $0.hasSuffix(".bank") }
        var presets = 0, problems = 0
        for file in files {
            let bank = try AmsynthBank.parse(try Data(contentsOf: Self.factoryBanks.appendingPathComponent(file)),
                                             fileName: file, schema: Self.schema)
            presets += bank.presets.count
            problems += bank.problems.count
        }
        // The fixture README: 3,482 presets in the 28 bank files Debian ships.
        #expect(files.count == 28)
        #expect(presets == 3_482)
        #expect(problems == 0)
    }

    @Test(.enabled(if: AmsynthBankTests.haveCorpus, "needs ../shared/corpora/amsynth"))
    func everyCorpusPresetReadsAsTheManifestSays() throws {
        let manifest = try String(contentsOf: Self.corpus.appendingPathComponent("manifest.csv"), encoding: .utf8)
            .split(whereSeparator: \.isNewline).dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        var banks: [String: AmsynthBank] = [:]
        for row in manifest {
            let file = String(row[0])
            if banks[file] == nil {
                banks[file] = try AmsynthBank.parse(try Data(contentsOf: Self.corpus.appendingPathComponent("banks/\(file)")),
                                                    fileName: file, schema: Self.schema)
            }
            let preset = banks[file]!.presets[Int(row[1])!]
            #expect(preset.values.count == Int(row[row.count - 1])!, "\(file) #\(row[1])")
        }
        #expect(manifest.count == 1_690)
        #expect(banks.values.reduce(0) { $0 + $1.presets.count } == 1_690)
        #expect(banks.values.allSatisfy { $0.problems.isEmpty })
    }
}
