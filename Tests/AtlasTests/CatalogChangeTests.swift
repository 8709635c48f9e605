// The catalog knows a source by its path and content: a fixed or edited file is read again on the next
// run, an unchanged one is not; a file that cannot be read is one bad-input line and the rest goes on.
import Foundation
import GRDB
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import Atlas
import Formats
import Synthesis

@Suite struct CatalogChangeTests {
    static func run(_ bank: URL, out: URL, root: URL) throws -> AtlasRunResult {
        try AtlasRun.run(sourcePaths: [bank.path], out: out, settings: Fixtures.settings, shard: .whole,
                         components: Fixtures.components(), root: root)
    }

    static func write(pitchHz: Double, to url: URL) throws {
        let preset = NativePreset(patch: Patch(synthID: "toy", name: "Edited", values: ["pitchHz": pitchHz, "partials": 2]),
                                  author: "tests")
        try preset.write(to: url, schema: Fixtures.synth.schema)
    }

    @Test func aSourceFixedAfterTheFirstRunIsReadAgain() throws {
        let dir = try Fixtures.bank(count: 6, extra: [
            "fixed.xml": "<presetatlas-preset version=\"1\" synth=\"toy\" name=\"cut\"><parameter id=\"pitchHz\" val",
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let bank = dir.appendingPathComponent("bank"), out = dir.appendingPathComponent("report")
        let first = try Self.run(bank, out: out, root: dir)
        #expect(first.catalog.badInputs == 1)
        // Unchanged, the bad file is not read again and not reported as new.
        let same = try Self.run(bank, out: out, root: dir)
        #expect(same.catalog.newBadInputs.isEmpty && same.catalog.badInputs == 1 && same.rendered == 0)

        try Self.write(pitchHz: 440, to: bank.appendingPathComponent("fixed.xml"))
        let second = try Self.run(bank, out: out, root: dir)
        #expect(second.catalog.newSources == 1)
        #expect(second.catalog.badInputs == 0)
        #expect(second.rendered == 1)
        #expect(second.analysis == .analysed(points: 7 + 1 + 40 + 12))
    }

    @Test func aSourceEditedAfterTheFirstRunIsRenderedAgain() throws {
        let dir = try Fixtures.bank(count: 6)
        defer { try? FileManager.default.removeItem(at: dir) }
        let bank = dir.appendingPathComponent("bank"), out = dir.appendingPathComponent("report")
        let edited = bank.appendingPathComponent("p0.xml")
        try Self.write(pitchHz: 200, to: edited)
        _ = try Self.run(bank, out: out, root: dir)
        let store = try AtlasStore(reportDirectory: out)
        func zeroCrossingRate() throws -> Float {
            try store.read { db in
                let blob = try Data.fetchOne(db, sql: """
                    SELECT e.vector FROM embedding e JOIN patch p ON p.key = e.patchKey WHERE p.sourcePath = 'bank/p0.xml'
                    """)
                return EmbeddingBlob.decode(blob ?? Data())[1]
            }
        }
        let before = try zeroCrossingRate()

        // Two octaves up: the toy embedder's zero-crossing rate (dimension 1) about quadruples.
        try Self.write(pitchHz: 800, to: edited)
        let second = try Self.run(bank, out: out, root: dir)
        #expect(second.catalog.changedSources == 1)
        #expect(second.rendered == 1)
        #expect(second.analysis == .analysed(points: 6 + 1 + 40 + 12))
        let after = try zeroCrossingRate()
        #expect(after > 3 * before)
        let names = try store.read { db in try String.fetchAll(db, sql: "SELECT name FROM patch WHERE sourcePath = 'bank/p0.xml'") }
        #expect(names == ["Edited"])
    }

    @Test func entriesThatCannotBeReadAreBadInputsAndTheRestIsDone() throws {
        let dir = try Fixtures.bank(count: 6)
        defer { try? FileManager.default.removeItem(at: dir) }
        let bank = dir.appendingPathComponent("bank"), out = dir.appendingPathComponent("report")
        #expect(mkfifo(bank.appendingPathComponent("pipe.xml").path, 0o644) == 0)
        try FileManager.default.createSymbolicLink(atPath: bank.appendingPathComponent("gone.xml").path,
                                                   withDestinationPath: dir.appendingPathComponent("nowhere.xml").path)
        let result = try Self.run(bank, out: out, root: dir)
        #expect(result.catalog.badInputs == 2)
        #expect(result.catalog.newBadInputs.sorted() == [
            "bank/gone.xml: link to \(dir.path)/nowhere.xml cannot be followed (No such file or directory)",
            "bank/pipe.xml: not a regular file (a FIFO, socket or device); not read",
        ])
        #expect(result.analysis == .analysed(points: 6 + 1 + 40 + 12))
    }

    @Test(.enabled(if: getuid() != 0, "root reads every file, so a file without read permission cannot be made"))
    func aFileWithoutReadPermissionIsOneLine() throws {
        let dir = try Fixtures.bank(count: 6)
        defer { try? FileManager.default.removeItem(at: dir) }
        let bank = dir.appendingPathComponent("bank"), out = dir.appendingPathComponent("report")
        #expect(chmod(bank.appendingPathComponent("p1.xml").path, 0) == 0)
        let result = try Self.run(bank, out: out, root: dir)
        #expect(result.catalog.newBadInputs == ["bank/p1.xml: cannot be read (Permission denied)"])
        #expect(result.analysis == .analysed(points: 5 + 1 + 40 + 12))
    }

    @Test func readingAFolderAsAFileIsOneLine() throws {
        let dir = FileManager.default.temporaryDirectory
        #expect(throws: SourceFile.Unreadable.self) { _ = try SourceFile.head(dir) }
        do { _ = try SourceFile.contentHash(dir) } catch { #expect("\(error)" == "cannot be read (Is a directory)") }
    }
}
