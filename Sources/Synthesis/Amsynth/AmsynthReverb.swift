// amsynth's reverb: Jezar's Freeverb as amsynth ships it (scalewet = scaledry = 1), mixed in place, with
// wet and dry gains smoothed from 0, and amsynth's denormal guard `if (s < FLT_MIN) s = 0`, which also
// zeroes every negative value read from the comb and all-pass buffers: the reverb is half-wave
// rectified inside (the fixture README measured this to 1e-7).
//
// Every delay line depends only on its own state and on the signal fed to it, so the work is done a
// block at a time, stage after stage, instead of freeverb's sample-at-a-time order: the same operations
// on the same values in the same order per line, so the output is bit-identical (AmsynthReverbTests
// checks it against a plain per-sample freeverb). The 16 combs are handled as 4 quads of 4 lines:
// (1) each quad's reads for the block, as vectors along time (a comb is longer than a block, so
// everything it reads this block was written before it); (2) the damping filters, the only part that
// depends on the previous frame, frame by frame with the 4 quads' chains side by side so their
// latencies overlap (the engine steps this chain beside the voice's and the limiter's: `beginBlock`
// returns it, `endBlock` takes it back); (3) each quad's writes, as vectors along time. Then the
// all-passes, line by line.

final class AmsynthReverb {
    private static let combTunings = [1116, 1188, 1277, 1356, 1422, 1491, 1557, 1617]
    private static let allpassTunings = [556, 441, 341, 225]
    private static let stereoSpread = 23
    private static let fixedGain: Float = 0.015
    /// 8 combs per side, then 4 all-passes per side.
    private static let lineCount = 24
    /// Frames handled per pass through the stages (the engine's host block).
    private static let block = 64

    // All state lives in memory this object owns, reached through `let` pointers, so the loops pay no
    // exclusivity checks.
    private let delay: UnsafeMutablePointer<Float>
    private let starts: UnsafeMutablePointer<Int>
    private let lengths: UnsafeMutablePointer<Int>
    private let positions: UnsafeMutablePointer<Int>
    /// The combs' damping filter states, one vector per quad (lines 4q ..< 4q + 4).
    private let combStore: UnsafeMutablePointer<SIMD4<Float>>
    /// Per quad and frame of the block: comb output × damp2, then the new damping state.
    private let damped: UnsafeMutablePointer<SIMD4<Float>>
    /// dry, wet1, wet2 as smoothed so far.
    private let gains: UnsafeMutablePointer<Float>
    /// One block of the reverb input, then of the left and right wet signals.
    private let input: UnsafeMutablePointer<Float>
    private let wetLeft: UnsafeMutablePointer<Float>
    private let wetRight: UnsafeMutablePointer<Float>

    private let feedback: Float
    private let damp1: Float
    private let damp2: Float
    private let wet1: Float, wet2: Float, dry: Float

    /// Room size, damping, wet and width as stored (0...1); dry = 1 − wet.
    init(sampleRate: Int, roomSize: Float, damp: Float, wet: Float, width: Float) {
        func tuned(_ samples: Int) -> Int { max(1, Int(Float(samples * sampleRate) / 44_100)) }
        let tunings = (0..<2).flatMap { side in Self.combTunings.map { tuned($0 + side * Self.stereoSpread) } }
            + (0..<2).flatMap { side in Self.allpassTunings.map { tuned($0 + side * Self.stereoSpread) } }
        let total = tunings.reduce(0, +)
        delay = .allocate(capacity: total); delay.initialize(repeating: 0, count: total)
        starts = .allocate(capacity: Self.lineCount)
        lengths = .allocate(capacity: Self.lineCount)
        positions = .allocate(capacity: Self.lineCount); positions.initialize(repeating: 0, count: Self.lineCount)
        var offset = 0
        for (i, n) in tunings.enumerated() {
            (starts + i).initialize(to: offset); (lengths + i).initialize(to: n)
            offset += n
        }
        combStore = .allocate(capacity: 4); combStore.initialize(repeating: .zero, count: 4)
        damped = .allocate(capacity: 4 * Self.block); damped.initialize(repeating: .zero, count: 4 * Self.block)
        gains = .allocate(capacity: 3); gains.initialize(repeating: 0, count: 3)
        input = .allocate(capacity: 3 * Self.block); input.initialize(repeating: 0, count: 3 * Self.block)
        wetLeft = input + Self.block
        wetRight = input + 2 * Self.block
        feedback = roomSize * 0.28 + 0.7
        damp1 = damp * 0.4
        damp2 = 1 - damp1
        wet1 = wet * (width / 2 + 0.5)
        wet2 = wet * ((1 - width) / 2)
        dry = 1 - wet
    }

