// Renders many preset files into a folder, in parallel, with an optional progress line and one error line
// per bad file; a bad file never stops the batch.
import Features
import Foundation
import Synthesis

public enum BatchRender {
    public struct Report: Sendable {
        public var rendered: Int
        public var failed: Int
        /// Wall-clock seconds of the whole batch.
        public var seconds: Double
    }

    /// Shared counters of a batch, behind a lock.
    private final class Progress: @unchecked Sendable {
        let lock = NSLock()
        let total: Int
        let showProgress: Bool
        var next = 0, rendered = 0, failed = 0, done = 0
        init(total: Int, showProgress: Bool) { self.total = total; self.showProgress = showProgress }

        func take() -> Int? {
            lock.lock(); defer { lock.unlock() }
            guard next < total else { return nil }
            next += 1
            return next - 1
        }

        func finish(ok: Bool, message: String?) {
            lock.lock(); defer { lock.unlock() }
            done += 1
            if ok { rendered += 1 } else { failed += 1 }
            var line = ""
            if let message { line += (showProgress ? "\r\u{1B}[K" : "") + "error: \(message)\n" }
            if showProgress { line += "\r\u{1B}[K[\(done)/\(total)] rendering" + (done == total ? "\n" : "") }
            if !line.isEmpty { FileHandle.standardError.write(Data(line.utf8)) }
        }
    }

    /// Renders `files` (first patch of each) and writes `<name>.<format>` into `outputDirectory` (nil: render
    /// only). Errors go to stderr, one line per file.
    public static func run(files: [URL], settings: RenderSettings, rendering: PresetRendering, jobs: Int,
                           outputDirectory: URL?, format: String, showProgress: Bool) -> Report {
        let progress = Progress(total: files.count, showProgress: showProgress)
        let start = Date()
        let workers = max(1, min(jobs, files.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let index = progress.take() {
                let url = files[index]
                do {
                    let clip = try rendering.render(url, settings: settings)
                    if let outputDirectory {
                        let name = url.deletingPathExtension().lastPathComponent + "." + format
                        try AudioFile.write(clip, to: outputDirectory.appendingPathComponent(name))
                    }
                    progress.finish(ok: true, message: nil)
                } catch {
                    progress.finish(ok: false, message: "\(error)")
                }
            }
        }
        return Report(rendered: progress.rendered, failed: progress.failed, seconds: Date().timeIntervalSince(start))
    }
}
