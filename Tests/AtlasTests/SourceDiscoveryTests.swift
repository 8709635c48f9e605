// Input expansion: folders walked recursively, hidden files skipped, filtered and sorted, missing paths reported.
import Foundation
import Testing
@testable import Atlas

@Suite struct SourceDiscoveryTests {
    @Test func walksFiltersAndSorts() throws {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("pa-src-\(UUID())")
        try fm.createDirectory(at: root.appendingPathComponent("sub"), withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: root) }
        for name in ["b.xpf", "sub/a.XPF", ".hidden.xpf", "notes.txt"] {
            try Data().write(to: root.appendingPathComponent(name))
        }
        let result = SourceDiscovery.files(in: [root.path, "/no/such/path"], extensions: ["xpf"])
        #expect(result.files.map(\.lastPathComponent) == ["b.xpf", "a.XPF"])
        #expect(result.missing == ["/no/such/path"])
    }
}