    deinit {
        delay.deallocate(); starts.deallocate(); lengths.deallocate(); positions.deallocate()
        combStore.deallocate(); damped.deallocate(); gains.deallocate(); input.deallocate()
    }

    /// Processes `count` frames in place: out = in + (wet reverb + dry × in).
    func process(left: UnsafeMutablePointer<Float>, right: UnsafeMutablePointer<Float>, count: Int) {
        var done = 0
        while done < count {
            let n = min(Self.block, count - done)
            var chain = beginBlock(count: n)
            if var damping = chain {
                for t in 0..<n { damping.step(t) }
                chain = damping
            }
            endBlock(chain, left: left + done, right: right + done, count: n)
            done += n
        }
    }

    /// Starts a block of `count` (at most 64) frames: the comb reads, which need none of the block's
    /// input. Returns the damping filters to step over the block, or nil when the wet path is off.
    func beginBlock(count: Int) -> DampingChain? {
        precondition(count <= Self.block, "the reverb takes blocks of at most \(Self.block) frames")
        if wet1 == 0 && wet2 == 0 { return nil }
        // Freeverb sums each side's 8 combs in order: quad 0 (or 2) starts the sums, quad 1 (or 3) adds.
        readCombs(quad: 0, into: wetLeft, adding: false, count: count)
        readCombs(quad: 1, into: wetLeft, adding: true, count: count)
        readCombs(quad: 2, into: wetRight, adding: false, count: count)
        readCombs(quad: 3, into: wetRight, adding: true, count: count)
        return DampingChain(s0: combStore[0], s1: combStore[1], s2: combStore[2], s3: combStore[3],
                            r0: damped, r1: damped + Self.block, r2: damped + 2 * Self.block, r3: damped + 3 * Self.block,
                            damp1: damp1)
    }

    /// Finishes the block begun by `beginBlock`, its damping chain stepped over all `count` frames:
    /// the comb writes, the all-passes and the mix into `left` and `right`.
    func endBlock(_ chain: DampingChain?, left: UnsafeMutablePointer<Float>, right: UnsafeMutablePointer<Float>, count: Int) {
        guard let chain else {
            mixDry(left: left, right: right, count: count)
            return
        }
        combStore[0] = chain.s0; combStore[1] = chain.s1; combStore[2] = chain.s2; combStore[3] = chain.s3
        for i in 0..<count { input[i] = (left[i] + right[i]) * Self.fixedGain }
        for quad in 0..<4 { writeCombs(quad: quad, count: count) }
        for a in 16..<20 {
            allpass(a, wetLeft, count: count)
            allpass(a + 4, wetRight, count: count)
        }
        var dryZ = gains[0], wet1Z = gains[1], wet2Z = gains[2]
        if Self.settled(dryZ, dry) && Self.settled(wet1Z, wet1) && Self.settled(wet2Z, wet2) {
            // The smoothed gains no longer move: the same sums with constant gains, which vectorise.
            for i in 0..<count {
                let outL = wetLeft[i], outR = wetRight[i]
                left[i] = left[i] + (outL * wet1Z + outR * wet2Z + left[i] * dryZ)
                right[i] = right[i] + (outR * wet1Z + outL * wet2Z + right[i] * dryZ)
            }
            return
        }
        for i in 0..<count {
            dryZ += (dry - dryZ) * 0.005
            wet1Z += (wet1 - wet1Z) * 0.005
            wet2Z += (wet2 - wet2Z) * 0.005
            let outL = wetLeft[i], outR = wetRight[i]
            left[i] = left[i] + (outL * wet1Z + outR * wet2Z + left[i] * dryZ)
            right[i] = right[i] + (outR * wet1Z + outL * wet2Z + right[i] * dryZ)
        }
        gains[0] = dryZ; gains[1] = wet1Z; gains[2] = wet2Z
    }

