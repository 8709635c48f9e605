// A batch render writes one file per render even when inputs share a file name, and its counts say so.
import Foundation
import Testing
@testable import Atlas
import Formats
import Synthesis

@Suite struct BatchOutputNameTests {
    /// A single-voice DX7 dump whose operator 1 plays at `ratio` (so each file sounds different).
    static func voice(ratio: Int, to url: URL) throws {
        var voice = DX7VoiceData()
        voice.operators[0].coarse = UInt8(ratio)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(DX7SysEx.singleVoiceDump(voice)).write(to: url)
    }

    static func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("batch-names-\(UUID().uuidString)")
    }

    @Test func stemsStayUniqueWithoutTakingAnotherInputsName() {
        let files = ["/a/Bell.xpf", "/b/Bell-2.xpf", "/b/Bell.xpf", "/c/bell.syx", "/d/Pad.xpf"].map { URL(fileURLWithPath: $0) }
        // Bell-2 is an input's own name, so the second Bell becomes Bell-3; "bell" differs only by case.
        #expect(BatchOutputNames.stems(for: files) == ["Bell", "Bell-2", "Bell-3", "bell-4", "Pad"])
    }

    @Test func inputsWithTheSameNameEachGetTheirOwnOutput() throws {
        let dir = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let inputs = [("a/Bell.syx", 1), ("b/Bell.syx", 2), ("b/Bell-2.syx", 3)].map { (dir.appendingPathComponent($0.0), $0.1) }
        for (url, ratio) in inputs { try Self.voice(ratio: ratio, to: url) }
        let out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let files = SourceDiscovery.files(in: [dir.path], extensions: ["syx"]).files
        let report = BatchRender.run(files: files, settings: RenderSettings(note: 60, holdSeconds: 0.05, tailSeconds: 0.02),
                                     rendering: PresetRendering(), jobs: 2, outputDirectory: out, format: "wav",
                                     showProgress: false)
        #expect(report.rendered == 3 && report.failed == 0 && report.written == 3)
        let written = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(written == ["Bell-2.wav", "Bell-3.wav", "Bell.wav"])
        // Three different voices: three different files, none overwritten by another.
        let contents = Set(try written.map { try Data(contentsOf: out.appendingPathComponent($0)) })
        #expect(contents.count == 3)
    }

    @Test func aBanksNumberedOutputNeverOverwritesAnotherInput() throws {
        let dir = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data(try DX7SysEx.bulkDump(Array(repeating: DX7VoiceData(), count: 32))).write(to: dir.appendingPathComponent("X.syx"))
        try Self.voice(ratio: 5, to: dir.appendingPathComponent("X_000.syx"))
        let out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let files = ["X.syx", "X_000.syx"].map { dir.appendingPathComponent($0) }
        let report = BatchRender.run(files: files, settings: RenderSettings(note: 60, holdSeconds: 0.02, tailSeconds: 0.01),
                                     rendering: PresetRendering(), jobs: 2, outputDirectory: out, format: "wav",
                                     showProgress: false)
        // X_000.syx keeps its name; the bank stops at its first voice, whose name that is.
        #expect(report.rendered == 1 && report.failed == 1 && report.written == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["X_000.wav"])
    }
}
