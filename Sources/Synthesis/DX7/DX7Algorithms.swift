// The 32 DX7 algorithms as data: which operators modulate which, which are carriers, and where the
// feedback loop is. Routing from the DX7 panel chart as tabulated in FORMAT.md §5 and checked against
// hexter 1.1.1's per-algorithm render code (including its 3- and 2-operator loops in algorithms 4 and 6).

/// One algorithm's routing. Operators are 1-6; a modulator always has a higher number than the
/// operator it modulates, so evaluating 6, 5, ..., 1 sees every modulator's output first.
struct DX7Algorithm: Sendable {
    /// `modulators[op - 1]` lists the operators whose outputs are summed into `op`'s phase.
    let modulators: [[Int]]
    /// Operators summed to the output.
    let carriers: [Int]
    /// The same routing as bits (bit m - 1 of `modulatorBits[op - 1]`: m modulates op; of
    /// `carrierBits`: m is a carrier), for the per-span loops: a value with no array to retain.
    let modulatorBits: SIMD8<UInt8>
    let carrierBits: UInt8
    /// The operator whose output (scaled by its EG and the feedback amount) is remembered...
    let feedbackSource: Int
    /// ...and added to this operator's phase on the next sample (the same operator, except in
    /// algorithms 4 and 6 where the loop runs through 6 -> 5 (-> 4) and back to 6).
    let feedbackTarget: Int

    /// Operators that must be computed sample by sample because the feedback loop runs through
    /// them; all others can be computed a block at a time.
    var feedbackLoop: [Int] {
        var loop = [feedbackTarget]
        var op = feedbackTarget
        while op != feedbackSource {
            // Follow the single modulation path from the target down to the source.
            guard let next = (1...6).first(where: { modulators[$0 - 1].contains(op) }) else { break }
            loop.append(next)
            op = next
        }
        return loop
    }

    /// Algorithm from "a→b" pairs (a modulates b), carriers and the feedback source/target.
    init(_ pairs: [(Int, Int)], carriers: [Int], feedback: Int, feedbackInto target: Int? = nil) {
        var modulators = Array(repeating: [Int](), count: 6)
        for (from, to) in pairs { modulators[to - 1].append(from) }
        self.modulators = modulators
        self.carriers = carriers
        var bits = SIMD8<UInt8>()
        for (from, to) in pairs { bits[to - 1] |= 1 << (from - 1) }
        modulatorBits = bits
        carrierBits = carriers.reduce(0) { $0 | 1 << ($1 - 1) }
        self.feedbackSource = feedback
        self.feedbackTarget = target ?? feedback
    }

    /// Algorithms 1-32 at index 0-31.
    static let all: [DX7Algorithm] = [
        .init([(2, 1), (6, 5), (5, 4), (4, 3)], carriers: [1, 3], feedback: 6),
        .init([(2, 1), (6, 5), (5, 4), (4, 3)], carriers: [1, 3], feedback: 2),
        .init([(3, 2), (2, 1), (6, 5), (5, 4)], carriers: [1, 4], feedback: 6),
        .init([(3, 2), (2, 1), (6, 5), (5, 4)], carriers: [1, 4], feedback: 4, feedbackInto: 6),
        .init([(2, 1), (4, 3), (6, 5)], carriers: [1, 3, 5], feedback: 6),
        .init([(2, 1), (4, 3), (6, 5)], carriers: [1, 3, 5], feedback: 5, feedbackInto: 6),
        .init([(2, 1), (4, 3), (6, 5), (5, 3)], carriers: [1, 3], feedback: 6),
        .init([(2, 1), (4, 3), (6, 5), (5, 3)], carriers: [1, 3], feedback: 4),
        .init([(2, 1), (4, 3), (6, 5), (5, 3)], carriers: [1, 3], feedback: 2),
        .init([(3, 2), (2, 1), (5, 4), (6, 4)], carriers: [1, 4], feedback: 3),
        .init([(3, 2), (2, 1), (5, 4), (6, 4)], carriers: [1, 4], feedback: 6),
        .init([(2, 1), (4, 3), (5, 3), (6, 3)], carriers: [1, 3], feedback: 2),
        .init([(2, 1), (4, 3), (5, 3), (6, 3)], carriers: [1, 3], feedback: 6),
        .init([(2, 1), (4, 3), (5, 4), (6, 4)], carriers: [1, 3], feedback: 6),
        .init([(2, 1), (4, 3), (5, 4), (6, 4)], carriers: [1, 3], feedback: 2),
        .init([(2, 1), (4, 3), (3, 1), (6, 5), (5, 1)], carriers: [1], feedback: 6),
        .init([(2, 1), (4, 3), (3, 1), (6, 5), (5, 1)], carriers: [1], feedback: 2),
        .init([(2, 1), (3, 1), (6, 5), (5, 4), (4, 1)], carriers: [1], feedback: 3),
        .init([(3, 2), (2, 1), (6, 4), (6, 5)], carriers: [1, 4, 5], feedback: 6),
        .init([(3, 1), (3, 2), (5, 4), (6, 4)], carriers: [1, 2, 4], feedback: 3),
        .init([(3, 1), (3, 2), (6, 4), (6, 5)], carriers: [1, 2, 4, 5], feedback: 3),
        .init([(2, 1), (6, 3), (6, 4), (6, 5)], carriers: [1, 3, 4, 5], feedback: 6),
        .init([(3, 2), (6, 4), (6, 5)], carriers: [1, 2, 4, 5], feedback: 6),
        .init([(6, 3), (6, 4), (6, 5)], carriers: [1, 2, 3, 4, 5], feedback: 6),
        .init([(6, 4), (6, 5)], carriers: [1, 2, 3, 4, 5], feedback: 6),
        .init([(3, 2), (5, 4), (6, 4)], carriers: [1, 2, 4], feedback: 6),
        .init([(3, 2), (5, 4), (6, 4)], carriers: [1, 2, 4], feedback: 3),
        .init([(2, 1), (5, 4), (4, 3)], carriers: [1, 3, 6], feedback: 5),
        .init([(4, 3), (6, 5)], carriers: [1, 2, 3, 5], feedback: 6),
        .init([(5, 4), (4, 3)], carriers: [1, 2, 3, 6], feedback: 5),
        .init([(6, 5)], carriers: [1, 2, 3, 4, 5], feedback: 6),
        .init([], carriers: [1, 2, 3, 4, 5, 6], feedback: 6),
    ]
}
