// Report and export files are written whole or not at all, and a failure is one plain line.
import Foundation
import Testing
@testable import Atlas

@Suite struct OutputFileTests {
    @Test func aWriteReplacesTheFileWholeAndLeavesNothingElse() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pa-out-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("summary.md")
        try OutputFile.write(Data(repeating: 0x41, count: 100_000), to: url)
        try OutputFile.write(Data("short\n".utf8), to: url)
        #expect(try String(contentsOf: url, encoding: .utf8) == "short\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["summary.md"])
    }

    @Test func aFailureIsOnePlainLineNamingTheFile() {
        let url = URL(fileURLWithPath: "/nonexistent-\(UUID())/summary.json")
        do {
            try OutputFile.write(Data("{}".utf8), to: url)
            Issue.record("wrote into a missing folder")
        } catch {
            #expect("\(error)" == "\(url.path): No such file or directory")
        }
    }
}
