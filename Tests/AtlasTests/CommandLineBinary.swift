// Runs the built `presetatlas` executable, as a user or a scheduler would, for tests of whole commands.
import Foundation
import Testing

enum CommandLineBinary {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The `presetatlas` built beside this test binary (`swift build` and `swift test` both build it).
    static func presetatlas() throws -> URL {
        let folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        let candidates = [folder, folder.deletingLastPathComponent()].map { $0.appendingPathComponent("presetatlas") }
        guard let binary = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw Failure(description: "no presetatlas executable beside the test binary in \(folder.path); run `swift build` first")
        }
        return binary
    }

    /// The package's root folder (holds Package.swift), from this source file's location.
    static func packageRoot(file: String = #filePath) throws -> URL {
        var folder = URL(fileURLWithPath: file).deletingLastPathComponent()
        while folder.path != "/" {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) { return folder }
            folder.deleteLastPathComponent()
        }
        throw Failure(description: "no Package.swift above \(file)")
    }

    /// Runs the binary to its end; throws with its output unless it exits 0. Returns stdout.
    @discardableResult
    static func run(_ binary: URL, _ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> String {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        // A clean environment plus the given variables, so a scheduler's variables in the test's own
        // environment cannot leak into the child.
        var childEnvironment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("SLURM_") && !$0.key.hasPrefix("JOB_") }
        childEnvironment.merge(environment) { _, new in new }
        process.environment = childEnvironment
        // stderr goes to a file, so a chatty child cannot block on a full pipe while stdout is read.
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("presetatlas-stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errorFile) }
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = try FileHandle(forWritingTo: errorFile)
        try process.run()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: output, as: UTF8.self)
        let errors = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
        guard process.terminationStatus == 0 else {
            throw Failure(description: "presetatlas \(arguments.joined(separator: " ")) exited \(process.terminationStatus):\n\(text)\n\(errors)")
        }
        return text
    }
}
