// Renders many preset files into a folder, in parallel, with an optional progress line and one error line
// per bad file; a bad file never stops the batch.
import Features
import Formats
import Foundation
import Synthesis
#if canImport(Glibc)
import Glibc
#endif

public enum BatchRender {
    public struct Report: Sendable {
        public var rendered: Int
        public var failed: Int
        /// Wall-clock seconds of the whole batch.
        public var seconds: Double
        /// CPU seconds (user + system, all threads) the process spent on the batch: on a busy machine the
        /// honest per-core speed is renders per CPU second.
        public var cpuSeconds: Double
        /// Patches rendered (a bank file holds many).
        public var patches: Int = 0
        /// Audio files written (0 when rendering only).
        public var written: Int = 0
    }

    /// User + system CPU seconds of this process so far.
    public static func processCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// Shared counters of a batch, behind a lock.
    private final class Progress: @unchecked Sendable {
        let lock = NSLock()
        let total: Int
        let showProgress: Bool
        var next = 0, rendered = 0, failed = 0, done = 0, patches = 0, written = 0
        /// Output names already written by this batch, lowercased.
        var claimed = Set<String>()
        init(total: Int, showProgress: Bool) { self.total = total; self.showProgress = showProgress }

        /// Every input's stem, lowercased: a bank's numbered name never takes another input's own name.
        var stems = Set<String>()

        /// Reserves the output named `base` (no extension); false when another input has it as its own
        /// stem (a bank's `Bell_000` against a file named `Bell_000.xpf`) or already wrote it.
        func claim(_ base: String, numbered: Bool) -> Bool {
            lock.lock(); defer { lock.unlock() }
            if numbered && stems.contains(base.lowercased()) { return false }
            return claimed.insert(base.lowercased()).inserted
        }

        func addWritten() {
            lock.lock(); defer { lock.unlock() }
            written += 1
        }

        /// One line on stderr (after clearing the progress line).
        func note(_ text: String) {
            lock.lock(); defer { lock.unlock() }
            FileHandle.standardError.write(Data(((showProgress ? "\r\u{1B}[K" : "") + TerminalText.safe(text) + "\n").utf8))
        }

        func addPatches(_ count: Int) {
            lock.lock(); defer { lock.unlock() }
            patches += count
        }

        func take() -> Int? {
            lock.lock(); defer { lock.unlock() }
            guard next < total else { return nil }
            next += 1
            return next - 1
        }

        func finish(ok: Bool, message: String?, patches: Int = 0) {
            lock.lock(); defer { lock.unlock() }
            self.patches += patches
            done += 1
            if ok { rendered += 1 } else { failed += 1 }
            var line = ""
            if let message { line += (showProgress ? "\r\u{1B}[K" : "") + "error: \(TerminalText.safe(message))\n" }
            if showProgress { line += "\r\u{1B}[K[\(done)/\(total)] rendering" + (done == total ? "\n" : "") }
            if !line.isEmpty { FileHandle.standardError.write(Data(line.utf8)) }
        }
    }

    /// Renders every patch of `files` and writes `<name>.<format>` into `outputDirectory` (nil: render
    /// only); a bank file (several patches, e.g. a DX7 .syx) gives `<name>_<index>.<format>`, index from 000.
    /// Inputs sharing a file name get `<name>-2`, `<name>-3`, ... (one note line each), so every render
    /// lands in its own file. Errors go to stderr, one line per file.
    public static func run(files: [URL], settings: RenderSettings, rendering: PresetRendering, jobs: Int,
                           outputDirectory: URL?, format: String, showProgress: Bool) -> Report {
        let progress = Progress(total: files.count, showProgress: showProgress)
        let start = Date()
        let cpuStart = processCPUSeconds()
        let workers = max(1, min(jobs, files.count))
        let stems = BatchOutputNames.stems(for: files)
        progress.stems = Set(stems.map { $0.lowercased() })
        if outputDirectory != nil {
            for (file, stem) in zip(files, stems) where stem != file.deletingPathExtension().lastPathComponent {
                progress.note("note: \(file.path): another input has the same name; written as \(stem).\(format)")
            }
        }
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let index = progress.take() {
                let url = files[index]
                do {
                    let patches = try rendering.patches(url)
                    guard !patches.isEmpty else { throw PresetError(file: url.lastPathComponent, problem: "holds no patch") }
                    var done = 0
                    defer { if done < patches.count { progress.addPatches(done) } }
                    for (number, patch) in patches.enumerated() {
                        let clip = try rendering.render(patch, settings: settings, file: url.lastPathComponent)
                        if let outputDirectory {
                            let base = BatchOutputNames.base(stem: stems[index], number: number, count: patches.count)
                            let name = base + "." + format
                            guard progress.claim(base, numbered: patches.count > 1) else {
                                throw PresetError(file: url.lastPathComponent,
                                                  problem: "output \(name) would overwrite the output of another input named \(base)")
                            }
                            try AudioFile.write(clip, to: outputDirectory.appendingPathComponent(name))
                            progress.addWritten()
                        }
                        done += 1
                    }
                    progress.finish(ok: true, message: nil, patches: done)
                } catch {
                    progress.finish(ok: false, message: "\(error)")
                }
            }
        }
        return Report(rendered: progress.rendered, failed: progress.failed, seconds: Date().timeIntervalSince(start),
                      cpuSeconds: processCPUSeconds() - cpuStart, patches: progress.patches, written: progress.written)
    }
}
