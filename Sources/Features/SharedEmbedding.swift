// A thread-safe front to EmbeddingExtractor for callers that embed from many threads at once (the atlas's
// render stage): extractors are lent from a small free list, so each FFT plan is used by one thread at a
// time and plans are made once per concurrent caller, not once per clip.
import Foundation

public final class SharedEmbedding: @unchecked Sendable {
    /// Names the embedding and its layout version; stored by the atlas so runs never mix two layouts.
    public static let identifier = "presetatlas-descriptors-v\(EmbeddingLayout.version)-\(EmbeddingLayout.count)d"

    private var free: [EmbeddingExtractor] = []
    private let lock = NSLock()

    public init() {}

    /// The embedding (EmbeddingLayout order) of mono `signal` at `sr` Hz with the note held from
    /// `noteOnSeconds` to `noteOffSeconds`. Safe to call from any number of threads.
    public func embedding(_ signal: [Float], sr: Double, noteOnSeconds: Double, noteOffSeconds: Double) throws -> [Float] {
        guard sr.isFinite, sr >= 8000, sr <= 384_000 else { throw EmbeddingError(description: "unsupported sample rate \(sr) Hz") }
        let extractor = try borrow(sr: sr)
        defer { giveBack(extractor) }
        return try extractor.embedding(signal, noteOnSeconds: noteOnSeconds, noteOffSeconds: noteOffSeconds)
    }

    private func borrow(sr: Double) throws -> EmbeddingExtractor {
        lock.lock()
        if let i = free.firstIndex(where: { $0.sr == sr }) {
            let e = free.remove(at: i)
            lock.unlock()
            return e
        }
        lock.unlock()
        return try EmbeddingExtractor(sr: sr)
    }

    private func giveBack(_ extractor: EmbeddingExtractor) {
        lock.lock()
        if free.count < 16 { free.append(extractor) }
        lock.unlock()
    }
}
