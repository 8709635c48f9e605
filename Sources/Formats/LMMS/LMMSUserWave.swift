// Where a preset's user wave may come from. A preset is untrusted input that may name any path
// ("/home/me/private.wav"): its audio would then be rendered into a report meant to be shared, and an
// answer of "not found" against "unreadable" would tell whether a file exists. So only the preset's own
// folder and LMMS's sample folders are looked in, every other path gets the same "not found", and the
// path kept in the patch is relative to the working folder when inside it (so shards run from another
// checkout of the same layout resolve it too).
import Foundation
#if canImport(Glibc)
import Glibc
#endif

public enum LMMSUserWave {
    /// User waves are single cycles or short samples; a larger file is refused before it is read.
    public static let maximumBytes = 16 << 20

    /// Why a user wave inside the allowed folders cannot be used (never said of a path outside them).
    public struct Refused: Error, CustomStringConvertible {
        public var problem: String
        public var description: String { problem }
    }

    /// LMMS's sample folders on this machine: Debian's package and the factory data next to `Synths/`.
    static func systemSampleFolders() -> [URL] {
        var folders = [URL(fileURLWithPath: "/usr/share/lmms/samples")]
        if let synths = try? PackageData.synthsFolder() {
            folders.append(synths.deletingLastPathComponent().appendingPathComponent(".cache/factory/usr/share/lmms/samples"))
        }
        return folders
    }

    /// The path to keep for user wave `file` of a preset in `directory`, looked up as LMMS does (absolute,
    /// else beside the preset, in LMMS's data folder and its samples/) but only inside the preset's folder
    /// and LMMS's sample folders; nil when not found there.
    /// - Throws: `Refused` for a file inside those folders that is not a regular file or is too large.
    public static func resolve(_ file: String, near directory: URL?) throws -> String? {
        var allowed = systemSampleFolders()
        var candidates: [URL] = []
        if let directory {
            // presets/<Instrument>/x.xpf sits two levels below LMMS's data folder, which holds samples/.
            let data = directory.deletingLastPathComponent().deletingLastPathComponent()
            allowed += [directory, data.appendingPathComponent("samples")]
            if !file.hasPrefix("/") {
                candidates += [directory.appendingPathComponent(file), data.appendingPathComponent("samples").appendingPathComponent(file),
                               data.appendingPathComponent(file)]
            }
        }
        candidates.append(file.hasPrefix("/") ? URL(fileURLWithPath: file)
                                              : URL(fileURLWithPath: "/usr/share/lmms/samples").appendingPathComponent(file))
        let roots = allowed.compactMap(realPath)
        for candidate in candidates {
            // The real path (links and ".." resolved) must lie inside an allowed folder; else it does not exist for us.
            guard let real = realPath(candidate), roots.contains(where: { real.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }) else {
                continue
            }
            var info = stat()
            guard stat(real, &info) == 0 else { continue }
            guard info.st_mode & S_IFMT == S_IFREG else { throw Refused(problem: "user wave file '\(file)' is not a regular file") }
            guard Int(info.st_size) <= maximumBytes else {
                throw Refused(problem: "user wave file '\(file)' is larger than \(maximumBytes >> 20) MiB")
            }
            return relativeToWorkingFolder(real)
        }
        return nil
    }

    /// `path` with links and ".." resolved, or nil when it does not exist.
    static func realPath(_ url: URL) -> String? {
        guard let resolved = realpath(url.path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// `path` relative to the current directory when inside it, else unchanged.
    static func relativeToWorkingFolder(_ path: String) -> String {
        guard let cwd = realPath(URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) else { return path }
        let prefix = cwd.hasSuffix("/") ? cwd : cwd + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
