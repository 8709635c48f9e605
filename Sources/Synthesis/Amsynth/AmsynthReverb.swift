// amsynth's reverb: Jezar's Freeverb as amsynth ships it (scalewet = scaledry = 1), mixed in place, with
// wet and dry gains smoothed from 0, and amsynth's denormal guard `if (s < FLT_MIN) s = 0`, which also
// zeroes every negative value read from the comb and all-pass buffers: the reverb is half-wave
// rectified inside (the fixture README measured this to 1e-7).

final class AmsynthReverb {
    private static let combTunings = [1116, 1188, 1277, 1356, 1422, 1491, 1557, 1617]
    private static let allpassTunings = [556, 441, 341, 225]
    private static let stereoSpread = 23
    private static let fixedGain: Float = 0.015
    /// 8 combs per side, then 4 all-passes per side.
    private static let lineCount = 24

    // All state lives in memory this object owns, reached through `let` pointers, so the per-sample
    // loop pays no exclusivity checks.
    private let delay: UnsafeMutablePointer<Float>
    private let starts: UnsafeMutablePointer<Int>
    private let lengths: UnsafeMutablePointer<Int>
    private let positions: UnsafeMutablePointer<Int>
    private let combStore: UnsafeMutablePointer<Float>
    /// dry, wet1, wet2 as smoothed so far.
    private let gains: UnsafeMutablePointer<Float>

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
        combStore = .allocate(capacity: 16); combStore.initialize(repeating: 0, count: 16)
        gains = .allocate(capacity: 3); gains.initialize(repeating: 0, count: 3)
        feedback = roomSize * 0.28 + 0.7
        damp1 = damp * 0.4
        damp2 = 1 - damp1
        wet1 = wet * (width / 2 + 0.5)
        wet2 = wet * ((1 - width) / 2)
        dry = 1 - wet
    }

    deinit {
        delay.deallocate(); starts.deallocate(); lengths.deallocate(); positions.deallocate()
        combStore.deallocate(); gains.deallocate()
    }

    /// Processes `count` frames in place: out = in + (wet reverb + dry × in).
    func process(left: UnsafeMutablePointer<Float>, right: UnsafeMutablePointer<Float>, count: Int) {
        var dryZ = gains[0], wet1Z = gains[1], wet2Z = gains[2]
        defer { gains[0] = dryZ; gains[1] = wet1Z; gains[2] = wet2Z }
        if wet1 == 0 && wet2 == 0 {
            // The wet path is exactly 0 (its gains stay 0): only the dry gain moves.
            for i in 0..<count {
                dryZ += (dry - dryZ) * 0.005
                left[i] = left[i] + left[i] * dryZ
                right[i] = right[i] + right[i] * dryZ
            }
            return
        }
        for i in 0..<count {
            let input = (left[i] + right[i]) * Self.fixedGain
            var outL: Float = 0, outR: Float = 0
            for c in 0..<8 {
                outL += comb(c, input)
                outR += comb(c + 8, input)
            }
            for a in 16..<20 {
                outL = allpass(a, outL)
                outR = allpass(a + 4, outR)
            }
            dryZ += (dry - dryZ) * 0.005
            wet1Z += (wet1 - wet1Z) * 0.005
            wet2Z += (wet2 - wet2Z) * 0.005
            left[i] = left[i] + (outL * wet1Z + outR * wet2Z + left[i] * dryZ)
            right[i] = right[i] + (outR * wet1Z + outL * wet2Z + right[i] * dryZ)
        }
    }

    /// The next slot of delay line `line`, advancing its position.
    @inline(__always) private func slot(_ line: Int) -> UnsafeMutablePointer<Float> {
        let position = positions[line]
        positions[line] = position + 1 == lengths[line] ? 0 : position + 1
        return delay + starts[line] + position
    }

    @inline(__always) private func comb(_ c: Int, _ input: Float) -> Float {
        let s = slot(c)
        var output = s.pointee
        if output < .leastNormalMagnitude { output = 0 }
        var store = output * damp2 + combStore[c] * damp1
        if store < .leastNormalMagnitude { store = 0 }
        combStore[c] = store
        s.pointee = input + store * feedback
        return output
    }

    @inline(__always) private func allpass(_ a: Int, _ input: Float) -> Float {
        let s = slot(a)
        var delayed = s.pointee
        if delayed < .leastNormalMagnitude { delayed = 0 }
        s.pointee = input + delayed * 0.5
        return -input + delayed
    }
}
