// The catalog stage's work on one source file, as named steps: pick a reader, skip it when its content is
// unchanged since the last read (forgetting what it gave when it changed), read its patches, store them.
// Every failure becomes a `badInput` row naming the file, never an error for the run.
import Foundation
import GRDB
import Synthesis

extension CatalogStage {
    /// What each path held when it was last read, and which of those paths were bad.
    struct PreviousReads {
        var contentHashes: [String: String]
        var badPaths: Set<String>

        init(_ store: AtlasStore) throws {
            contentHashes = try store.read { db in
                Dictionary(try Row.fetchAll(db, sql: "SELECT path, contentHash FROM source UNION ALL SELECT path, contentHash FROM badInput")
                    .map { ($0["path"] as String, $0["contentHash"] as String) }, uniquingKeysWith: { a, _ in a })
            }
            badPaths = try store.read { db in Set(try String.fetchAll(db, sql: "SELECT path FROM badInput")) }
        }
    }

    /// Adds source files to the store, one transaction per file.
    struct SourceCatalog {
        let store: AtlasStore
        let components: AtlasComponents
        let root: URL
        let previous: PreviousReads
        /// Files named on the command line (standardised paths): an error when no reader takes them.
        let namedFiles: Set<String>

        func add(_ file: URL, summary: inout CatalogSummary) throws {
            let path = displayPath(file, root: root)
            guard let reader = try reader(for: file, path: path, summary: &summary),
                  let contentHash = try changedContentHash(of: file, path: path, summary: &summary),
                  let patches = try patches(of: file, path: path, reader: reader, contentHash: contentHash, summary: &summary)
            else { return }
            try save(patches, path: path, formatName: reader.formatName, contentHash: contentHash)
            summary.newSources += 1
        }

        /// The first reader that takes the file; nil (recorded as bad when it matters) when none does.
        private func reader(for file: URL, path: String, summary: inout CatalogSummary) throws -> (any PresetReader)? {
            let head: Data
            do { head = try SourceFile.head(file) } catch {
                try forget(store, path: path)
                try recordBad(store, path: path, problem: "\(error)", summary: &summary)
                return nil
            }
            if let reader = components.readers.first(where: { $0.canRead(file, head: head) }) { return reader }
            // A folder holds other files too (READMEs, samples): only a file named on the command
            // line, or one that was a preset when last read, is an error when no reader takes it.
            if namedFiles.contains(file.standardizedFileURL.path) || previous.contentHashes[path] != nil {
                try forget(store, path: path)
                try recordBad(store, path: path, problem: "not a preset format presetatlas reads", summary: &summary)
            }
            return nil
        }

        /// The file's content hash when it must be read (new or changed; what a changed file gave is
        /// forgotten first); nil when it is unchanged since the last read, or cannot be hashed.
        private func changedContentHash(of file: URL, path: String, summary: inout CatalogSummary) throws -> String? {
            let contentHash: String
            do { contentHash = try SourceFile.contentHash(file) } catch {
                try forget(store, path: path)
                try recordBad(store, path: path, problem: "\(error)", summary: &summary)
                return nil
            }
            guard let last = previous.contentHashes[path] else { return contentHash }
            if last == contentHash {
                if previous.badPaths.contains(path) { summary.badPaths.insert(path) }
                return nil
            }
            try forget(store, path: path)
            summary.changedSources += 1
            return contentHash
        }

        /// The file's patches, or nil when it fails to read, holds none, or needs a synth that is not built in.
        private func patches(of file: URL, path: String, reader: any PresetReader, contentHash: String,
                             summary: inout CatalogSummary) throws -> [Patch]? {
            let problem: String
            do {
                let patches = try reader.read(file)
                let unknown = Set(patches.map(\.synthID)).subtracting(components.models.keys)
                if patches.isEmpty {
                    problem = "holds no presets"
                } else if !unknown.isEmpty {
                    problem = "synth \(unknown.sorted().joined(separator: ", ")) is not built in"
                } else {
                    return patches
                }
            } catch {
                problem = oneLine("\(error)", dropping: file.path)
            }
            try recordBad(store, path: path, problem: problem, contentHash: contentHash, summary: &summary)
            return nil
        }

        /// The patches and the source row, in one transaction.
        private func save(_ patches: [Patch], path: String, formatName: String, contentHash: String) throws {
            try store.write { db in
                for (index, patch) in patches.enumerated() {
                    guard let model = components.models[patch.synthID] else { continue }
                    try insert(db, key: PatchKey.preset(synth: patch.synthID, sourcePath: path, index: index),
                               patch: patch, schema: model.schema, origin: .preset, collection: formatName,
                               author: patch.attributes[authorAttribute] ?? "", sourcePath: path, sourceIndex: index,
                               keepsPreview: true)
                }
                try db.execute(sql: "INSERT INTO source(path, format, synth, patchCount, contentHash) VALUES (?, ?, ?, ?, ?)",
                               arguments: [path, formatName, Set(patches.map(\.synthID)).sorted().joined(separator: ","),
                                           patches.count, contentHash])
            }
        }
    }
}
