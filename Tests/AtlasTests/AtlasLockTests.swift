// Two runs on one report folder: the second refuses at once with one line; after the first ends, a
// run goes ahead (the kernel drops the lock with its holder).
import Foundation
import Testing
@testable import Atlas

@Suite struct AtlasLockTests {
    @Test func aSecondRunOnTheSameFolderRefusesAtOnce() throws {
        let dir = try Fixtures.bank(count: 4)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("report")
        var first: AtlasLock? = try AtlasLock(directory: out)
        let start = Date()
        do {
            _ = try AtlasRun.run(sourcePaths: [dir.appendingPathComponent("bank").path], out: out, settings: Fixtures.settings,
                                 shard: .whole, components: Fixtures.components(), root: dir)
            Issue.record("a second run went ahead")
        } catch {
            #expect("\(error)" == "\(out.path): another presetatlas run is writing to this folder; wait for it to end or choose another --out")
        }
        #expect(Date().timeIntervalSince(start) < 5)
        // The refused run wrote nothing: no store was created.
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent(AtlasStore.fileName).path))
        #expect(first != nil)
        first = nil
        let result = try AtlasRun.run(sourcePaths: [dir.appendingPathComponent("bank").path], out: out, settings: Fixtures.settings,
                                      shard: .whole, components: Fixtures.components(), root: dir)
        #expect(result.analysis == .analysed(points: 4 + 1 + 40 + 12))
    }
}
