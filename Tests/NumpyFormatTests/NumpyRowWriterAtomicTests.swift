// A streamed .npy appears only when finished: an error or a kill half-way leaves no truncated file.
import Foundation
import Testing
@testable import NumpyFormat

@Suite struct NumpyRowWriterAtomicTests {
    @Test func anUnfinishedStreamLeavesNoFileAndAFinishedOneReplacesTheOld() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pa-npy-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("rows.npy")
        do {
            let writer = try NumpyRowWriter(url: url, columns: 2)
            try writer.append([1, 2])
            // A row of the wrong width: the caller gives up here (as it would on a full disk).
            #expect(throws: NumpyArrayError.self) { try writer.append([1]) }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)

        try NumpyArray(shape: [1, 2], values: [9, 9]).write(to: url)
        let writer = try NumpyRowWriter(url: url, columns: 2)
        try writer.append([3, 4])
        // Until finished, readers still see the old file whole.
        #expect(try NumpyArray.read(contentsOf: url).values == [9, 9])
        try writer.append([5, 6])
        try writer.finish()
        #expect(try NumpyArray.read(contentsOf: url).values == [3, 4, 5, 6])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["rows.npy"])
    }
}
