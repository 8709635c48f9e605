// `atlas --embedding FILE.npy --ids FILE.csv`: embeddings computed elsewhere (CLAP, a model of one's own)
// take the place of the built-in embedder, so the map and every metric run on them. Patches are still
// rendered: their levels decide audibility, and their previews are what the report plays.
import Features
import Foundation
import Synthesis

public struct ImportedEmbedder: Embedder {
    /// Names the file and a hash of its bytes and its ids: the store is bound to exactly this import, and
    /// resuming with another file (or without one) is refused like any other changed setting.
    public let identifier: String
    public let dimension: Int
    let idsFile: String
    let vectors: [String: [Float]]

    /// Reads the vectors and ids (ExternalEmbeddings checks shape, finiteness and unique ids).
    public init(npy: URL, ids: URL) throws {
        let loaded = try ExternalEmbeddings.load(npy: npy, ids: ids)
        let columns = loaded.matrix.columns
        var vectors: [String: [Float]] = [:]
        for (row, id) in loaded.ids.enumerated() {
            vectors[id] = Array(loaded.matrix.values[(row * columns)..<((row + 1) * columns)])
        }
        self.vectors = vectors
        dimension = columns
        idsFile = ids.lastPathComponent
        let bytes = (try? Data(contentsOf: npy)) ?? Data()
        let hash = String(Self.fnv1a(bytes, seed: stableHash64(loaded.ids.joined(separator: "\n"))), radix: 16)
        identifier = "imported \(npy.lastPathComponent) \(columns)d \(hash)"
    }

    public func embed(_ audio: AudioBuffer, settings: RenderSettings) throws -> [Float] {
        throw ImportedEmbeddingError(lines: ["imported embeddings are looked up by patch, not computed from audio"])
    }

    public func embed(_ audio: AudioBuffer, settings: RenderSettings, patchKey: String) throws -> [Float] {
        guard let vector = vectors[patchKey] else {
            throw ImportedEmbeddingError(lines: ["\(idsFile): no row for patch \(patchKey)"])
        }
        return vector
    }

    /// One line per id that is no patch of the atlas and per patch without an id, at most `limit` of
    /// each kind and then a count; empty when the ids and the catalog's patch keys are the same set.
    public func mismatches(catalogKeys: [String], limit: Int = 20) -> [String] {
        let catalog = Set(catalogKeys)
        let unknown = vectors.keys.filter { !catalog.contains($0) }.sorted()
        let missing = catalogKeys.filter { vectors[$0] == nil }.sorted()
        func lines(_ keys: [String], _ say: (String) -> String, _ more: String) -> [String] {
            keys.prefix(limit).map(say) + (keys.count > limit ? ["\(idsFile): \(keys.count - limit) more \(more)"] : [])
        }
        return lines(unknown, { "\(idsFile): id \($0) is not a patch of this atlas" }, "ids that are not patches of this atlas")
            + lines(missing, { "\(idsFile): no row for patch \($0)" }, "patches without a row")
    }

    /// FNV-1a over bytes, continuing from `seed`.
    static func fnv1a(_ data: Data, seed: UInt64) -> UInt64 {
        var hash = seed
        for byte in data {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}

/// Ids that do not match the catalog, one line each (the command prints them and exits with status 1).
public struct ImportedEmbeddingError: Error, CustomStringConvertible {
    public var lines: [String]
    public var description: String { lines.joined(separator: "\n") }
}