    /// The wet path is exactly 0 (its gains stay 0): only the dry gain moves, and the delay lines,
    /// which nothing reads, need not run.
    private func mixDry(left: UnsafeMutablePointer<Float>, right: UnsafeMutablePointer<Float>, count: Int) {
        var dryZ = gains[0]
        if Self.settled(dryZ, dry) {
            for i in 0..<count {
                left[i] = left[i] + left[i] * dryZ
                right[i] = right[i] + right[i] * dryZ
            }
            return
        }
        for i in 0..<count {
            dryZ += (dry - dryZ) * 0.005
            left[i] = left[i] + left[i] * dryZ
            right[i] = right[i] + right[i] * dryZ
        }
        gains[0] = dryZ
    }

    /// True when the 0.005-per-sample smoother at `z` no longer moves towards `target` (the step
    /// rounds away): every later sample leaves it exactly where it is.
    @inline(__always) private static func settled(_ z: Float, _ target: Float) -> Bool {
        z + (target - z) * 0.005 == z
    }

    /// Read/write positions of 4 delay lines, moved along in runs that never pass a wrap.
    private struct QuadCursor {
        var p0: Int, p1: Int, p2: Int, p3: Int
        let n0: Int, n1: Int, n2: Int, n3: Int

        /// Frames until the first of the 4 lines wraps, at most `limit`.
        func run(limit: Int) -> Int { min(limit, n0 - p0, n1 - p1, n2 - p2, n3 - p3) }

        mutating func advance(_ frames: Int) {
            p0 += frames; if p0 == n0 { p0 = 0 }
            p1 += frames; if p1 == n1 { p1 = 0 }
            p2 += frames; if p2 == n2 { p2 = 0 }
            p3 += frames; if p3 == n3 { p3 = 0 }
        }
    }

    private func cursor(quad: Int) -> QuadCursor {
        let l = 4 * quad
        return QuadCursor(p0: positions[l], p1: positions[l + 1], p2: positions[l + 2], p3: positions[l + 3],
                          n0: lengths[l], n1: lengths[l + 1], n2: lengths[l + 2], n3: lengths[l + 3])
    }

    /// The 4 lines' current slots.
    @inline(__always) private func slots(_ c: QuadCursor, quad: Int)
        -> (UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>) {
        let l = 4 * quad
        return (delay + starts[l] + c.p0, delay + starts[l + 1] + c.p1, delay + starts[l + 2] + c.p2, delay + starts[l + 3] + c.p3)
    }

    /// Pass 1: the quad's comb outputs (guarded reads) added in line order to `output` (to 0 when not
    /// `adding`), and output × damp2 kept per frame for the damping filters. Positions do not move.
    private func readCombs(quad: Int, into output: UnsafeMutablePointer<Float>, adding: Bool, count: Int) {
        var c = cursor(quad: quad)
        let rows = damped + quad * Self.block
        var done = 0
        while done < count {
            let run = c.run(limit: count - done)
            let (p0, p1, p2, p3) = slots(c, quad: quad)
            let out = output + done, row = rows + done
            var i = 0
            while i + 4 <= run {
                let r0 = Self.guarded(Self.load(p0 + i)), r1 = Self.guarded(Self.load(p1 + i))
                let r2 = Self.guarded(Self.load(p2 + i)), r3 = Self.guarded(Self.load(p3 + i))
                let sum = adding ? Self.load(out + i) : SIMD4(repeating: 0)
                Self.store(sum + r0 + r1 + r2 + r3, out + i)
                let a = Self.transposed(r0 * damp2, r1 * damp2, r2 * damp2, r3 * damp2)
                row[i] = a.0; row[i + 1] = a.1; row[i + 2] = a.2; row[i + 3] = a.3
                i += 4
            }
            while i < run {
                let r = Self.guarded(SIMD4(p0[i], p1[i], p2[i], p3[i]))
                var sum: Float = adding ? out[i] : 0
                sum += r[0]; sum += r[1]; sum += r[2]; sum += r[3]
                out[i] = sum
                row[i] = r * damp2
                i += 1
            }
            c.advance(run)
            done += run
        }
    }

