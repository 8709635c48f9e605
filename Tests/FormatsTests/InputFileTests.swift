// Inputs that are not regular files (a FIFO nobody writes to, a folder, a device) are refused at once with
// one plain line; before, reading a FIFO blocked forever and errors came out as NSCocoaErrorDomain dumps.
import Foundation
import Synthesis
import Testing
@testable import Formats

@Suite struct InputFileTests {
    /// A named pipe with no writer: any reader that opens it blocking waits forever.
    private func withFIFO(_ name: String, _ body: (URL) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pa-fifo-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent(name)
        try #require(mkfifo(url.path, 0o600) == 0)
        try body(url)
    }

    @Test func fifoIsRefusedAtOnce() throws {
        try withFIFO("pipe.xpf") { url in
            #expect(throws: InputFileError.self) { try InputFile.read(url, maximumBytes: 1 << 20) }
            #expect(InputFile.problem(at: url) == "not a regular file (a named pipe)")
        }
    }

    @Test func everyReaderRefusesAFIFOWithOneLineNamingIt() throws {
        try withFIFO("pipe.xpf") { url in
            let schema = SynthSchema(id: "tripleoscillator", name: "", tool: "", parameters: [])
            let failures: [() throws -> Void] = [
                { _ = try LMMSPreset.read(url, schema: schema) },
                { _ = try DX7SysEx.read(url) },
                { _ = try TempoReader.read(url) },
                { _ = try NativePreset.read(url) },
                { _ = try ZynAddSubFXInstrument.read(url, schema: schema) },
            ]
            for failing in failures {
                do { try failing(); Issue.record("a FIFO was read") } catch {
                    let line = "\(error)"
                    #expect(line.contains("pipe.xpf"))
                    #expect(line.contains("not a regular file"))
                    #expect(!line.contains("\n"))
                }
            }
        }
    }

    @Test func deviceAndFolderAreRefused() {
        #expect(InputFile.problem(at: URL(fileURLWithPath: "/dev/null")) == "not a regular file (a character device)")
        #expect(InputFile.problem(at: FileManager.default.temporaryDirectory) == "not a regular file (a folder)")
    }

    @Test func missingFileIsPlainWordsNotAFoundationDump() {
        do { _ = try InputFile.read(URL(fileURLWithPath: "/nonexistent/x.xpf"), maximumBytes: 100); Issue.record("read") } catch {
            #expect("\(error)" == "no such file")
        }
        let schema = SynthSchema(id: "tripleoscillator", name: "", tool: "", parameters: [])
        do { _ = try LMMSPreset.read(URL(fileURLWithPath: "/nonexistent/x.xpf"), schema: schema) } catch {
            #expect("\(error)" == "x.xpf: no such file")
            #expect(!"\(error)".contains("NSCocoaErrorDomain"))
        }
    }

    @Test func fileOverTheCapIsRefusedBeforeReading() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pa-big-\(UUID()).syx")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(count: 2000).write(to: url)
        #expect(throws: InputFileError.self) { try InputFile.read(url, maximumBytes: 1000) }
        #expect(try InputFile.read(url, maximumBytes: 2000).count == 2000)
    }
}
