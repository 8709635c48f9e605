// `presetatlas embed` as one library call: find the audio files among the inputs, make the output's
// folder, embed with chunks that keep every worker busy, and say what was done in one line.
import Foundation

extension BatchEmbedder {
    /// What one `embed(inputs:out:)` call did.
    public struct Outcome: Sendable {
        public var summary: Summary
        /// Audio files found among the inputs.
        public var fileCount: Int
        public var seconds: Double
        public var out: URL

        /// "embedded 3 of 5 files (1 inaudible, 1 failed) in 1.20 s, 2.5 clips/s -> embeddings.npy"
        public var line: String {
            String(format: "embedded %d of %d files (%d inaudible, %d failed) in %.2f s, %.1f clips/s -> %@", summary.embedded.count,
                   fileCount, summary.inaudible.count, summary.failures.count, seconds,
                   Double(summary.embedded.count) / max(seconds, 1e-9), out.path)
        }
    }

    /// Embeds the audio files among `inputs` (files as given, folders searched recursively) into `out` and
    /// its side files (see `run(files:out:progress:)`), creating `out`'s folder.
    /// - Parameters: problem gets one line per input that does not exist; progress is called per file
    ///   with a failure message or nil.
    /// - Throws: `EmbeddingError` when no audio file is found, the folder cannot be made, or a file cannot be written.
    public func embed(inputs: [String], out: URL, problem: (String) -> Void = { _ in },
                      progress: (URL, String?) -> Void = { _, _ in }) throws -> Outcome {
        let (files, problems) = Self.audioFiles(in: inputs)
        problems.forEach(problem)
        guard !files.isEmpty else { throw EmbeddingError(description: "no audio files found in \(inputs.joined(separator: " "))") }
        let folder = out.deletingLastPathComponent()
        do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
            throw EmbeddingError(description: "\(folder.path): cannot create the folder")
        }
        var embedder = self
        // Four clips per worker in flight, so no worker waits for a slow file.
        embedder.chunkSize = max(chunkSize, 4 * jobs)
        let start = Date()
        let summary = try embedder.run(files: files, out: out, progress: progress)
        return Outcome(summary: summary, fileCount: files.count, seconds: Date().timeIntervalSince(start), out: out)
    }
}
