// The block-wise amsynth reverb against a plain per-sample freeverb written from the fixture README's
// description (8 combs and 4 all-passes per side, stereo spread 23, input (L + R) × 0.015, amsynth's
// `if (s < FLT_MIN) s = 0` guard, wet and dry gains smoothed from 0, mixed in place): both must give
// the same bits, whatever the block sizes the host uses.
import Testing
@testable import Synthesis

@Suite struct AmsynthReverbTests {
    /// Freeverb one sample at a time, amsynth's way, at 44.1 kHz.
    struct PlainFreeverb {
        var combs: [[Float]], combPositions: [Int], combStores: [Float]
        var allpasses: [[Float]], allpassPositions: [Int]
        let feedback: Float, damp1: Float, damp2: Float, wet1: Float, wet2: Float, dry: Float
        var dryZ: Float = 0, wet1Z: Float = 0, wet2Z: Float = 0

        init(roomSize: Float, damp: Float, wet: Float, width: Float) {
            let combLengths = [1116, 1188, 1277, 1356, 1422, 1491, 1557, 1617]
            let allpassLengths = [556, 441, 341, 225]
            // Lengths scaled to the sample rate in float, as amsynth does: 1557 × 44,100 rounds down
            // in float, so that comb is 1556 long even at 44.1 kHz.
            func scaled(_ n: Int) -> Int { Int(Float(n * 44_100) / 44_100) }
            combs = (combLengths + combLengths.map { $0 + 23 }).map { [Float](repeating: 0, count: scaled($0)) }
            allpasses = (allpassLengths + allpassLengths.map { $0 + 23 }).map { [Float](repeating: 0, count: scaled($0)) }
            combPositions = Array(repeating: 0, count: 16); combStores = Array(repeating: 0, count: 16)
            allpassPositions = Array(repeating: 0, count: 8)
            feedback = roomSize * 0.28 + 0.7
            damp1 = damp * 0.4; damp2 = 1 - damp1
            wet1 = wet * (width / 2 + 0.5); wet2 = wet * ((1 - width) / 2); dry = 1 - wet
        }

        static func guarded(_ x: Float) -> Float { x < Float.leastNormalMagnitude ? 0 : x }

        mutating func comb(_ c: Int, _ input: Float) -> Float {
            let output = Self.guarded(combs[c][combPositions[c]])
            combStores[c] = Self.guarded(output * damp2 + combStores[c] * damp1)
            combs[c][combPositions[c]] = input + combStores[c] * feedback
            combPositions[c] = (combPositions[c] + 1) % combs[c].count
            return output
        }

        mutating func allpass(_ a: Int, _ input: Float) -> Float {
            let delayed = Self.guarded(allpasses[a][allpassPositions[a]])
            allpasses[a][allpassPositions[a]] = input + delayed * 0.5
            allpassPositions[a] = (allpassPositions[a] + 1) % allpasses[a].count
            return -input + delayed
        }

        mutating func process(_ left: inout Float, _ right: inout Float) {
            let input = (left + right) * 0.015
            var outL: Float = 0, outR: Float = 0
            for c in 0..<8 { outL += comb(c, input); outR += comb(c + 8, input) }
            for a in 0..<4 { outL = allpass(a, outL); outR = allpass(a + 4, outR) }
            dryZ += (dry - dryZ) * 0.005; wet1Z += (wet1 - wet1Z) * 0.005; wet2Z += (wet2 - wet2Z) * 0.005
            let l = left, r = right
            left = l + (outL * wet1Z + outR * wet2Z + l * dryZ)
            right = r + (outR * wet1Z + outL * wet2Z + r * dryZ)
        }
    }

    /// A decaying noise burst with silence after it (negative values and denormal-size tails included).
    static func signal(frames: Int, seed: UInt64) -> ([Float], [Float]) {
        var state = seed
        func next() -> Float {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Float(Int64(bitPattern: state) >> 40) / Float(1 << 23)
        }
        var left = [Float](repeating: 0, count: frames), right = left
        for i in 0..<frames / 3 {
            let envelope = Float(frames / 3 - i) / Float(frames / 3)
            left[i] = next() * envelope; right[i] = next() * envelope * 0.5
        }
        return (left, right)
    }

    @Test(arguments: [(Float(0.9), Float(0.88), Float(0.3), Float(1)), (0.2, 0, 1, 0.4), (0.5, 1, 0.7, 0),
                      // Wet 0: the reverb skips its delay lines; the plain freeverb still runs them.
                      (0.7, 0.5, 0, 1)])
    func blockWiseEqualsPerSampleFreeverb(room: Float, damp: Float, wet: Float, width: Float) {
        let frames = 20_000
        var (left, right) = Self.signal(frames: frames, seed: 16)
        var expectedLeft = left, expectedRight = right
        var plain = PlainFreeverb(roomSize: room, damp: damp, wet: wet, width: width)
        for i in 0..<frames { plain.process(&expectedLeft[i], &expectedRight[i]) }

        let reverb = AmsynthReverb(sampleRate: 44_100, roomSize: room, damp: damp, wet: wet, width: width)
        // Host blocks of uneven sizes (64 as amsynth's, 1, 3 and 200), so runs end before, at and
        // after the delay lines' wraps and the 4-frame vectors have leftovers.
        let sizes = [64, 1, 3, 200, 64, 37]
        var frame = 0, k = 0
        left.withUnsafeMutableBufferPointer { l in
            right.withUnsafeMutableBufferPointer { r in
                while frame < frames {
                    let n = min(sizes[k % sizes.count], frames - frame)
                    reverb.process(left: l.baseAddress! + frame, right: r.baseAddress! + frame, count: n)
                    frame += n; k += 1
                }
            }
        }
        let differing = (0..<frames).filter { left[$0].bitPattern != expectedLeft[$0].bitPattern
            || right[$0].bitPattern != expectedRight[$0].bitPattern }
        #expect(differing.isEmpty, "\(differing.count) frames differ, first at \(differing.first ?? -1)")
        if wet > 0 {
            #expect(expectedLeft[frames / 2] != 0, "the tail rings on after the burst")
        } else {
            #expect(expectedLeft[frames / 2] == 0 && expectedLeft[frames / 4] != 0, "dry only: silent after the burst")
        }
    }
}
