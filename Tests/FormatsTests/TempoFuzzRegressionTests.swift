// Inputs `make fuzz` stopped on in the tempo readers, kept as regression tests (Tests/Fixtures/fuzz).
// tempo-any-zip-slow-scan.zip: a 55 KB mutated MuseScore zip that libFuzzer reported as a hang (over 10 s
// under AddressSanitizer on a loaded machine): looking for the end of the central directory copied two
// arrays at each of up to 65,536 positions. The byte comparison is now in place.
import Foundation
import Testing
@testable import Formats
import TestSupport

@Suite struct TempoFuzzRegressionTests {
    static let folder = TestPaths.package("Tests/Fixtures/fuzz")

    @Test func mutatedZipIsReadOrRefusedInOneLineNamingTheFile() throws {
        let url = Self.folder.appendingPathComponent("tempo-any-zip-slow-scan.zip")
        try #require(FileManager.default.fileExists(atPath: url.path), "fixture missing: \(url.path)")
        do {
            let reading = try TempoReader.read(url)
            #expect(reading.bpm.isFinite && reading.bpm > 0)
        } catch {
            #expect("\(error)".hasPrefix(url.path + ": "))
            #expect(!"\(error)".contains("\n"))
        }
    }

    /// The in-place comparison keeps the old rules: no match before the start, past the end or on a prefix.
    @Test func byteReaderMatchesOnlyWholePatternsInside() {
        let bytes = ByteReader(Array("xxPK\u{5}\u{6}".utf8))
        #expect(bytes.matches(2, "PK\u{5}\u{6}"))
        #expect(bytes.matches(0, "xx"))
        #expect(!bytes.matches(1, "PK"))
        #expect(!bytes.matches(-1, "x"))
        #expect(!bytes.matches(4, "\u{5}\u{6}\u{0}"), "a pattern running past the end")
        #expect(!bytes.matches(7, "P"))
        #expect(bytes.matches(6, ""), "the empty pattern matches at the end, as before")
    }
}
