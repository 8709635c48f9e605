// `presetatlas render` on a disk that fills up: each render that does not fit is an error line, and no
// truncated or empty audio file is left behind. A file-size limit (ulimit -f, with SIGXFSZ ignored so
// writes fail with EFBIG as they fail with ENOSPC on a full disk) stands in for the full disk.
import Foundation
import Testing
import Formats
import Synthesis

@Suite struct FullDiskRenderTests {
    @Test func renderOnAFullDiskLeavesNoTruncatedFile() throws {
        let binary = try CommandLineBinary.presetatlas()
        let root = try CommandLineBinary.packageRoot()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pa-full-\(UUID())")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("out"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(DX7SysEx.singleVoiceDump(DX7VoiceData())).write(to: folder.appendingPathComponent("voice.syx"))
        // 0.5 s of stereo 32-bit float at 44.1 kHz is 176 KB; the limit is 64 KB.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "trap '' XFSZ; ulimit -f 128; exec \"$0\" render voice.syx --out-dir out --hold 0.4 --tail 0.1",
                             binary.path]
        process.currentDirectoryURL = folder
        process.environment = ProcessInfo.processInfo.environment.merging(
            ["PRESETATLAS_SYNTHS": root.appendingPathComponent("Synths").path]) { _, new in new }
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1, "\(text)")
        #expect(text.contains("error: ") && text.contains("voice"), "\(text)")
        #expect(text.contains("rendered 0 of 1 files (0 patches, 0 audio files written)"), "\(text)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("out").path).isEmpty)
    }
}
