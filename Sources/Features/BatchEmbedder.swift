// Embeds many audio files: streaming (a bounded chunk of clips in memory at a time, rows written as they
// come), parallel (one EmbeddingExtractor per worker, so one set of FFT plans each), in input order.
// Output: raw rows to a .npy as they come, statistics accumulated on the way, then a second streaming
// pass writes the standardised matrix. A bad file is reported in one line and skipped. An inaudible clip
// (Audibility's rule, from note-on) is not a sound: it is listed in <stem>.inaudible.csv, never embedded.
import Foundation
import NumpyFormat

public enum EmbeddingKind: String, Sendable, CaseIterable {
    /// The documented descriptor embedding (EmbeddingLayout).
    case descriptors
    /// The baseline: MFCC 0...19 means over all frames.
    case mfccMeans = "mfcc-means"

    public var names: [String] { self == .descriptors ? EmbeddingLayout.names : EmbeddingLayout.baselineNames }
}

public struct BatchEmbedder: Sendable {
    public var kind: EmbeddingKind = .descriptors
    public var noteOnSeconds: Double = 0
    public var noteOffSeconds: Double = 1
    /// Parallel workers (the machine has 2 cores).
    public var jobs: Int = 2
    /// Clips decoded and held at once per chunk: bounds memory whatever the number of files.
    public var chunkSize: Int = 16

    public init(kind: EmbeddingKind = .descriptors, noteOnSeconds: Double = 0, noteOffSeconds: Double = 1, jobs: Int = 2) {
        self.kind = kind
        self.noteOnSeconds = noteOnSeconds
        self.noteOffSeconds = noteOffSeconds
        self.jobs = max(1, jobs)
    }

    /// Outcome of a batch: which inputs made rows (in order) and which failed, with their messages.
    public struct Summary: Sendable {
        public var embedded: [URL] = []
        public var failures: [(url: URL, message: String)] = []
        /// Clips below the audibility rule, with their short-term level (dBFS): listed, not embedded.
        public var inaudible: [(url: URL, levelDecibels: Double)] = []
    }

    /// What became of one clip.
    enum ClipResult: Sendable {
        case vector([Float])
        case inaudible(levelDecibels: Double)
        case failure(EmbeddingError)
    }

    /// Embeds `files` and writes, beside `out` (e.g. `embeddings.npy`): `out` (standardised float32 [N, D]),
    /// `<stem>.raw.npy` (unstandardised), `<stem>.csv` (row,file), `<stem>.dims.txt` (name<TAB>meaning per
    /// dimension), `<stem>.stats.csv` (name,mean,std), `<stem>.inaudible.csv` (file,level_db: the clips the
    /// audibility rule leaves out). `progress` is called per file with a failure message or nil.
    public func run(files: [URL], out: URL, progress: (URL, String?) -> Void = { _, _ in }) throws -> Summary {
        let stem = out.deletingPathExtension()
        let rawURL = stem.appendingPathExtension("raw.npy")
        let names = kind.names
        let writer = try NumpyRowWriter(url: rawURL, columns: names.count)
        var statistics = EmbeddingStatistics(names: names)
        var summary = Summary()
        var csv = "row,file\n", inaudibleCSV = "file,level_db\n"
        let extractors = ExtractorPool(count: jobs)

        var chunkStart = 0
        while chunkStart < files.count {
            let chunk = Array(files[chunkStart..<min(files.count, chunkStart + chunkSize)])
            let results = ResultSlots(count: chunk.count)
            let next = Counter()
            let kind = self.kind, on = noteOnSeconds, off = noteOffSeconds
            DispatchQueue.concurrentPerform(iterations: min(jobs, chunk.count)) { worker in
                while let i = next.take(below: chunk.count) {
                    results.set(i, BatchEmbedder.embed(chunk[i], kind: kind, noteOnSeconds: on, noteOffSeconds: off, pool: extractors, worker: worker))
                }
            }
            for (i, url) in chunk.enumerated() {
                switch results.get(i) {
                case .vector(let vector):
                    try writer.append(vector)
                    try statistics.add(vector)
                    csv += "\(summary.embedded.count),\(csvField(url.path))\n"
                    summary.embedded.append(url)
                    progress(url, nil)
                case .failure(let error):
                    summary.failures.append((url, error.description))
                    progress(url, error.description)
                case .inaudible(let level):
                    summary.inaudible.append((url, level))
                    inaudibleCSV += "\(csvField(url.path)),\(String(format: "%.1f", level))\n"
                    progress(url, nil)
                case nil:
                    break
                }
            }
            chunkStart += chunk.count
        }
        try writer.finish()

        // Second pass: standardise row by row.
        let reader = try NumpyRowReader(url: rawURL)
        let standardised = try NumpyRowWriter(url: out, columns: names.count)
        for _ in 0..<reader.rows { if let row = try reader.next() { try standardised.append(statistics.standardised(row)) } }
        try standardised.finish()
        try write(csv, to: stem.appendingPathExtension("csv"))
        try write(inaudibleCSV, to: stem.appendingPathExtension("inaudible.csv"))
        let dims = kind == .descriptors
            ? EmbeddingLayout.dimensions.map { "\($0.name)\t\($0.description)" }
            : names.map { "\($0)\tMFCC mean over all frames (baseline)" }
        try write(dims.joined(separator: "\n") + "\n", to: stem.appendingPathExtension("dims.txt"))
        try write(statistics.csv(), to: stem.appendingPathExtension("stats.csv"))
        return summary
    }

