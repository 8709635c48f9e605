// Input expansion: folders walked recursively, hidden files skipped, filtered and sorted, missing paths reported.
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
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

/// Entries Foundation's walker dropped without a word: names that are not UTF-8, links, FIFOs.
@Suite struct SourceDiscoveryProblemTests {
    static func folder() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("pa-src-\(UUID())")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("real"), withIntermediateDirectories: true)
        return root
    }

    @Test func aNameThatIsNotUTF8GetsOneLineNamingItSafely() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        // "Caf\xE9.xpf": Latin-1, as an old archive unpacks it; and an escape code in another name.
        var bytes = Array(root.path.utf8) + Array("/Caf".utf8) + [0xE9] + Array(".xpf".utf8)
        bytes.append(0)
        let fd = bytes.withUnsafeBufferPointer { open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_CREAT | O_WRONLY, 0o644) }
        #expect(fd >= 0)
        close(fd)
        try Data().write(to: root.appendingPathComponent("fine.xpf"))
        let found = SourceDiscovery.files(in: [root.path], extensions: ["xpf"])
        #expect(found.files.map(\.lastPathComponent) == ["fine.xpf"])
        #expect(found.problems.map(\.description) == ["\(root.path)/Caf\\xE9.xpf: file name is not valid UTF-8; rename it to read it"])
    }

    @Test func linksAreFollowedOnceAndBrokenOnesReported() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let fm = FileManager.default
        let bank = root.appendingPathComponent("real/bank")
        try fm.createDirectory(at: bank, withIntermediateDirectories: true)
        try Data().write(to: bank.appendingPathComponent("a.xpf"))
        try fm.createDirectory(at: root.appendingPathComponent("presets"), withIntermediateDirectories: true)
        // A linked preset, a linked folder, a link back up (a loop) and a link to nothing.
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("presets/linked.xpf").path,
                                  withDestinationPath: bank.appendingPathComponent("a.xpf").path)
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("presets/more").path, withDestinationPath: bank.path)
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("presets/loop").path, withDestinationPath: root.path)
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("presets/gone.xpf").path, withDestinationPath: "/no/such.xpf")
        let found = SourceDiscovery.files(in: [root.appendingPathComponent("presets").path], extensions: ["xpf"])
        // The loop reaches real/bank once; the link "more" reaches the same folder again and adds nothing.
        #expect(found.files.map { String($0.path.dropFirst(root.path.count)) }
            == ["/presets/linked.xpf", "/presets/loop/real/bank/a.xpf"])
        #expect(found.problems.map(\.description) == ["\(root.path)/presets/gone.xpf: link to /no/such.xpf cannot be followed (No such file or directory)"])
    }

    @Test func aFIFOIsReportedNotOpened() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(mkfifo(root.appendingPathComponent("pipe.xpf").path, 0o644) == 0)
        let found = SourceDiscovery.files(in: [root.path], extensions: ["xpf"])
        #expect(found.files.isEmpty)
        #expect(found.problems.map(\.description) == ["\(root.path)/pipe.xpf: not a regular file (a FIFO, socket or device); not read"])
    }
}
