// "Audible", defined once. Every stage that asks whether a render is a sound (the embedding, the map,
// coverage, occupancy, rankings, the report and explore) calls this rule and nothing else.
//
// The rule: a render is audible when its short-term level reaches -50 dBFS.
//   - What is measured: the probe note as rendered (one note held for the hold time, then the tail), mono
//     mix, from note-on to the end of the render, so a sound that only starts at note-off still counts.
//   - Short-term level: the RMS over 400 ms windows (the EBU R 128 momentary-loudness window, without its
//     K-weighting) every 100 ms, after removing each window's mean (a constant offset is not sound); the
//     level is the loudest window's, in dBFS (a full-scale sine reads -3 dB). A render shorter than one
//     window is measured whole.
//   - Why short-term and not the whole render's RMS: the whole-render figure depends on the hold and tail
//     lengths; a 50 ms click at -20 dBFS reads -39 dBFS in a 4 s render but is plainly heard.
//   - Why -50 dBFS: at a typical listening level (full scale near 90-100 dB SPL) that is 40-50 dB SPL,
//     quieter than speech, and it leaves out the renders that 75 % of uniform random DX7 settings give
//     (operators at levels that produce little more than rounding noise).
// Inaudible renders are kept in the atlas (rendered, counted, reported) but never embedded as sounds.
import Foundation

public enum Audibility {
    /// The short-term window, seconds.
    public static let windowSeconds = 0.4
    /// The step between windows, seconds.
    public static let hopSeconds = 0.1
    /// Audible at or above this short-term level, dBFS.
    public static let thresholdDecibels = -50.0
    /// The level of digital silence.
    public static let floorDecibels = -120.0

    /// The rule in words, for reports and help texts.
    public static let summary = "audible: the loudest 400 ms of the note reach -50 dBFS RMS"

    /// Whether a render whose short-term level is `levelDecibels` is audible.
    public static func isAudible(levelDecibels: Double) -> Bool { levelDecibels >= thresholdDecibels }

    /// Whether mono `samples` at `sampleRateHz` are audible.
    public static func isAudible(_ samples: [Float], sampleRateHz: Double) -> Bool {
        isAudible(levelDecibels: levelDecibels(samples, sampleRateHz: sampleRateHz))
    }

    /// The loudest short-term level of mono `samples` at `sampleRateHz`, dBFS (floor -120).
    /// O(n) without allocating per sample: each sample is summed once, into the segment between two
    /// consecutive window edges, and each window adds up its segments. (Prefix sums over the whole render,
    /// two arrays of n Doubles, cost a sixth of the embedding's time in allocation and page faults.)
    public static func levelDecibels(_ samples: [Float], sampleRateHz: Double) -> Double {
        guard !samples.isEmpty, sampleRateHz > 0 else { return floorDecibels }
        let window = max(1, min(samples.count, Int(windowSeconds * sampleRateHz)))
        let hop = max(1, Int(hopSeconds * sampleRateHz))
        // Every window is whole: the last one ends at the last sample.
        let starts = Array(stride(from: 0, to: samples.count - window, by: hop)) + [samples.count - window]
        let edges = Set(starts + starts.map { $0 + window }).sorted()
        let segments = samples.withUnsafeBufferPointer { x in
            (0..<(edges.count - 1)).map { sumAndSquares(x, edges[$0]..<edges[$0 + 1]) }
        }
        let edgeIndex = Dictionary(uniqueKeysWithValues: edges.enumerated().map { ($1, $0) })
        var loudest = 0.0
        for start in starts {
            guard let first = edgeIndex[start], let end = edgeIndex[start + window] else { continue }
            var sum = 0.0, squares = 0.0
            for segment in segments[first..<end] {
                sum += segment.sum
                squares += segment.squares
            }
            let n = Double(window)
            let mean = sum / n
            loudest = max(loudest, squares / n - mean * mean)
        }
        return max(floorDecibels, 10 * log10(max(loudest, 1e-30)))
    }

    /// The sum and the sum of squares of `x[range]`, in Double, over four independent accumulators so the
    /// additions do not wait on each other.
    private static func sumAndSquares(_ x: UnsafeBufferPointer<Float>, _ range: Range<Int>) -> (sum: Double, squares: Double) {
        var sum = SIMD4<Double>(), squares = SIMD4<Double>()
        var i = range.lowerBound
        while i + 4 <= range.upperBound {
            let v = SIMD4<Double>(Double(x[i]), Double(x[i + 1]), Double(x[i + 2]), Double(x[i + 3]))
            sum += v
            squares += v * v
            i += 4
        }
        var tailSum = 0.0, tailSquares = 0.0
        while i < range.upperBound {
            let v = Double(x[i])
            tailSum += v
            tailSquares += v * v
            i += 1
        }
        return (sum.sum() + tailSum, squares.sum() + tailSquares)
    }
}
