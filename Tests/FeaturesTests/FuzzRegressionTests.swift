// Inputs `make fuzz` stopped on, kept as regression tests (Tests/Fixtures/fuzz, outside any target).
// audio-vorbis-header-leak.ogg: an Ogg Vorbis header libsndfile calls malformed; libvorbis leaks its
// vorbis_info (5,784 bytes, LeakSanitizer) on that path, which is theirs; ours must give one line.
import Foundation
import Testing
@testable import Features
import TestSupport

@Suite struct FuzzRegressionTests {
    static let folder = TestPaths.package("Tests/Fixtures/fuzz")

    @Test func malformedVorbisHeaderIsOneLineNamingTheFile() throws {
        let url = Self.folder.appendingPathComponent("audio-vorbis-header-leak.ogg")
        try #require(FileManager.default.fileExists(atPath: url.path), "fixture missing: \(url.path)")
        do { _ = try AudioFile.read(url); Issue.record("a malformed Vorbis file was read") } catch {
            #expect("\(error)".hasPrefix(url.path + ": "))
            #expect(!"\(error)".contains("\n"))
        }
    }

    @Test func emptyFileIsOneLine() throws {
        // The csv target's finding: an empty file (Foundation's Data(contentsOf:) leaks a 4 KiB buffer on it).
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pa-empty-\(UUID()).wav")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data().write(to: url)
        #expect(throws: AudioFileError.self) { try AudioFile.read(url) }
    }
}
