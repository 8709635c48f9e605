// Stage 2: renders and embeds (when audible) every pending patch of this shard, a batch at a time on all cores,
// each batch written in one transaction. A killed run loses at most the batch in flight.
import Dispatch
import Foundation
import Features
import GRDB
import Synthesis

public enum RenderStage {
    /// Patches per transaction: small enough that a kill loses little, large enough to amortise commits.
    static let batchSize = 16
    /// Pending patches read from the store at once (PendingPatches): their JSON is a few megabytes at most.
    public static let pendingChunkSize = 1024

    struct Pending: Sendable {
        var key: String
        var synth: String
        var valuesJSON: String
        var attributesJSON: String
        var name: String
        var keepsPreview: Bool
    }

    struct Outcome: Sendable {
        var key: String
        var peak: Float = 0
        var rms: Float = 0
        /// The short-term level that decides audibility (Features.Audibility), dBFS.
        var levelDecibels = Audibility.floorDecibels
        var seconds: Double = 0
        var preview: Data?
        var embedding: [Float]?
        var error: String?
    }

    /// Renders and embeds what this shard still owes. `progress(done, total)` is called after each batch.
    /// A patch whose render killed an earlier run is not rendered again: it gets a render row with the
    /// error, and `crashed` is called with its key.
    /// - Parameters:
    ///   - limit: stop after this many patches (tests use it to stand for a killed run).
    ///   - chunkSize: patches read from the store at once: memory is bounded by it, not by the atlas.
    ///   - loaded: called with the row count of each chunk as it is read (tests count rows held at once).
    /// - Returns: how many patches were rendered now.
    @discardableResult
    public static func run(store: AtlasStore, components: AtlasComponents, settings: AtlasSettings, shard: Shard,
                           limit: Int = .max, chunkSize: Int = RenderStage.pendingChunkSize,
                           loaded: (Int) -> Void = { _ in }, progress: (Int, Int) -> Void = { _, _ in },
                           crashed: (String) -> Void = { _ in }) throws -> Int {
        // Only the marks of the batch a killed run had in flight: small whatever the atlas's size.
        let attempts = try RenderAttempts.left(in: store)
        let total = min(try PendingPatches.count(store, shard: shard), limit)
        var done = 0
        progress(0, total)
        let marked = try PendingPatches.withKeys(Array(attempts.keys), store).filter { shard.owns(patchKey: $0.key) }
        // Patches rendered alone when a run died: the crash was theirs.
        let culprits = marked.filter { attempts[$0.key] == .alone }.prefix(total)
        if !culprits.isEmpty {
            try write(culprits.map { Outcome(key: $0.key, error: RenderAttempts.crashMessage) }, to: store)
            culprits.forEach { crashed($0.key) }
            done += culprits.count
            progress(done, total)
        }
        // Patches of a batch in flight when a run died: one of them may be the cause, so each is
        // rendered alone, marked first, so a second crash names it.
        for item in marked where attempts[item.key] == .inBatch && done < total {
            try RenderAttempts.mark([item.key], .alone, in: store)
            try write([renderOne(item, components: components, settings: settings)], to: store)
            done += 1
            progress(done, total)
        }
        // The rest a chunk at a time, in key order; each chunk's query starts after the last key seen.
        var after = ""
        while done < total {
            let chunk = try PendingPatches.chunk(store, after: after, count: chunkSize)
            guard let last = chunk.last else { break }
            after = last.key
            loaded(chunk.count)
            let rest = Array(chunk.filter { shard.owns(patchKey: $0.key) && attempts[$0.key] == nil }.prefix(total - done))
            var start = 0
            while start < rest.count {
                let batch = Array(rest[start..<min(start + batchSize, rest.count)])
                try RenderAttempts.mark(batch.map(\.key), .inBatch, in: store)
                try write(renderConcurrently(batch, components: components, settings: settings), to: store)
                start += batch.count
                done += batch.count
                progress(done, total)
            }
        }
        return done
    }

