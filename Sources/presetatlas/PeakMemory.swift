// The process's peak resident memory so far, for the stage lines of long runs: a researcher sizing a
// machine for a million settings needs to know which stage sets the peak, not only the end figure.
import Foundation

enum PeakMemory {
    /// VmHWM from /proc/self/status in bytes; nil where there is no such file (not Linux) or no such line.
    static func bytesSoFar() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 3, fields[2] == "kB", let kilobytes = Int(fields[1]) else { return nil }
            return kilobytes * 1024
        }
        return nil
    }

    /// "264 MB" or "1.86 GB".
    static func text(_ bytes: Int) -> String {
        let megabytes = Double(bytes) / 1_000_000
        return megabytes >= 1000 ? String(format: "%.2f GB", megabytes / 1000) : String(format: "%.0f MB", megabytes)
    }
}
