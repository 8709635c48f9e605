// The atlas command's stage lines, as a user reads them in a log: each stage's time and the process's
// peak memory so far, so a long run shows which stage sets the peak.
import Foundation
import Testing

@Suite struct AtlasStageLinesTests {
    @Test func everyStageReportsItsTimeAndThePeakMemorySoFar() throws {
        let binary = try CommandLineBinary.presetatlas()
        let root = try CommandLineBinary.packageRoot()
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("stage-lines-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try CommandLineBinary.execute(binary, ["atlas", root.appendingPathComponent("Presets/dx7").path, "--random", "4",
                                                            "--sweep-steps", "0", "--out", out.path], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        var peaks: [Double] = []
        for stage in ["catalog", "render", "analysis", "report"] {
            let line = result.stderr.split(separator: "\n").first { $0.hasPrefix("\(stage) took ") }
            let words = line.map { $0.split(separator: " ") } ?? []
            // "<stage> took 0.1 s, peak memory so far 46 MB"
            #expect(words.count == 10 && words[3] == "s," && words[4...6] == ["peak", "memory", "so"] && words[7] == "far", "\(line ?? "no line for \(stage)")")
            guard words.count == 10, let value = Double(words[8]) else { Issue.record("\(stage): \(line ?? "")"); continue }
            peaks.append(words[9] == "GB" ? value * 1000 : value)
        }
        // The peak only grows, and a process that loaded the engines and rendered holds more than 5 MB.
        #expect(peaks == peaks.sorted() && (peaks.first ?? 0) > 5, "\(peaks)")
    }
}
