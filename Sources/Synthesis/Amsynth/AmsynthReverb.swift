// amsynth's reverb: Jezar's Freeverb as amsynth ships it (scalewet = scaledry = 1), mixed in place, with
// wet and dry gains smoothed from 0, and amsynth's denormal guard `if (s < FLT_MIN) s = 0`, which also
// zeroes every negative value read from the comb and all-pass buffers: the reverb is half-wave
// rectified inside (the fixture README measured this to 1e-7).

/// A delay line of one comb or all-pass filter.
private struct DelayLine {
    let start: Int
    let length: Int
    var index = 0
}

final class AmsynthReverb {
    private static let combTunings = [1116, 1188, 1277, 1356, 1422, 1491, 1557, 1617]
    private static let allpassTunings = [556, 441, 341, 225]
    private static let stereoSpread = 23
    private static let fixedGain: Float = 0.015

    private var combs: [DelayLine] = []       // 8 left, then 8 right
    private var allpasses: [DelayLine] = []   // 4 left, then 4 right
    private var combStore = [Float](repeating: 0, count: 16)
    private var memory: UnsafeMutablePointer<Float>
    private let memorySize: Int

    private let feedback: Float
    private let damp1: Float
    private let damp2: Float
    private let wet1: Float, wet2: Float, dry: Float
    private var dryZ: Float = 0, wet1Z: Float = 0, wet2Z: Float = 0

    /// Room size, damping, wet and width as stored (0...1); dry = 1 − wet.
    init(sampleRate: Int, roomSize: Float, damp: Float, wet: Float, width: Float) {
        func tuned(_ samples: Int) -> Int { Int(Float(samples * sampleRate) / 44_100) }
        var offset = 0
        for side in 0..<2 {
            for t in Self.combTunings {
                let n = max(1, tuned(t + side * Self.stereoSpread))
                combs.append(DelayLine(start: offset, length: n)); offset += n
            }
        }
        for side in 0..<2 {
            for t in Self.allpassTunings {
                let n = max(1, tuned(t + side * Self.stereoSpread))
                allpasses.append(DelayLine(start: offset, length: n)); offset += n
            }
        }
        memorySize = offset
        memory = .allocate(capacity: offset)
        memory.initialize(repeating: 0, count: offset)
        feedback = roomSize * 0.28 + 0.7
        damp1 = damp * 0.4
        damp2 = 1 - damp1
        wet1 = wet * (width / 2 + 0.5)
        wet2 = wet * ((1 - width) / 2)
        dry = 1 - wet
    }

    deinit { memory.deallocate() }

    /// Whether the wet path contributes (it is exactly 0 when wet = 0, so it can be skipped).
    private var isWet: Bool { wet1 != 0 || wet2 != 0 }

    /// Processes `count` frames in place: out = in + (wet reverb + dry × in).
    func process(left: UnsafeMutablePointer<Float>, right: UnsafeMutablePointer<Float>, count: Int) {
        if !isWet {
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
            for a in 0..<4 {
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

    @inline(__always) private func comb(_ c: Int, _ input: Float) -> Float {
        let line = combs[c]
        let slot = memory + line.start + line.index
        var output = slot.pointee
        if output < .leastNormalMagnitude { output = 0 }
        var store = output * damp2 + combStore[c] * damp1
        if store < .leastNormalMagnitude { store = 0 }
        combStore[c] = store
        slot.pointee = input + store * feedback
        combs[c].index = line.index + 1 == line.length ? 0 : line.index + 1
        return output
    }

    @inline(__always) private func allpass(_ a: Int, _ input: Float) -> Float {
        let line = allpasses[a]
        let slot = memory + line.start + line.index
        var delayed = slot.pointee
        if delayed < .leastNormalMagnitude { delayed = 0 }
        slot.pointee = input + delayed * 0.5
        allpasses[a].index = line.index + 1 == line.length ? 0 : line.index + 1
        return -input + delayed
    }
}
