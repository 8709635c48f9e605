// `presetatlas export`: an atlas's embeddings, map and metadata as .npy or CSV for Python users.
import ArgumentParser
import Atlas
import Foundation

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write an atlas's embedding (standardised and raw), map, point identities and parameter values as .npy or CSV.",
        discussion: """
        Example:
          presetatlas export Reports/factory --format npy --out exports/factory
        Every file has the same rows in the same order (the points the metrics are computed on).
        npy: embedding-standardised.npy (what coverage and the other metrics use), embedding.npy (raw
        descriptors), dimensions.txt (their column names), map.npy (x, y) and points.csv (key, synth, bank,
        origin, name, author, source, sweep_parameter, rms, audible, x, y).
        csv: points.csv with the raw embedding under its column names, and embedding-standardised.csv.
        Both: parameters-SYNTH.csv, every parameter value of that synth's points. In Python:
          import numpy as np; Z = np.load("exports/factory/embedding-standardised.npy")
        """)

    @Argument(help: "The atlas's report folder (holding atlas.sqlite).")
    var atlas: String

    @Option(help: "npy or csv.")
    var format: ExportFormat = .npy

    @Option(help: "Folder to write into (default: the atlas folder's export/).")
    var out: String?

    /// Each built-in synth's parameter ids in its schema's order (a synth whose schema cannot be read
    /// gets its ids sorted).
    func schemaOrders() -> [String: [String]] {
        let rendering = PresetRendering()
        return Dictionary(uniqueKeysWithValues: SynthRegistry.builtIn.compactMap { synth in
            (try? rendering.schema(synth.id)).map { (synth.id, $0.parameters.map(\.id)) }
        })
    }

    func run() throws {
        let folder = URL(fileURLWithPath: atlas)
        let storeURL = folder.pathExtension == "sqlite" ? folder : folder.appendingPathComponent(AtlasStore.fileName)
        guard FileManager.default.fileExists(atPath: storeURL.path) else {
            throw commandFailure("\(storeURL.path): no atlas store here")
        }
        do {
            let store = try AtlasStore(url: storeURL)
            let target = out.map { URL(fileURLWithPath: $0) } ?? storeURL.deletingLastPathComponent().appendingPathComponent("export")
            for url in try AtlasExport.export(store: store, format: format, to: target, parameterOrder: schemaOrders()) {
                print(url.path)
            }
        } catch {
            throw commandFailure("\(error)")
        }
    }
}
