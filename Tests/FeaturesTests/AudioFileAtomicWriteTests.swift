// A failed audio write leaves the file that was there (or none): never a truncated or empty one.
import Foundation
import Testing
@testable import Features

@Suite struct AudioFileAtomicWriteTests {
    @Test(arguments: ["wav", "flac"]) func aFailedWriteKeepsTheOldFileAndLeavesNothingElse(_ ext: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pa-atomic-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("out.\(ext)")
        let samples = (0..<1000).map { Float($0 % 100) / 200 }
        try AudioFile.write(AudioClip(sampleRateHz: 44_100, channels: [samples]), to: url)
        // libsndfile creates (truncates) the file before it rejects a sample rate of 0.
        #expect(throws: AudioFileError.self) {
            try AudioFile.write(AudioClip(sampleRateHz: 0, channels: [samples]), to: url)
        }
        #expect(try AudioFile.read(url).frameCount == 1000)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.\(ext)"])
    }

    @Test func aFailedFirstWriteLeavesNoFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pa-atomic-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: AudioFileError.self) {
            try AudioFile.write(AudioClip(sampleRateHz: 0, channels: [[0.5, 0.25]]), to: folder.appendingPathComponent("x.flac"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }
}
