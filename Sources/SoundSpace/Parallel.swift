// Runs independent chunks of work on all cores (Dispatch's concurrentPerform) with deterministic chunk boundaries.
import Dispatch
import Foundation

enum Parallel {
    /// Cores available to this process.
    static var coreCount: Int { Swift.max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// Splits `0..<count` into `chunkCount` contiguous ranges (the last ones may be empty) and runs
    /// `body(chunkIndex, range)` for each on all cores. Chunk boundaries depend only on the arguments, so
    /// results that are reduced in chunk order are identical on every run whatever the core count.
    static func forEachChunk(count: Int, chunkCount: Int, _ body: (Int, Range<Int>) -> Void) {
        let chunks = Swift.max(1, Swift.min(chunkCount, count))
        let size = (count + chunks - 1) / Swift.max(chunks, 1)
        if chunks == 1 { body(0, 0..<count); return }
        withoutActuallyEscaping(body) { escapableBody in
            // Workers run before concurrentPerform returns, so the closure never outlives this call.
            let box = UncheckedSendable(escapableBody)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let start = Swift.min(count, chunk * size)
                box.value(chunk, start..<Swift.min(count, start + size))
            }
        }
    }
}

/// Wraps a value (usually an unsafe pointer into a buffer whose parts each worker owns) to hand it to
/// parallel workers; the caller guarantees that workers touch disjoint parts.
struct UncheckedSendable<Value>: @unchecked Sendable {
    var value: Value
    init(_ value: Value) { self.value = value }
}
