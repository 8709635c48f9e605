// A FIFO or device named on the command line is a problem line at once, not a file a stage blocks on.
import Foundation
import Testing
@testable import Atlas

@Suite struct SourceDiscoveryFIFOTests {
    @Test func namedFIFOAndDeviceAreProblemsNotFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pa-discover-fifo-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let pipe = folder.appendingPathComponent("pipe.xpf").path
        try #require(mkfifo(pipe, 0o600) == 0)
        let found = SourceDiscovery.files(in: [pipe, "/dev/null"])
        #expect(found.files.isEmpty)
        #expect(found.problems.map(\.description).sorted() == [
            "/dev/null: not a regular file (a character device)",
            "\(pipe): not a regular file (a named pipe)",
        ].sorted())
    }
}
