// What every fuzz target shares: the synth schemas (read once from Synths/ in the package root, the
// folder `make fuzz` runs from) and a scratch file for readers that only take a path.
import Foundation
import Formats
import Synthesis

public enum FuzzSupport {
    /// A schema from Synths/, or the process stops at once: a fuzz run without it would test nothing.
    public static func schema(_ id: String) -> SynthSchema {
        let url = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Synths/\(id).xml")
        do { return try SynthDefinition.load(url) } catch {
            fatalError("fuzz target needs \(url.path) (run from the package root): \(error)")
        }
    }

    /// A per-process file in /dev/shm (or the temporary folder) holding `data`, for path-only readers.
    public static func scratchFile(_ data: Data, extension ext: String) -> URL {
        let folder = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        let url = URL(fileURLWithPath: folder).appendingPathComponent("presetatlas-fuzz-\(getpid()).\(ext)")
        FileManager.default.createFile(atPath: url.path, contents: data)
        return url
    }
}

/// The bytes libFuzzer hands a target, as Data.
@inline(__always) public func fuzzInput(_ start: UnsafePointer<UInt8>, _ count: Int) -> Data {
    Data(bytes: start, count: count)
}
