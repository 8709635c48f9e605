// `presetatlas bias` as a library call: nothing usable is one error listing each problem; a usable
// preset bank gives a report, with the bad files as lines in it.
import Foundation
import Formats
import Testing
@testable import Atlas

@Suite struct BiasRunTests {
    @Test func nothingUsableListsEveryProblem() {
        do {
            _ = try BiasRun.report(sources: ["/missing/song.mmp", "/missing/bank.syx"], atlas: nil, groupBy: .parent)
            Issue.record("a run over missing files gave a report")
        } catch let nothing as BiasRun.NothingUsable {
            #expect(nothing.problems.count == 2)
            #expect(nothing.problems.contains { $0.contains("/missing/song.mmp") })
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func aBankGivesAReportAndBadFilesBecomeLines() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bias-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(try DX7SysEx.bulkDump([DX7VoiceData()])).write(to: folder.appendingPathComponent("bank.syx"))
        try Data("not a song".utf8).write(to: folder.appendingPathComponent("broken.mid"))
        let (report, _) = try BiasRun.report(sources: [folder.path], atlas: nil, groupBy: .parent)
        #expect(report.parameters.map(\.synthID) == ["dx7"])
        #expect(report.problems.contains { $0.contains("broken.mid") })
    }
}