    /// Stores the outcomes and clears their attempt marks, in one transaction.
    static func write(_ outcomes: [Outcome], to store: AtlasStore) throws {
        try store.write { db in
            for outcome in outcomes {
                try db.execute(sql: """
                    INSERT OR REPLACE INTO render(patchKey, peak, rms, levelDecibels, seconds, previewWAV, error)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [outcome.key, Double(outcome.peak), Double(outcome.rms), outcome.levelDecibels, outcome.seconds,
                                     outcome.preview, outcome.error])
                if let vector = outcome.embedding {
                    try db.execute(sql: "INSERT OR REPLACE INTO embedding(patchKey, dimension, vector) VALUES (?, ?, ?)",
                                   arguments: [outcome.key, vector.count, EmbeddingBlob.encode(vector)])
                }
                try db.execute(sql: "DELETE FROM renderAttempt WHERE patchKey = ?", arguments: [outcome.key])
            }
        }
    }

    /// Renders a batch on all cores. Each patch's result depends only on the patch and the settings.
    static func renderConcurrently(_ batch: [Pending], components: AtlasComponents, settings: AtlasSettings) -> [Outcome] {
        let results = OutcomeSlots(count: batch.count)
        DispatchQueue.concurrentPerform(iterations: batch.count) { i in
            results.set(i, renderOne(batch[i], components: components, settings: settings))
        }
        return results.values
    }

    static func renderOne(_ item: Pending, components: AtlasComponents, settings: AtlasSettings) -> Outcome {
        var outcome = Outcome(key: item.key)
        guard let model = components.models[item.synth] else {
            outcome.error = "synth \(item.synth) is not built in"
            return outcome
        }
        do {
            let values = try PatchJSON.decodeValues(item.valuesJSON)
            let attributes = try PatchJSON.decodeAttributes(item.attributesJSON)
            let patch = Patch(synthID: item.synth, name: item.name, values: values, attributes: attributes)
            let audio = try model.render(patch, settings: settings.render)
            guard audio.frameCount > 0, audio.isFinite else {
                outcome.error = "render is empty or not finite"
                return outcome
            }
            let mono = audio.mono
            outcome.peak = mono.reduce(0) { max($0, abs($1)) }
            outcome.rms = (mono.reduce(0) { $0 + $1 * $1 } / Float(mono.count)).squareRoot()
            outcome.seconds = Double(audio.frameCount) / audio.sampleRateHz
            outcome.levelDecibels = Audibility.levelDecibels(mono, sampleRateHz: audio.sampleRateHz)
            if item.keepsPreview {
                outcome.preview = try PreviewAudio.ogg(mono: mono, sampleRateHz: audio.sampleRateHz,
                                                   targetRateHz: settings.previewSampleRateHz, seconds: settings.previewSeconds)
            }
            // An inaudible render is kept (counted, reported, its preview playable) but is not a sound to embed.
            guard Audibility.isAudible(levelDecibels: outcome.levelDecibels) else { return outcome }
            var vector = try components.embedder.embed(audio, settings: settings.render, patchKey: item.key)
            if !MultiNoteProbe.otherNotes(settings).isEmpty {
                vector = try MultiNoteProbe.embedding(first: vector, patch: patch, model: model, embed: {
                    try components.embedder.embed($0, settings: $1, patchKey: item.key)
                }, settings: settings)
            }
            guard !vector.isEmpty, vector.allSatisfy(\.isFinite) else {
                outcome.error = "embedding is empty or not finite"
                return outcome
            }
            outcome.embedding = vector
        } catch {
            outcome.error = String(describing: error).replacingOccurrences(of: "\n", with: " ")
        }
        return outcome
    }
}

/// Result slots written from concurrent iterations, each index by exactly one.
private final class OutcomeSlots: @unchecked Sendable {
    private var slots: [RenderStage.Outcome?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: RenderStage.Outcome) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }
    var values: [RenderStage.Outcome] { slots.compactMap { $0 } }
}

/// Embeddings as little-endian Float32 bytes.
enum EmbeddingBlob {
    static func encode(_ vector: [Float]) -> Data {
        var data = Data(capacity: vector.count * 4)
        for value in vector { withUnsafeBytes(of: value.bitPattern.littleEndian) { data.append(contentsOf: $0) } }
        return data
    }

    static func decode(_ data: Data) -> [Float] {
        let count = data.count / 4
        return data.withUnsafeBytes { raw in
            (0..<count).map { Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self))) }
        }
    }
}
