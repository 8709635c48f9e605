// `presetatlas embed AUDIO-FILES-OR-FOLDERS --out embeddings.npy`: one documented embedding per clip.
import ArgumentParser
import Atlas
import Features
import Foundation

struct EmbedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "embed",
        abstract: "Embed rendered notes: one standardised, documented vector per audio file.",
        discussion: """
        Writes OUT (float32 [N, D], standardised), OUT.raw.npy (before standardising), OUT.csv (row,file),
        OUT.dims.txt (every dimension's name and meaning) and OUT.stats.csv (name,mean,std), with OUT's
        extension dropped for the side files. Folders are searched recursively for wav/flac/aiff/ogg.
        Note-on and note-off times split each clip into attack, sustain and release; the defaults match
        `presetatlas render` (note-off after 1 s). Bad files are reported one line each and skipped.

        Example:
          presetatlas embed renders/ --out atlas/embeddings.npy --note-off 1.0 --jobs 2
        """)

    @Argument(help: "Audio files and/or folders.")
    var inputs: [String]

    @Option(help: "Output .npy path.")
    var out: String

    @Option(name: .customLong("note-on"), help: "Seconds from the start of each clip to note-on.")
    var noteOnSeconds: Double = 0

    @Option(name: .customLong("note-off"), help: "Seconds from the start of each clip to note-off.")
    var noteOffSeconds: Double = 1

    @Option(help: "Parallel workers.")
    var jobs: Int = 2

    @Option(help: "descriptors (the documented embedding) or mfcc-means (the plain baseline).")
    var kind: String = EmbeddingKind.descriptors.rawValue

    @Flag(help: "Print nothing per file.")
    var quiet = false

    func validate() throws {
        guard noteOnSeconds.isFinite, noteOffSeconds.isFinite, noteOnSeconds >= 0, noteOffSeconds >= noteOnSeconds else {
            throw ValidationError("--note-on and --note-off must be finite with 0 <= note-on <= note-off")
        }
        guard (1...64).contains(jobs) else { throw ValidationError("--jobs must be 1...64") }
        guard EmbeddingKind(rawValue: kind) != nil else {
            throw ValidationError("--kind must be one of \(EmbeddingKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() throws {
        let (files, problems) = BatchEmbedder.audioFiles(in: inputs)
        for problem in problems { printError("error: \(problem)") }
        guard !files.isEmpty else { throw commandFailure("no audio files found in \(inputs.joined(separator: " "))") }
        let outURL = URL(fileURLWithPath: out)
        do { try FileManager.default.createDirectory(at: outURL.deletingLastPathComponent(), withIntermediateDirectories: true) } catch {
            throw commandFailure("\(outURL.deletingLastPathComponent().path): cannot create the folder")
        }
        var embedder = BatchEmbedder(kind: EmbeddingKind(rawValue: kind) ?? .descriptors,
                                     noteOnSeconds: noteOnSeconds, noteOffSeconds: noteOffSeconds, jobs: jobs)
        embedder.chunkSize = max(16, 4 * jobs)
        let start = Date()
        let summary: BatchEmbedder.Summary
        do {
            summary = try embedder.run(files: files, out: outURL) { url, failure in
                if let failure { printError("error: \(failure)") } else if !quiet { print(url.path) }
            }
        } catch {
            throw commandFailure("\(error)")
        }
        let seconds = Date().timeIntervalSince(start)
        printError(String(format: "embedded %d of %d files (%d failed) in %.2f s, %.1f clips/s -> %@",
                          summary.embedded.count, files.count, summary.failures.count, seconds,
                          Double(summary.embedded.count) / max(seconds, 1e-9), outURL.path))
        if !summary.failures.isEmpty { throw ExitCode.failure }
    }
}

private func printError(_ line: String) {
    FileHandle.standardError.write(Data((TerminalText.safe(line) + "\n").utf8))
}
