// Sources deleted or moved out of the folders an atlas reads: their rows leave the store, so the map,
// the report and the exit status describe the folders as they are now.
import Foundation
import GRDB

extension CatalogStage {
    /// Forgets every source and bad input that lies inside one of the folders in `sourcePaths` but was
    /// not found there in this run. Rows outside those folders (another run's sources) stay.
    /// - Returns: how many were forgotten.
    static func forgetVanished(_ store: AtlasStore, sourcePaths: [String], found: SourceDiscovery.Found,
                               root: URL) throws -> Int {
        let folders = sourcePaths.filter { path in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
        }.map { URL(fileURLWithPath: $0).standardizedFileURL.resolvingSymlinksInPath().path }
        guard !folders.isEmpty else { return 0 }
        let seen = Set(found.files.map { displayPath($0, root: root) }
            + found.problems.map { displayPath(URL(fileURLWithPath: $0.path), root: root) })
        let base = root.standardizedFileURL.resolvingSymlinksInPath().path
        let stored = try store.read { db in try String.fetchAll(db, sql: "SELECT path FROM source UNION SELECT path FROM badInput") }
        var forgotten = 0
        for path in stored where !seen.contains(path) {
            // Stored paths are relative to the root when inside it.
            let absolute = path.hasPrefix("/") ? path : (base.hasSuffix("/") ? base : base + "/") + path
            guard folders.contains(where: { absolute.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }) else { continue }
            try forget(store, path: path)
            forgotten += 1
        }
        return forgotten
    }
}
