// A FIFO, a folder or a missing file named as a .npy gets the same plain line as any other input
// (InputFile's words), not "permission denied" or a Foundation error dump, and never blocks.
import Foundation
import Testing
import NumpyFormat

@Suite struct NumpyArrayNonRegularFileTests {
    @Test func fifoIsRefusedAtOnceInPlainWords() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("npy-fifo-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let pipe = folder.appendingPathComponent("points.npy")
        try #require(mkfifo(pipe.path, 0o600) == 0)
        #expect { try NumpyArray.read(contentsOf: pipe) }
            throws: { "\($0)" == "\(pipe.path): not a regular file (a named pipe)" }
    }

    @Test func folderAndMissingFileAreOneLineEach() {
        let folder = FileManager.default.temporaryDirectory
        #expect { try NumpyArray.read(contentsOf: folder) } throws: { "\($0)" == "\(folder.path): not a regular file (a folder)" }
        let missing = URL(fileURLWithPath: "/nonexistent/points.npy")
        #expect { try NumpyArray.read(contentsOf: missing) } throws: { "\($0)" == "/nonexistent/points.npy: no such file" }
    }
}
