// Several DX7 notes rendered side by side, one lane per note. A self-feedback operator is a serial
// chain (phase + feedback -> cosine -> two products -> feedback, about 16 cycles a sample) that one
// note cannot hide. With AVX2 (DX7FeedbackGroup) up to 32 notes' chains run in four 8-lane registers
// in one loop, and every other operator runs 8 samples at a time; without it, four notes' scalar
// chains share a loop. Same numbers as DX7Voice.render, sample for sample (DX7LanesTests,
// DX7VectorKernelTests). Measured (BENCHMARKS.md, "AVX2 loops, and up to 32 notes' feedback loops in
// lanes"): 1.5x the scalar block kernel and 1.2x the AVX2 one; without AVX2 no faster than block.

/// One note's self-feedback operator over a span, phase and feedback shifted left 8 bits as in
/// DX7OperatorKernel.cosineShifted.
struct DX7FeedbackLane {
    var phase: Int32
    var increment: Int32
    var feedback: Int32
    var scale: Int32
    var gains: UnsafeMutablePointer<Int32>
    var levels: UnsafeMutablePointer<Int32>
    /// The sum of the operator's modulators (unshifted; zeros without modulators).
    var external: UnsafeMutablePointer<Int32>
    var output: UnsafeMutablePointer<Int32>

    /// Sample `s`: the operator's output, and the feedback it leaves for sample s + 1.
    @inline(__always) mutating func step(_ s: Int, _ cosine: UnsafePointer<Int32>) {
        let wave = DX7OperatorKernel.cosineShifted(phase &+ (external[s] &<< 8) &+ feedback, cosine)
        output[s] = DX7OperatorKernel.multiply(gains[s], wave)
        feedback = DX7OperatorKernel.feedbackShifted(wave, levels[s], scale)
        phase &+= increment
    }

    /// Runs `lanes` over `count` samples, four (then two, then one) in the same loop.
    static func run(_ lanes: UnsafeMutablePointer<DX7FeedbackLane>, laneCount: Int, count: Int, cosine: UnsafePointer<Int32>) {
        var i = 0
        while i + 4 <= laneCount {
            var a = lanes[i], b = lanes[i + 1], c = lanes[i + 2], d = lanes[i + 3]
            for s in 0..<count {
                a.step(s, cosine); b.step(s, cosine); c.step(s, cosine); d.step(s, cosine)
            }
            lanes[i] = a; lanes[i + 1] = b; lanes[i + 2] = c; lanes[i + 3] = d
            i += 4
        }
        if i + 2 <= laneCount {
            var a = lanes[i], b = lanes[i + 1]
            for s in 0..<count { a.step(s, cosine); b.step(s, cosine) }
            lanes[i] = a; lanes[i + 1] = b
            i += 2
        }
        if i < laneCount {
            var a = lanes[i]
            for s in 0..<count { a.step(s, cosine) }
            lanes[i] = a
        }
    }
}

/// Renders notes side by side: all share the block schedule and the key release (one RenderSettings).
public enum DX7Lanes {
    /// Notes per group: four feedback chains fill the processor's shadow; more would spill the
    /// per-note buffers out of the first-level cache.
    public static func width(avx2: Bool) -> Int { avx2 ? DX7VectorKernels.mostLanes : 4 }

    /// Renders `voices` (built with `lanes: true`) into `outputs` (written, as DX7Voice.render does:
    /// they may hold anything; zeros after each note has died away), `frameCount` samples each.
    /// Whether every note has died away. A loop over indices: `allSatisfy` would copy each voice,
    /// retaining and releasing its arrays (measured: 5 % of a lanes render).
    private static func allSilent(_ voices: [DX7Voice]) -> Bool {
        for i in voices.indices where !voices[i].isSilent { return false }
        return true
    }

    /// `avx2`: feedback loops in DX7FeedbackGroup's AVX2 lanes (the processor must have it).
    static func render(_ voices: inout [DX7Voice], outputs: [UnsafeMutablePointer<Float>], frameCount: Int, noteOffFrame: Int,
                       avx2: Bool) {
        let tables = DX7Scratch()
        let scratches = voices.map { _ in DX7Scratch(sharingTablesOf: tables) }
        let lanes = UnsafeMutablePointer<DX7FeedbackLane>.allocate(capacity: Swift.max(voices.count, 1))
        let group = avx2 ? DX7FeedbackGroup() : nil
        var laneVoices = [Int](repeating: 0, count: voices.count)
        // Per note, the end of its last span: zeros follow.
        var written = [Int](repeating: 0, count: voices.count)
        defer {
            lanes.deallocate()
            for scratch in scratches { scratch.deallocate() }
            tables.deallocate()
        }
        DX7Voice.walkBlocks(frameCount: frameCount, noteOffFrame: noteOffFrame, isSilent: { Self.allSilent(voices) },
                            span: { start, count in
            guard count > 0 else { return }
            var laneCount = 0
            for i in voices.indices where !voices[i].isSilent {
                written[i] = start + count
                if voices[i].laneOperator == nil {
                    voices[i].renderSpan(into: outputs[i] + start, count: count, scratch: scratches[i])
                } else {
                    voices[i].beginLaneSpan(count: count, scratch: scratches[i])
                    (lanes + laneCount).initialize(to: voices[i].lane(scratch: scratches[i]))
                    laneVoices[laneCount] = i
                    laneCount += 1
                }
            }
            if let group {
                group.run(lanes, laneCount: laneCount, count: count, cosine: tables.cosine)
            } else {
                DX7FeedbackLane.run(lanes, laneCount: laneCount, count: count, cosine: tables.cosine)
            }
            for k in 0..<laneCount {
                let i = laneVoices[k]
                voices[i].endLaneSpan(lanes[k], into: outputs[i] + start, count: count, scratch: scratches[i])
            }
        }, release: {
            for i in voices.indices where !voices[i].isSilent { voices[i].releaseKey() }
        }, control: {
            for i in voices.indices where !voices[i].isSilent { voices[i].controlUpdate() }
        })
        for i in voices.indices { (outputs[i] + written[i]).initialize(repeating: 0, count: frameCount - written[i]) }
    }
}
