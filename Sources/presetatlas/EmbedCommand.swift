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
        OUT.dims.txt (every dimension's name and meaning), OUT.stats.csv (name,mean,std) and OUT.inaudible.csv
        (file,level_db: clips below the audibility rule, listed and not embedded), with OUT's extension
        dropped for the side files. Folders are searched recursively for wav/flac/aiff/ogg.
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
    var kind: EmbeddingKind = .descriptors

    @Flag(help: "Print nothing per file.")
    var quiet = false

    func validate() throws {
        guard noteOnSeconds.isFinite, noteOffSeconds.isFinite, noteOnSeconds >= 0, noteOffSeconds >= noteOnSeconds else {
            throw ValidationError("--note-on and --note-off must be finite with 0 <= note-on <= note-off")
        }
        guard (1...64).contains(jobs) else { throw ValidationError("--jobs must be 1...64") }
    }

    func run() throws {
        let embedder = BatchEmbedder(kind: kind, noteOnSeconds: noteOnSeconds, noteOffSeconds: noteOffSeconds, jobs: jobs)
        let outcome: BatchEmbedder.Outcome
        do {
            outcome = try embedder.embed(inputs: inputs, out: URL(fileURLWithPath: out), problem: { printError("error: \($0)") }) { url, failure in
                if let failure { printError("error: \(failure)") } else if !quiet { print(url.path) }
            }
        } catch {
            throw commandFailure("\(error)")
        }
        printError(outcome.line)
        if !outcome.summary.failures.isEmpty { throw ExitCode.failure }
    }
}

private func printError(_ line: String) {
    FileHandle.standardError.write(Data((TerminalText.safe(line) + "\n").utf8))
}