    /// Pass 2: store = guard(output × damp2 + store × damp1), frame by frame, the 4 quads side by side;
    /// each row of `damped` (output × damp2) becomes the new store.
    struct DampingChain: AmsynthSerialChain {
        fileprivate(set) var s0: SIMD4<Float>, s1: SIMD4<Float>, s2: SIMD4<Float>, s3: SIMD4<Float>
        let r0: UnsafeMutablePointer<SIMD4<Float>>, r1: UnsafeMutablePointer<SIMD4<Float>>
        let r2: UnsafeMutablePointer<SIMD4<Float>>, r3: UnsafeMutablePointer<SIMD4<Float>>
        let damp1: Float

        @inline(__always) mutating func step(_ t: Int) {
            s0 = AmsynthReverb.guarded(r0[t] + s0 * damp1); r0[t] = s0
            s1 = AmsynthReverb.guarded(r1[t] + s1 * damp1); r1[t] = s1
            s2 = AmsynthReverb.guarded(r2[t] + s2 * damp1); r2[t] = s2
            s3 = AmsynthReverb.guarded(r3[t] + s3 * damp1); r3[t] = s3
        }
    }

    /// Pass 3: each slot read in pass 1 gets input + store × feedback; the positions move on.
    private func writeCombs(quad: Int, count: Int) {
        var c = cursor(quad: quad)
        let rows = damped + quad * Self.block
        var done = 0
        while done < count {
            let run = c.run(limit: count - done)
            let (p0, p1, p2, p3) = slots(c, quad: quad)
            let x = input + done, row = rows + done
            var i = 0
            while i + 4 <= run {
                let v = Self.load(x + i)
                let w = Self.transposed(row[i], row[i + 1], row[i + 2], row[i + 3])
                Self.store(v + w.0 * feedback, p0 + i)
                Self.store(v + w.1 * feedback, p1 + i)
                Self.store(v + w.2 * feedback, p2 + i)
                Self.store(v + w.3 * feedback, p3 + i)
                i += 4
            }
            while i < run {
                let w = x[i] + row[i] * feedback
                p0[i] = w[0]; p1[i] = w[1]; p2[i] = w[2]; p3[i] = w[3]
                i += 1
            }
            c.advance(run)
            done += run
        }
        let l = 4 * quad
        positions[l] = c.p0; positions[l + 1] = c.p1; positions[l + 2] = c.p2; positions[l + 3] = c.p3
    }

    /// Rows to columns: element j of result k is element k of argument j.
    @inline(__always) private static func transposed(_ a: SIMD4<Float>, _ b: SIMD4<Float>, _ c: SIMD4<Float>, _ d: SIMD4<Float>)
        -> (SIMD4<Float>, SIMD4<Float>, SIMD4<Float>, SIMD4<Float>) {
        let ab01 = SIMD4(a[0], b[0], a[1], b[1]), cd01 = SIMD4(c[0], d[0], c[1], d[1])
        let ab23 = SIMD4(a[2], b[2], a[3], b[3]), cd23 = SIMD4(c[2], d[2], c[3], d[3])
        return (SIMD4(ab01[0], ab01[1], cd01[0], cd01[1]), SIMD4(ab01[2], ab01[3], cd01[2], cd01[3]),
                SIMD4(ab23[0], ab23[1], cd23[0], cd23[1]), SIMD4(ab23[2], ab23[3], cd23[2], cd23[3]))
    }

    /// amsynth's denormal guard on 4 values: below FLT_MIN (negatives too) becomes 0.
    @inline(__always) fileprivate static func guarded(_ v: SIMD4<Float>) -> SIMD4<Float> {
        v.replacing(with: 0, where: v .< .leastNormalMagnitude)
    }

    @inline(__always) private static func load(_ p: UnsafeMutablePointer<Float>) -> SIMD4<Float> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD4<Float>.self)
    }

    @inline(__always) private static func store(_ v: SIMD4<Float>, _ p: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD4<Float>.self)
    }

    /// All-pass line `line` over `count` frames of `buffer`, in place.
    private func allpass(_ line: Int, _ buffer: UnsafeMutablePointer<Float>, count: Int) {
        var done = 0
        while done < count {
            let position = positions[line]
            let run = min(count - done, lengths[line] - position)
            let slots = delay + starts[line] + position, x = buffer + done
            for i in 0..<run {
                let input = x[i]
                var delayed = slots[i]
                if delayed < .leastNormalMagnitude { delayed = 0 }
                slots[i] = input + delayed * 0.5
                x[i] = -input + delayed
            }
            positions[line] = position + run == lengths[line] ? 0 : position + run
            done += run
        }
    }
}