    static func embed(_ url: URL, kind: EmbeddingKind, noteOnSeconds: Double, noteOffSeconds: Double,
                      pool: ExtractorPool, worker: Int) -> ClipResult {
        do {
            let clip = try AudioFile.read(url)
            guard clip.sampleRateHz >= 8000, clip.sampleRateHz <= 384_000 else {
                return .failure(EmbeddingError(description: "\(url.path): unsupported sample rate \(clip.sampleRateHz) Hz"))
            }
            guard clip.frameCount > 0 else { return .failure(EmbeddingError(description: "\(url.path): no audio frames")) }
            guard clip.frameCount <= Int(clip.sampleRateHz * 600) else {
                return .failure(EmbeddingError(description: "\(url.path): longer than 10 minutes; not a rendered note"))
            }
            let extractor = try pool.extractor(worker: worker, sr: clip.sampleRateHz)
            let signal = clip.mono
            // The rule measures from note-on to the end of the clip.
            let onset = min(signal.count, Int((noteOnSeconds * clip.sampleRateHz).rounded()))
            let level = Audibility.levelDecibels(Array(signal[onset...]), sampleRateHz: clip.sampleRateHz)
            guard Audibility.isAudible(levelDecibels: level) else { return .inaudible(levelDecibels: level) }
            switch kind {
            case .descriptors: return .vector(try extractor.embedding(signal, noteOnSeconds: noteOnSeconds, noteOffSeconds: noteOffSeconds))
            case .mfccMeans: return .vector(try extractor.mfccMeans(signal))
            }
        } catch let error as EmbeddingError {
            return .failure(EmbeddingError(description: "\(url.path): \(error.description)"))
        } catch {
            return .failure(EmbeddingError(description: "\(error)"))
        }
    }

    private func write(_ text: String, to url: URL) throws {
        do { try text.write(to: url, atomically: true, encoding: .utf8) } catch {
            throw EmbeddingError(description: "\(url.path): cannot write (\(error.localizedDescription))")
        }
    }

    /// Audio files under `paths` (files as given; folders searched recursively), sorted within each folder.
    public static func audioFiles(in paths: [String]) -> (files: [URL], problems: [String]) {
        let extensions: Set<String> = ["wav", "flac", "aif", "aiff", "ogg", "au", "caf", "w64"]
        var files: [URL] = [], problems: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                problems.append("\(path): no such file or folder"); continue
            }
            if !isDirectory.boolValue { files.append(URL(fileURLWithPath: path)); continue }
            let root = URL(fileURLWithPath: path)
            let found = (FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?.allObjects as? [URL] ?? [])
                .filter { extensions.contains($0.pathExtension.lowercased()) }
                .sorted { $0.path < $1.path }
            files += found
        }
        return (files, problems)
    }
}

/// One extractor per worker, rebuilt when a clip's sample rate differs from the last.
final class ExtractorPool: @unchecked Sendable {
    private var extractors: [EmbeddingExtractor?]
    init(count: Int) { extractors = Array(repeating: nil, count: count) }
    /// Only worker `worker` touches slot `worker`, so no lock is needed.
    func extractor(worker: Int, sr: Double) throws -> EmbeddingExtractor {
        if let e = extractors[worker], e.sr == sr { return e }
        let e = try EmbeddingExtractor(sr: sr)
        extractors[worker] = e
        return e
    }
}

/// Results of one chunk, one slot per clip; each slot is written by exactly one worker.
final class ResultSlots: @unchecked Sendable {
    private var slots: [BatchEmbedder.ClipResult?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ value: BatchEmbedder.ClipResult) { lock.lock(); slots[i] = value; lock.unlock() }
    func get(_ i: Int) -> BatchEmbedder.ClipResult? { lock.lock(); defer { lock.unlock() }; return slots[i] }
}

/// A shared work index.
final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()
    func take(below limit: Int) -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard value < limit else { return nil }
        value += 1
        return value - 1
    }
}

/// A CSV field, quoted when it holds a comma, quote or newline.
func csvField(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}
