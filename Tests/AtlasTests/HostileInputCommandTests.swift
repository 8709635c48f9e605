// Whole commands against hostile inputs and arguments, through the built binary: each ends with a clear
// line and a meaningful exit status, never a trap (exit 132), a hang or a usage dump.
import Foundation
import Formats
import Testing

@Suite struct HostileInputCommandTests {
    /// Exit status and standard error of one run (stdout is discarded; the tests look at errors).
    private func outcome(_ arguments: [String], in folder: URL) throws -> (status: Int32, errors: String) {
        let process = Process()
        process.executableURL = try CommandLineBinary.presetatlas()
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let errorFile = folder.appendingPathComponent("stderr-\(UUID().uuidString).txt")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: errorFile)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, (try? String(contentsOf: errorFile, encoding: .utf8)) ?? "")
    }

    private func scratchFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pa-hostile-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test(arguments: ["nan", "inf", "1e308", "99999999999999999999"])
    func renderSurvivesHostileWaveType(_ value: String) throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let preset = """
        <lmms-project creatorversion="1.2.2" type="instrumenttracksettings">
          <instrumenttracksettings name="x"><instrumenttrack>
            <instrument name="tripleoscillator"><tripleoscillator wavetype0="\(value)" userwavefile0=""/></instrument>
            <eldata><elvol lshp="\(value)"/></eldata>
          </instrumenttrack></instrumenttracksettings>
        </lmms-project>
        """
        try preset.write(to: folder.appendingPathComponent("hostile.xpf"), atomically: true, encoding: .utf8)
        let result = try outcome(["render", "hostile.xpf", "--out-dir", "renders", "--hold", "0.1", "--tail", "0.1"], in: folder)
        #expect(result.status == 0, "\(result.errors)")
    }

    @Test func negativeNoteIsARangeMessageNotMissingValue() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try outcome(["render", "x.xpf", "--note", "-1", "--out", "x.wav"], in: folder)
        #expect(result.status == 64)
        #expect(result.errors.contains("--note must be a MIDI note 0...127"))
        #expect(!result.errors.contains("Missing value"))
    }

    @Test func mapRefusesKZeroBeforeAnyWork() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try outcome(["map", "missing.npy", "--k", "0", "--out", "xy.npy"], in: folder)
        #expect(result.status == 64)
        #expect(result.errors.contains("--k must be at least 1"))
        let iterations = try outcome(["map", "missing.npy", "--iterations", "100000000", "--out", "xy.npy"], in: folder)
        #expect(iterations.status == 64)
        #expect(iterations.errors.contains("--iterations"))
    }

    @Test func fifoOnTheCommandLineIsRefusedAtOnce() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try #require(mkfifo(folder.appendingPathComponent("pipe.xpf").path, 0o600) == 0)
        try #require(mkfifo(folder.appendingPathComponent("pipe.wav").path, 0o600) == 0)
        let render = try outcome(["render", "pipe.xpf", "--out-dir", "renders"], in: folder)
        #expect(render.status == 1)
        #expect(render.errors.contains("pipe.xpf: not a regular file"))
        let features = try outcome(["features", "pipe.wav", "--out", "features"], in: folder)
        #expect(features.status == 1)
        #expect(features.errors.contains("not a regular file"))
    }

    /// A shard store that is a FIFO blocked `merge` in SQLite's open forever; now one line, nothing under --out.
    @Test func fifoShardIsRefusedBeforeMerging() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try #require(mkfifo(folder.appendingPathComponent("shard.sqlite").path, 0o600) == 0)
        let merge = try outcome(["merge", "shard.sqlite", "--out", "merged"], in: folder)
        #expect(merge.status == 1)
        #expect(merge.errors.contains("shard.sqlite: no atlas store (shard.sqlite): not a regular file (a named pipe)"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("merged").path))
    }

    @Test func audioHeaderClaiming64GiBIsOneLine() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // "fLaC" + STREAMINFO: 44.1 kHz, 8 channels, 16 bits, 2^31 - 1 frames, no audio.
        var packed = UInt64(44_100) << 44 | UInt64(7) << 41 | UInt64(15) << 36 | UInt64((1 << 31) - 1)
        var field: [UInt8] = []
        for _ in 0..<8 { field.insert(UInt8(packed & 0xFF), at: 0); packed >>= 8 }
        let header = Array("fLaC".utf8) + [0x80, 0, 0, 34, 0x10, 0, 0x10, 0, 0, 0, 0, 0, 0, 0] + field + [UInt8](repeating: 0, count: 16)
        try Data(header).write(to: folder.appendingPathComponent("huge.flac"))
        let result = try outcome(["features", "huge.flac", "--out", "features"], in: folder)
        #expect(result.status == 1)
        #expect(result.errors.contains("huge.flac: header claims"))
        #expect(result.errors.split(separator: "\n").count == 1)
    }

    @Test func fidelityThatComparedNothingFails() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let references = folder.appendingPathComponent("references")
        try FileManager.default.createDirectory(at: references, withIntermediateDirectories: true)
        try "file,preset,legacy_format,arpeggiator,chords,fx_effects,filter_type,filter_on,waves\n"
            .write(to: references.appendingPathComponent("manifest.csv"), atomically: true, encoding: .utf8)
        let lmms = try outcome(["dev", "fidelity", "--references", "references", "--presets", "."], in: folder)
        #expect(lmms.status == 1)
        #expect(lmms.errors.contains("compared no presets"))
        try Data(DX7VoiceData().packed).write(to: folder.appendingPathComponent("one.dx7"))
        let dx7 = try outcome(["dev", "fidelity-dx7", "--references", "references", "--bank", "one.dx7"], in: folder)
        #expect(dx7.status == 1)
        #expect(dx7.errors.contains("compared no voices"))
    }

    @Test func escapeCodesInFileNamesDoNotReachTheTerminal() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let name = "bad\u{1B}[2J\u{1B}]0;owned\u{07}.xpf"
        try "<lmms-project><nothing/></lmms-project>".write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        let result = try outcome(["render", name, "--out-dir", "renders"], in: folder)
        #expect(result.status == 1)
        #expect(result.errors.contains("bad\\u{1B}[2J"))
        #expect(!result.errors.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    }

    @Test func biasWithOnlyBadInputsSaysSoAndExitsOne() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "not a song".write(to: folder.appendingPathComponent("song.mid"), atomically: true, encoding: .utf8)
        let result = try outcome(["bias", "song.mid", "--out", "out"], in: folder)
        #expect(result.status == 1)
        #expect(result.errors.contains("song.mid"))
        #expect(result.errors.contains("no readable project, song or preset file"))
        #expect(!result.errors.contains("USAGE"))
    }
}
