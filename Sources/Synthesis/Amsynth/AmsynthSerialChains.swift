// The engine's three serial recurrences, stepped side by side. The voice's biquad and VCA low-pass,
// the reverb's comb damping filters and the limiter's peak follower each wait, sample after sample,
// for their own previous result (9-10 cycles of latency per sample for the biquad), while the rest of
// the engine runs as vectors. Run one after another, their latencies add up; stepped in one loop, the
// processor overlaps them. Each recurrence keeps its arithmetic and its order, so the output is the
// same to the bit.
//
// The damping filters of a block read only what earlier blocks wrote, so they can run beside the
// voice of the same block; the limiter needs the reverb's output, so it runs one block behind.

/// One recurrence over a block: `step(i)` does frame i, in increasing order.
protocol AmsynthSerialChain {
    mutating func step(_ i: Int)
}

/// A recurrence that has nothing to do this block.
struct AmsynthIdleChain: AmsynthSerialChain {
    @inline(__always) func step(_ i: Int) {}
}

enum AmsynthSerialChains {
    /// Steps `a` and `b` over `count` frames and `c` over `cCount` frames, together where both run.
    @inline(__always)
    static func step<A: AmsynthSerialChain, B: AmsynthSerialChain, C: AmsynthSerialChain>(
        _ a: inout A, _ b: inout B, count: Int, _ c: inout C, cCount: Int) {
        let together = min(count, cCount)
        for i in 0..<together { a.step(i); b.step(i); c.step(i) }
        for i in together..<max(together, count) { a.step(i); b.step(i) }
        for i in together..<max(together, cCount) { c.step(i) }
    }
}
