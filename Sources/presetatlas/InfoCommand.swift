// `presetatlas info`: lists the built-in synth models and their parameter counts.
import ArgumentParser
import Formats
import Foundation

struct Info: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the built-in synth models found in Synths/.",
        discussion: "Example:\n  presetatlas info")

    func run() throws {
        let dir = try SynthDefinition.directory()
        let files = (try FileManager.default.contentsOfDirectory(atPath: dir.path)).filter { $0.hasSuffix(".xml") }.sorted()
        for file in files {
            do {
                let schema = try SynthDefinition.load(dir.appendingPathComponent(file))
                print("\(schema.id)\t\(schema.parameters.count) parameters\t\(schema.tool)")
            } catch {
                print("error: \(error)")
            }
        }
    }
}
