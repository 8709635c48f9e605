// `presetatlas merge`: joins shard stores into one atlas, then analyses it and writes the report.
import ArgumentParser
import Atlas
import Formats
import Foundation

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Join the stores of `presetatlas atlas --shard K/N` runs and write the report.",
        discussion: """
        Example:
          presetatlas merge Reports/shard-1 Reports/shard-2 Reports/shard-3 --out Reports/big
        Each argument is a shard's report folder (or its atlas.sqlite). Shards must share every setting
        (sources, --random, --sampler, --sweep-steps, --seed). Merging again is harmless.
        """)

    @Argument(help: "Shard report folders or atlas.sqlite files.")
    var shards: [String]

    @Option(help: "Report folder of the merged atlas.")
    var out: String

    func run() throws {
        let outURL = URL(fileURLWithPath: out)
        let urls = shards.map { path -> URL in
            let url = URL(fileURLWithPath: path)
            return url.pathExtension == "sqlite" ? url : url.appendingPathComponent(AtlasStore.fileName)
        }
        // A shard that is not there, or not a regular file (a FIFO would block SQLite's open), is named
        // before anything is created under --out.
        for (path, url) in zip(shards, urls) {
            if let problem = InputFile.problem(at: url) {
                throw commandFailure("\(TerminalText.safe(path)): no atlas store (\(url.lastPathComponent)): \(problem)")
            }
        }
        do {
            let lock = try AtlasLock(directory: outURL)
            defer { withExtendedLifetime(lock) {} }
            let store = try AtlasStore(reportDirectory: outURL)
            try store.merge(shards: urls)
            let seed = UInt64(try store.settings()["seed"] ?? "1") ?? 1
            let (outcome, _) = try AtlasRun.analyseAndReport(store: store, out: outURL, components: try BuiltInComponents.make(),
                                                            seed: seed)
            if case .waiting(let pending) = outcome {
                throw commandFailure("merged \(urls.count) shards; \(pending) patches are in no shard store yet (a shard missing or unfinished?)")
            }
            print("report: \(outURL.appendingPathComponent("index.html").path)")
        } catch let error as ExitCode {
            throw error
        } catch {
            throw commandFailure("\(error)")
        }
    }
}
