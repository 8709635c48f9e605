// YIN's correlation sized to the lags it reads, and its shortcut for digital silence.
import Foundation
import Testing
@testable import Features

@Suite struct YINCorrelationTests {
    /// Σ_j a[j] b[j + τ] summed directly, in Double.
    func directCorrelation(_ a: [Float], _ b: [Float], lags: Int) -> [Double] {
        (0..<lags).map { lag in
            var sum = 0.0
            for j in a.indices where j + lag < b.count { sum += Double(a[j]) * Double(b[j + lag]) }
            return sum
        }
    }

    @Test(arguments: [(96, 129, 81), (1024, 2128, 1104)])
    func correlationAtTheSmallestSizeWithoutWrapAround(windowLength: Int, segmentLength: Int, lags: Int) throws {
        // a.count + lags - 1 = size: the largest lag's last product is the last point before the wrap.
        let segment = Synthetic.noise(seconds: Double(segmentLength) / Synthetic.sr, seed: 11)
        let window = Array(segment[0..<windowLength])
        let correlator = try FFTCorrelator(size: max(windowLength + lags - 1, segment.count))
        var out = [Float](repeating: .nan, count: lags)
        try window.withUnsafeBufferPointer { a in
            try segment.withUnsafeBufferPointer { b in
                try out.withUnsafeMutableBufferPointer { try correlator.correlate(a, b, into: $0) }
            }
        }
        let expected = directCorrelation(window, segment, lags: lags)
        let scale = expected.map(abs).max()!
        for lag in 0..<lags {
            #expect(abs(Double(out[lag]) - expected[lag]) <= 1e-5 * scale, "lag \(lag): \(out[lag]) against \(expected[lag])")
        }
    }

    @Test func quickSizesAreTheNextOfTwoToTheKThreeOrNineTimesIt() {
        let cases = [(2, 2), (5, 6), (17, 18), (1025, 1152), (2128, 2304), (2305, 3072), (3000, 3072), (4096, 4096)]
        for (minimum, expected) in cases {
            #expect(PitchYIN.quickFFTSize(atLeast: minimum) == expected, "at least \(minimum)")
        }
    }

    @Test func digitalSilenceIsUnvoicedWithNoPeriodicity() throws {
        // A tone, then silence: the silent frames are unvoiced with periodicity 0, sounding ones are not.
        let sr = Synthetic.sr
        let tone = Synthetic.tone(seconds: 0.3, partials: Synthetic.harmonics(220, count: 5))
        let signal = tone + [Float](repeating: 0, count: 22_050) + [Float](repeating: -0.0, count: 4096)
        let yin = try PitchYIN(sr: sr, windowLength: 1024, hopLength: 2048)
        let frames = try yin.track(signal)
        // Frames 0...4 read samples 0..<10,320, all within the tone's 13,230.
        for t in 0...4 { #expect(frames[t].f0Hz.map { abs($0 - 220) < 2 } == true, "frame \(t): \(frames[t])") }
        let silent = frames.indices.filter { $0 * 2048 >= tone.count }
        #expect(silent.count >= 8)
        for t in silent { #expect(frames[t] == PitchFrame(f0Hz: nil, periodicity: 0), "frame \(t)") }
    }
}
