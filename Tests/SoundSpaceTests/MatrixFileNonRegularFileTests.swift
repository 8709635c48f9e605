// `map` and `coverage` read points through MatrixFile: a FIFO named as the points file is refused at once
// with the same plain line as every other input, not "permission denied".
import Foundation
import NumpyFormat
import SoundSpace
import Testing

@Suite struct MatrixFileNonRegularFileTests {
    @Test func fifoIsRefusedAtOnceInPlainWords() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("matrix-fifo-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let pipe = folder.appendingPathComponent("points.csv")
        try #require(mkfifo(pipe.path, 0o600) == 0)
        #expect { try MatrixFile.read(pipe) } throws: { "\($0)" == "\(pipe.path): not a regular file (a named pipe)" }
    }

    @Test func missingFileIsPlainWords() {
        #expect { try MatrixFile.read(URL(fileURLWithPath: "/nonexistent/points.csv")) }
            throws: { "\($0)" == "/nonexistent/points.csv: no such file" }
    }
}
