// Ids of imported embeddings are atlas patch keys, which are file paths: a quoted CSV field keeps its
// commas and doubled quotes, as RFC 4180 writes them (Python's csv module does).
import Foundation
import NumpyFormat
import Testing
@testable import Features

@Suite struct ExternalEmbeddingIdsTests {
    @Test func quotedIdsKeepTheirCommasAndQuotes() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ids-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try NumpyArray(shape: [3, 1], values: [1, 2, 3]).write(to: dir.appendingPathComponent("e.npy"))
        let csv = "id,extra\n\"dx7|preset|banks/a,b.syx#3\",x\n plain , y\n\"say \"\"hi\"\".xpf#0\"\n"
        try csv.write(to: dir.appendingPathComponent("ids.csv"), atomically: true, encoding: .utf8)
        let loaded = try ExternalEmbeddings.load(npy: dir.appendingPathComponent("e.npy"), ids: dir.appendingPathComponent("ids.csv"))
        #expect(loaded.ids == ["dx7|preset|banks/a,b.syx#3", "plain", "say \"hi\".xpf#0"])
    }
}
