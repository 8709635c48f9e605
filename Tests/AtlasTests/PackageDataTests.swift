// Synths/ and Presets/ are found from the binary (or the package it was built from), never from the
// current directory: the command works the same started from any folder.
import Foundation
import Formats
import Testing

@Suite struct PackageDataTests {
    @Test func foldersAreThePackagesOwn() throws {
        let root = try CommandLineBinary.packageRoot()
        #expect(try PackageData.synthsFolder().standardizedFileURL.path == root.appendingPathComponent("Synths").path)
        #expect(try PackageData.presetsFolder().standardizedFileURL.path == root.appendingPathComponent("Presets").path)
    }

    @Test func theCommandFindsItsSynthsFromAFolderFarAway() throws {
        let binary = try CommandLineBinary.presetatlas()
        let elsewhere = FileManager.default.temporaryDirectory.appendingPathComponent("package-data-\(UUID().uuidString)")
        // A decoy Synths/ in the working folder must not be read.
        try FileManager.default.createDirectory(at: elsewhere.appendingPathComponent("Synths"), withIntermediateDirectories: true)
        try Data("<synth id=\"decoy\"/>".utf8).write(to: elsewhere.appendingPathComponent("Synths/dx7.xml"))
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        let output = try CommandLineBinary.run(binary, ["info"], in: elsewhere,
                                               environment: ["PRESETATLAS_SYNTHS": "", "PRESETATLAS_PRESETS": ""])
        #expect(output.contains("dx7\t145 parameters"))
        #expect(output.contains("tripleoscillator\t"))
        #expect(!output.contains("decoy"))
    }
}
