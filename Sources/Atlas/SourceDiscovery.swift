// Expands the files and folders a user names into a sorted list of files (recursively, hidden
// entries skipped), so every batch command sees the same inputs in the same order.
import Foundation

public enum SourceDiscovery {
    /// Every regular file under `paths` (a path that is a file is kept as is), sorted by path,
    /// keeping only files whose lowercased extension is in `extensions` (all files when empty).
    /// Paths that do not exist are returned in `missing`.
    public static func files(in paths: [String], extensions: Set<String> = []) -> (files: [URL], missing: [String]) {
        let fm = FileManager.default
        var found: [URL] = []
        var missing: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else { missing.append(path); continue }
            let url = URL(fileURLWithPath: path)
            if !isDirectory.boolValue { found.append(url); continue }
            let walker = fm.enumerator(at: url, includingPropertiesForKeys: [.isRegularFileKey],
                                       options: [.skipsHiddenFiles])
            while let item = walker?.nextObject() as? URL {
                guard (try? item.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
                if extensions.isEmpty || extensions.contains(item.pathExtension.lowercased()) { found.append(item) }
            }
        }
        let unique = Dictionary(found.map { ($0.standardizedFileURL.path, $0) }, uniquingKeysWith: { a, _ in a })
        return (unique.keys.sorted().map { unique[$0]! }, missing)
    }
}
