// Expands the files and folders a user names into a sorted list of files (recursively, hidden
// entries skipped), so every batch command sees the same inputs in the same order. What cannot be
// read is reported, one line each, never dropped in silence.
import Foundation
import Formats
#if canImport(Glibc)
import Glibc
#endif

public enum SourceDiscovery {
    /// The inputs found under the paths a user named.
    public struct Found: Sendable {
        /// Regular files (or links to them), sorted by path.
        public var files: [URL] = []
        /// Named paths that do not exist.
        public var missing: [String] = []
        /// One per entry that was found but cannot be read: names that are not UTF-8, broken links,
        /// folders that cannot be listed, FIFOs and devices.
        public var problems: [Problem] = []
    }

    /// An entry that cannot be read, and why (printed as `path: problem`).
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public var path: String
        public var problem: String
        public var description: String { "\(path): \(problem)" }
    }

    /// Every regular file under `paths` (a path that is a file is kept as is), sorted by path,
    /// keeping only files whose lowercased extension is in `extensions` (all files when empty).
    /// Links to files are followed; links to folders too, each folder walked once (so a link loop ends).
    public static func files(in paths: [String], extensions: Set<String> = []) -> Found {
        var found = Found()
        var walked = Set<FolderIdentity>()
        var files: [URL] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { found.missing.append(path); continue }
            if !isDirectory.boolValue {
                // A named FIFO, device or /dev/stdin would block whoever reads it: refused here, at once.
                if let problem = InputFile.problem(at: URL(fileURLWithPath: path)) {
                    found.problems.append(Problem(path: path, problem: problem))
                } else {
                    files.append(URL(fileURLWithPath: path))
                }
                continue
            }
            walk(path, extensions: extensions, walked: &walked, files: &files, problems: &found.problems)
        }
        let unique = Dictionary(files.map { ($0.standardizedFileURL.path, $0) }, uniquingKeysWith: { a, _ in a })
        found.files = unique.keys.sorted().map { unique[$0]! }
        return found
    }

    /// A folder by device and inode: the same folder reached through a link is walked once.
    struct FolderIdentity: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    /// Lists `folder` with readdir, which gives names as bytes: Foundation's enumerator drops entries whose
    /// names are not UTF-8 and does not follow links, both without a word.
    static func walk(_ folder: String, extensions: Set<String>, walked: inout Set<FolderIdentity>,
                     files: inout [URL], problems: inout [Problem]) {
        var info = stat()
        guard stat(folder, &info) == 0,
              walked.insert(FolderIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))).inserted else { return }
        guard let handle = opendir(folder) else {
            problems.append(Problem(path: folder, problem: "folder cannot be listed (\(String(cString: strerror(errno))))"))
            return
        }
        var names: [[UInt8]] = []
        while let entry = readdir(handle) {
            names.append(withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix(while: { $0 != 0 })) })
        }
        closedir(handle)
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        for bytes in names.sorted(by: { $0.lexicographicallyPrecedes($1) }) where bytes.first != UInt8(ascii: ".") {
            guard let name = String(validating: bytes, as: UTF8.self) else {
                let shown = prefix + printable(bytes)
                if extensions.isEmpty || extensions.contains(URL(fileURLWithPath: shown).pathExtension.lowercased()) {
                    problems.append(Problem(path: shown, problem: "file name is not valid UTF-8; rename it to read it"))
                }
                continue
            }
            let path = prefix + name
            let wanted = extensions.isEmpty || extensions.contains(URL(fileURLWithPath: path).pathExtension.lowercased())
            var own = stat()
            guard lstat(path, &own) == 0 else { continue }  // removed while we listed
            var target = own
            if own.st_mode & S_IFMT == S_IFLNK, stat(path, &target) != 0 {
                let reason = String(cString: strerror(errno))
                if wanted { problems.append(Problem(path: path, problem: "link to \(linkTarget(path)) cannot be followed (\(reason))")) }
                continue
            }
            switch target.st_mode & S_IFMT {
            case S_IFDIR: walk(path, extensions: extensions, walked: &walked, files: &files, problems: &problems)
            case S_IFREG: if wanted { files.append(URL(fileURLWithPath: path)) }
            default: if wanted { problems.append(Problem(path: path, problem: "not a regular file (a FIFO, socket or device); not read")) }
            }
        }
    }

    /// Where a link points, as written in the link.
    static func linkTarget(_ path: String) -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count >= 0 else { return "?" }
        return printable(buffer.prefix(count).map { UInt8(bitPattern: $0) })
    }

    /// Bytes of a file name as text that is safe on a terminal: printable ASCII as is, every other byte
    /// as `\xNN` (so neither invalid UTF-8 nor escape codes reach the user's screen raw).
    static func printable(_ bytes: [UInt8]) -> String {
        bytes.map { (0x20..<0x7F).contains($0) && $0 != UInt8(ascii: "\\") ? String(UnicodeScalar($0)) : String(format: "\\x%02X", $0) }
            .joined()
    }
}
