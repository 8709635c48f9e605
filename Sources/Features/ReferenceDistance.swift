// The fidelity distance between our render and the real tool's render, as defined in
// ../shared/fixtures/lmms-reference/README.md ("How close is close"): mono downmix, aligned at the
// first sample above -50 dB of peak, RMS-normalised, then the mean absolute difference of
// log(|STFT| + 1e-5) over FFT sizes 512, 1024 and 2048 with hop size/4, averaged over the sizes.
// STFT framing follows librosa's defaults (periodic Hann, centred frames, zero padding).
// The README does not say which logarithm: with the natural log, distances between different factory
// presets come out 2.3x the published figures (median 2.55 against 1.21); with log10 they agree
// (all 2,556 LMMS pairs: median 1.08, 10th percentile 0.45; published 1.21 and 0.56), so log10 it is,
// and the issues' goals (median <= 0.15 ...) are read in these units.

import Foundation

public enum ReferenceDistance {
    public static let fftSizes = [512, 1024, 2048]
    /// Onset threshold relative to the peak (-50 dB).
    public static let onsetThreshold: Float = 0.003_162_277_7

    /// The distance between two mono signals at the same sample rate; 0 for identical signals.
    /// Silent input (no sample above the onset threshold) is compared as it is, unaligned.
    /// Complexity: O(n log n) per FFT size, n = the shorter aligned length.
    public static func distance(_ a: [Float], _ b: [Float]) -> Double {
        let x = rmsNormalised(alignedAtOnset(a))
        let y = rmsNormalised(alignedAtOnset(b))
        let length = min(x.count, y.count)
        guard length > 0 else { return x.count == y.count ? 0 : .infinity }
        let xs = Array(x.prefix(length)), ys = Array(y.prefix(length))
        var total = 0.0
        for size in fftSizes { total += meanLogSpectralDifference(xs, ys, fftSize: size) }
        return total / Double(fftSizes.count)
    }

    /// The signal from its first sample whose magnitude exceeds -50 dB of its peak.
    public static func alignedAtOnset(_ signal: [Float]) -> [Float] {
        let peak = signal.reduce(0) { max($0, abs($1)) }
        guard peak > 0, let first = signal.firstIndex(where: { abs($0) > peak * onsetThreshold }) else { return signal }
        return Array(signal[first...])
    }

    static func rmsNormalised(_ signal: [Float]) -> [Float] {
        guard !signal.isEmpty else { return signal }
        let meanSquare = signal.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(signal.count)
        guard meanSquare > 0 else { return signal }
        let scale = Float(1 / meanSquare.squareRoot())
        return signal.map { $0 * scale }
    }

    /// Mean over frames and bins of |log10(|X|+1e-5) - log10(|Y|+1e-5)|, librosa framing (centred, zero-padded).
    static func meanLogSpectralDifference(_ x: [Float], _ y: [Float], fftSize: Int) -> Double {
        let hop = fftSize / 4
        // fftSizes are fixed powers of two, so the transform always exists; a failure would mean "unlike".
        guard let fft = try? RealFFT(size: fftSize) else { return .infinity }
        let window = hannWindow(fftSize)
        let frames = 1 + x.count / hop
        let bins = fft.binCount
        var frameX = [Float](repeating: 0, count: fftSize), frameY = frameX
        var magX = [Float](repeating: 0, count: bins), magY = magX
        var sum = 0.0
        for f in 0..<frames {
            let start = f * hop - fftSize / 2
            fill(&frameX, from: x, start: start, window: window)
            fill(&frameY, from: y, start: start, window: window)
            frameX.withUnsafeBufferPointer { s in magX.withUnsafeMutableBufferPointer { fft.magnitudes(s, into: $0) } }
            frameY.withUnsafeBufferPointer { s in magY.withUnsafeMutableBufferPointer { fft.magnitudes(s, into: $0) } }
            var frameSum: Float = 0
            for k in 0..<bins { frameSum += abs(log10f(magX[k] + 1e-5) - log10f(magY[k] + 1e-5)) }
            sum += Double(frameSum)
        }
        return sum / Double(frames * bins)
    }

    private static func fill(_ frame: inout [Float], from signal: [Float], start: Int, window: [Float]) {
        for i in 0..<frame.count {
            let j = start + i
            frame[i] = (j >= 0 && j < signal.count) ? signal[j] * window[i] : 0
        }
    }
}
