// DX7 files: bulk and single-voice dumps, raw packed banks, round trips, Patch conversion, and
// corrupt or hostile input (one clear error, or a warning for what librarians tolerate).
import Foundation
import Testing
@testable import Formats
import Synthesis
import TestSupport

@Suite struct DX7FormatTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let romBank = root.appendingPathComponent(".cache/factory/usr/share/hexter/dx7_roms.dx7")
    static let corpus = root.deletingLastPathComponent().appendingPathComponent("shared/corpora/dx7")
    static var haveROMBank: Bool { FileManager.default.fileExists(atPath: romBank.path) }
    static func schema() throws -> SynthSchema { try TestSchemas.load("dx7") }
    static var haveCorpus: Bool { FileManager.default.fileExists(atPath: corpus.appendingPathComponent("cartridges/learnfm_000.syx").path) }

    /// A voice with every field set to a distinct in-range value, so a swapped field shows.
    static func distinctVoice() -> DX7VoiceData {
        var voice = DX7VoiceData()
        for i in 0..<6 {
            var op = DX7OperatorData()
            op.egRates = [UInt8(10 + i), UInt8(20 + i), UInt8(30 + i), UInt8(40 + i)]
            op.egLevels = [UInt8(50 + i), UInt8(60 + i), UInt8(70 + i), UInt8(i)]
            op.breakPoint = UInt8(33 + i); op.leftDepth = UInt8(11 + i); op.rightDepth = UInt8(22 + i)
            op.leftCurve = UInt8(i % 4); op.rightCurve = UInt8((i + 1) % 4)
            op.rateScaling = UInt8(i + 1); op.ampModSensitivity = UInt8(i % 4); op.velocitySensitivity = UInt8(7 - i)
            op.outputLevel = UInt8(90 + i); op.oscillatorMode = UInt8(i % 2); op.coarse = UInt8(i * 5)
            op.fine = UInt8(i * 16); op.detune = UInt8(i * 2)
            voice.operators[i] = op
        }
        voice.pitchEGRates = [91, 92, 93, 94]; voice.pitchEGLevels = [45, 46, 47, 48]
        voice.algorithm = 21; voice.feedback = 5; voice.oscillatorKeySync = 0
        voice.lfoSpeed = 66; voice.lfoDelay = 12; voice.lfoPitchModDepth = 13; voice.lfoAmpModDepth = 14
        voice.lfoKeySync = 0; voice.lfoWave = 4; voice.pitchModSensitivity = 6; voice.transpose = 30
        voice.nameBytes = Array("DISTINCT 1".utf8)
        return voice
    }

    @Test func packedAndUnpackedLayoutsRoundTrip() throws {
        let voice = Self.distinctVoice()
        #expect(DX7VoiceData(packed: voice.packed[...]) == voice)
        #expect(DX7VoiceData(unpacked: voice.unpacked[...]) == voice)
        // Stored order is OP6 first: OP6's rate 1 is byte 0, OP1's is byte 85 (packed) / 105 (VCED).
        #expect(voice.packed[0] == voice.operators[5].egRates[0])
        #expect(voice.packed[85] == voice.operators[0].egRates[0])
        #expect(voice.unpacked[105] == voice.operators[0].egRates[0])
        #expect(voice.unpacked[134] == 21)
        #expect(voice.outOfRangeFields(schema: try Self.schema()).isEmpty)
    }

    @Test func bulkDumpHasHeaderChecksumAndRoundTripsByteForByte() throws {
        let voices = (0..<32).map { k -> DX7VoiceData in
            var v = Self.distinctVoice(); v.lfoSpeed = UInt8(k); return v
        }
        let dump = try DX7SysEx.bulkDump(voices)
        #expect(dump.count == 4104)
        #expect(Array(dump[0..<6]) == [0xF0, 0x43, 0x00, 0x09, 0x20, 0x00])
        #expect(dump[4103] == 0xF7)
        let sum = dump[6..<4102].reduce(0) { $0 + Int($1) } + Int(dump[4102])
        #expect(sum % 128 == 0)
        let bank = try DX7SysEx.decode(dump, fileName: "test.syx")
        #expect(bank.voices == voices)
        #expect(bank.warnings.isEmpty)
        #expect(try DX7SysEx.bulkDump(bank.voices) == dump)
    }

    @Test func singleVoiceDumpRoundTrips() throws {
        let voice = Self.distinctVoice()
        let dump = DX7SysEx.singleVoiceDump(voice)
        #expect(dump.count == 163)
        let bank = try DX7SysEx.decode(dump, fileName: "one.syx")
        #expect(bank.voices == [voice])
        #expect(DX7SysEx.singleVoiceDump(bank.voices[0]) == dump)
    }

    @Test func severalDumpsInOneFileWithJunkAround() throws {
        let a = try DX7SysEx.bulkDump(Array(repeating: Self.distinctVoice(), count: 32))
        let b = DX7SysEx.singleVoiceDump(DX7VoiceData())
        let file = [0x00, 0x12] + a + [0xF0, 0x7E, 0xF7] + b + a + [0xFF]
        let bank = try DX7SysEx.decode(file, fileName: "multi.syx")
        #expect(bank.voices.count == 65)
        #expect(bank.voices[32] == DX7VoiceData())
    }

    @Test func rawPackedBankIsAnyMultipleOf128() throws {
        let bytes = Self.distinctVoice().packed + DX7VoiceData().packed + Self.distinctVoice().packed
        let bank = try DX7SysEx.decode(bytes, fileName: "bank.dx7")
        #expect(bank.voices.count == 3)
        #expect(bank.voices[1].name == "INIT VOICE")
    }

    @Test func badHeaderOrLengthIsOneClearError() {
        let cases: [(String, [UInt8])] = [
            ("empty.syx", []),
            ("truncated.syx", Array(try! DX7SysEx.bulkDump([]).prefix(2000))),
            ("odd.dx7", [UInt8](repeating: 1, count: 300)),
            ("roland.syx", [0xF0, 0x41, 0x10, 0x42, 0x12, 0x00, 0xF7] + [UInt8](repeating: 0, count: 121)),
            ("count.syx", [0xF0, 0x43, 0x00, 0x09, 0x10, 0x00] + [UInt8](repeating: 0, count: 4098)),
        ]
        for (name, bytes) in cases {
            do {
                _ = try DX7SysEx.decode(bytes, fileName: name)
                Issue.record("\(name) should not load")
            } catch {
                let text = "\(error)"
                #expect(text.hasPrefix(name + ":"), "error names the file: \(text)")
                #expect(!text.contains("\n"))
            }
        }
    }

    @Test func badChecksumLoadsWithAWarning() throws {
        var dump = try DX7SysEx.bulkDump([Self.distinctVoice()])
        dump[4102] ^= 0x55
        let bank = try DX7SysEx.decode(dump, fileName: "sum.syx")
        #expect(bank.voices.count == 32)
        #expect(bank.warnings.contains { $0.contains("checksum") })
    }

    @Test func outOfRangeAndStrayBitsAreMaskedAndReported() throws {
        var packed = DX7VoiceData().packed
        packed[0] = 120          // OP6 rate 1 above 99: kept (7 bits), reported, clamped when played
        packed[12] = 0x7F        // detune 15
        packed[110] = 0x7F       // algorithm with stray bits 5-6
        packed[3] = 0x85         // a byte >= 0x80
        let bank = try DX7SysEx.decode(packed, fileName: "dirty.dx7")
        let voice = bank.voices[0]
        #expect(voice.operators[5].egRates[0] == 120)
        #expect(voice.operators[5].detune == 15)
        #expect(voice.algorithm == 31)
        #expect(voice.operators[5].egRates[3] == 5)
        #expect(bank.warnings.contains { $0.contains("stray") })
        let schema = try Self.schema()
        let outOfRange = voice.outOfRangeFields(schema: schema)
        #expect(outOfRange.contains("op6.eg.rate1 120 > 99") && outOfRange.contains("op6.detune 15 > 14"))
        // The patch keeps the stored values; back to a voice, they clamp into the schema's ranges.
        let patch = voice.patch(schema: schema)
        #expect(patch.values["op6.eg.rate1"] == 120)
        #expect(DX7VoiceData(patch: patch, schema: schema).operators[5].egRates[0] == 99)
        // Read as a preset file, the range problems ride along as warnings.
        let patches = try PresetFormat.dx7.decode(Data(packed), URL(fileURLWithPath: "/tmp/dirty.dx7"), schema)
        let warnings = try #require(patches.first?.attributes["dx7.warnings"])
        #expect(warnings.contains("stray") && warnings.contains("op6.eg.rate1 120 > 99"))
    }

    @Test func hostileBytesNeverCrash() {
        var generator = TestRandom(seed: 7)
        for length in [1, 5, 127, 128, 163, 4103, 4104, 4105, 9000] {
            var bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            if length > 6 { bytes[0] = 0xF0; bytes[1] = 0x43; bytes[2] = 0; bytes[3] = 0x09 }
            // Either voices or one line naming the file; never a crash.
            do {
                let bank = try DX7SysEx.decode(bytes, fileName: "random.syx")
                #expect(!bank.voices.isEmpty)
            } catch let error as DX7FormatError {
                #expect(error.file == "random.syx" && !error.problem.isEmpty && !error.problem.contains("\n"))
            } catch {
                Issue.record("unexpected error type: \(error)")
            }
        }
    }

    @Test func patchConversionUsesSchemaIdsAndRoundTrips() throws {
        let schema = try SynthDefinition.load(Self.root.appendingPathComponent("Synths/dx7.xml"))
        #expect(schema.parameters.count == 145)
        let patch = Self.distinctVoice().patch(schema: schema, source: "x.syx", index: 3)
        #expect(patch.synthID == "dx7")
        #expect(Set(patch.values.keys) == Set(schema.parameters.map(\.id)))
        #expect(patch.values["algorithm"] == 22)
        #expect(patch.values["op1.eg.rate1"] == 10)
        #expect(patch.attributes["index"] == "3")
        #expect(DX7VoiceData(patch: patch, schema: schema) == Self.distinctVoice())
        // The schema's defaults are the DX7 init voice.
        let initFromSchema = DX7VoiceData(patch: schema.initPatch(name: "INIT VOICE"), schema: schema)
        #expect(initFromSchema == DX7VoiceData())
        // NaN and missing values fall back to the init voice; huge ones clamp.
        let odd = Patch(synthID: "dx7", name: "odd", values: ["op1.level": .nan, "feedback": 1e9])
        #expect(DX7VoiceData(patch: odd, schema: schema).operators[0].outputLevel == 99)
        #expect(DX7VoiceData(patch: odd, schema: schema).feedback == 7)
    }

    @Test func presetLoaderSniffsDX7FilesByContent() throws {
        let schema = try SynthDefinition.load(Self.root.appendingPathComponent("Synths/dx7.xml"))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dx7-loader-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // A bulk dump under a misleading name, with a bad checksum: 32 patches, the warning kept.
        var dump = try DX7SysEx.bulkDump([Self.distinctVoice()])
        dump[4102] ^= 1
        let bulk = folder.appendingPathComponent("bank.bin")
        try Data(dump).write(to: bulk)
        #expect(PresetLoader.format(of: Data(dump), among: [.lmmsTripleOscillator, .dx7])?.synthID == "dx7")
        let patches = try PresetLoader.load(bulk, formats: [.lmmsTripleOscillator, .dx7], schema: { _ in schema })
        #expect(patches.count == 32)
        #expect(patches[0].name == "DISTINCT 1" && patches[31].attributes["index"] == "31")
        #expect(patches[0].attributes["dx7.warnings"]?.contains("checksum") == true)
        // A truncated dump: one line naming the file.
        let broken = folder.appendingPathComponent("broken.syx")
        try Data(dump.prefix(3000)).write(to: broken)
        #expect(throws: PresetError.self) { _ = try PresetLoader.load(broken, formats: [.lmmsTripleOscillator, .dx7], schema: { _ in schema }) }
        // Text is not DX7 data.
        #expect(PresetLoader.format(of: Data(String(repeating: "hello ", count: 64).utf8), among: [.lmmsTripleOscillator, .dx7]) == nil)
    }

    @Test(.enabled(if: haveROMBank, "run scripts/install-deps.sh for hexter's ROM bank"))
    func hexterROMBankLoadsAllVoicesAndRewritesIdentically() throws {
        let raw = [UInt8](try Data(contentsOf: Self.romBank))
        let bank = try DX7SysEx.read(Self.romBank)
        #expect(bank.voices.count == 128)
        #expect(bank.voices[0].name == "BRASS   1")
        #expect(bank.voices.flatMap(\.packed) == raw)
    }

    @Test(.enabled(if: haveCorpus, "needs ../shared/corpora/dx7"))
    func corpusCartridgesRoundTripByteForByte() throws {
        let folder = Self.corpus.appendingPathComponent("cartridges")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".syx") }.sorted()
        #expect(files.count >= 100)
        var identical = 0, voices = 0
        for file in files {
            let url = folder.appendingPathComponent(file)
            let bytes = [UInt8](try Data(contentsOf: url))
            let bank = try DX7SysEx.read(url)
            voices += bank.voices.count
            if try DX7SysEx.bulkDump(bank.voices) == bytes { identical += 1 }
        }
        #expect(voices == files.count * 32)
        // Including the dirty voices (manifest "clean" = no): their stray bits are kept aside.
        #expect(identical == files.count)
        let singles = Self.corpus.appendingPathComponent("single")
        for file in try FileManager.default.contentsOfDirectory(atPath: singles.path).filter({ $0.hasSuffix(".syx") }) {
            let bytes = [UInt8](try Data(contentsOf: singles.appendingPathComponent(file)))
            let bank = try DX7SysEx.decode(bytes, fileName: file)
            #expect(bank.voices.count == 1)
            #expect(DX7SysEx.singleVoiceDump(bank.voices[0]) == bytes)
        }
    }
}
