// The report page's scripts and style are found however the binary is installed: beside it (SwiftPM's
// bundle), in ../share/presetatlas/page, or in the source tree it was built from; a copied binary writes
// a whole report.
import Foundation
import Testing
@testable import Atlas

@Suite struct PageAssetsTests {
    @Test func candidatesGoFromTheBinaryToTheSourceTree() {
        let places = PageAssets.candidates(executable: URL(fileURLWithPath: "/opt/pa/bin/presetatlas"), environment: [:]).map(\.path)
        #expect(places == ["/opt/pa/bin/PresetAtlas_Atlas.resources/Resources", "/opt/pa/share/presetatlas/page",
                           PageAssets.sourceFolder.path])
        #expect(PageAssets.candidates(executable: nil, environment: ["PRESETATLAS_PAGE": "/srv/page"]).map(\.path) == ["/srv/page"])
    }

    @Test func aFolderMissingOneAssetIsPassedOverAndNoneFoundIsOneLine() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("page-assets-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let half = dir.appendingPathComponent("half"), whole = dir.appendingPathComponent("whole")
        for folder in [half, whole] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        try Data("half".utf8).write(to: half.appendingPathComponent("a.js"))
        try Data("whole a".utf8).write(to: whole.appendingPathComponent("a.js"))
        try Data("whole b".utf8).write(to: whole.appendingPathComponent("b.css"))
        let read = try PageAssets.read("a.js", names: ["a.js", "b.css"], candidates: [half, whole])
        #expect(String(decoding: read, as: UTF8.self) == "whole a")
        do {
            _ = try PageAssets.read("a.js", names: ["a.js", "b.css"], candidates: [half])
            Issue.record("a folder without b.css was accepted")
        } catch {
            let line = "\(error)"
            #expect(line.contains(half.path) && line.contains("PRESETATLAS_PAGE") && !line.contains("\n"))
        }
    }

    /// The binary copied into a folder of its own (no resource bundle beside it) writes the page from the
    /// source tree; with an installed share/presetatlas/page beside its bin/, from there.
    @Test func aCopiedBinaryWritesTheWholePage() throws {
        let built = try CommandLineBinary.presetatlas()
        let root = try CommandLineBinary.packageRoot()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("copied-binary-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let bin = dir.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let binary = bin.appendingPathComponent("presetatlas")
        try FileManager.default.copyItem(at: built, to: binary)
        let arguments = [root.appendingPathComponent("Presets/dx7").path, "--random", "6", "--sweep-steps", "0"]
        let environment = ["PRESETATLAS_PAGE": ""]

        try CommandLineBinary.run(binary, ["atlas"] + arguments + ["--out", dir.appendingPathComponent("plain").path], in: dir,
                                  environment: environment)
        for name in ReportWriter.resourceFiles {
            let written = try Data(contentsOf: dir.appendingPathComponent("plain/\(name)"))
            #expect(written == (try Data(contentsOf: PageAssets.sourceFolder.appendingPathComponent(name))), "\(name)")
        }

        // Installed layout: bin/presetatlas and share/presetatlas/page/ with its own (marked) copies.
        let share = dir.appendingPathComponent("share/presetatlas/page")
        try FileManager.default.createDirectory(at: share, withIntermediateDirectories: true)
        for name in ReportWriter.resourceFiles {
            try Data("/* installed */\n".utf8).write(to: share.appendingPathComponent(name))
        }
        try CommandLineBinary.run(binary, ["atlas"] + arguments + ["--out", dir.appendingPathComponent("installed").path], in: dir,
                                  environment: environment)
        for name in ReportWriter.resourceFiles {
            #expect(try String(contentsOf: dir.appendingPathComponent("installed/\(name)"), encoding: .utf8) == "/* installed */\n")
        }
    }
}
