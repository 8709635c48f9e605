// One run per report folder: an exclusive flock on `atlas.lock` in the folder, held while a run or a
// merge writes there, so a second run refuses at once instead of dying later with "database is locked".
import Foundation
#if canImport(Glibc)
import Glibc
#endif

public final class AtlasLock {
    public static let fileName = "atlas.lock"
    private let descriptor: Int32

    /// Takes the lock of `directory` (creating the folder and the lock file if needed).
    /// - Throws: at once, without waiting, when another process holds it.
    public init(directory: URL) throws {
        let url = directory.appendingPathComponent(Self.fileName)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw AtlasStoreError("\(directory.path): cannot create the report folder")
        }
        descriptor = open(url.path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw AtlasStoreError("\(url.path): cannot open the lock file (\(String(cString: strerror(errno))))")
        }
        // The kernel drops the lock when the holder exits, however it ends: a killed run never leaves
        // a stale lock behind (unlike a lock that is a file's existence).
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let busy = errno == EWOULDBLOCK
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw AtlasStoreError(busy
                ? "\(directory.path): another presetatlas run is writing to this folder; wait for it to end or choose another --out"
                : "\(url.path): cannot lock (\(reason))")
        }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
