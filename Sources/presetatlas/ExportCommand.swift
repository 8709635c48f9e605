// `presetatlas export`: an atlas's embeddings, map and metadata as .npy or CSV for Python users.
import ArgumentParser
import Atlas
import Foundation

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write an atlas's embeddings, map coordinates and point metadata as .npy or CSV.",
        discussion: """
        Example:
          presetatlas export Reports/factory --format npy --out exports/factory
        npy: embeddings.npy (float32, points x dimensions), map.npy (points x 2) and points.csv (metadata, same
        row order). csv: one points.csv with metadata, x, y and the embedding columns e0... In Python:
          import numpy as np, csv; E = np.load("exports/factory/embeddings.npy")
        """)

    @Argument(help: "The atlas's report folder (holding atlas.sqlite).")
    var atlas: String

    @Option(help: "npy or csv.")
    var format: ExportFormat = .npy

    @Option(help: "Folder to write into (default: the atlas folder's export/).")
    var out: String?

    func validate() throws {
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
            for url in try AtlasExport.export(store: store, format: format, to: target) {
                print(url.path)
            }
        } catch {
            throw commandFailure("\(error)")
        }
    }
}
