// Per-frame spectral descriptors from a magnitude spectrum, as librosa.feature computes them from S=|X|:
// spectral_centroid, spectral_bandwidth (p=2), spectral_flatness (power=2, amin=1e-10),
// spectral_rolloff (roll_percent=0.85) and rms (from S, frame_length=n_fft). Sources: librosa 0.11
// librosa/feature/spectral.py; each function below names the formula it follows.
import Foundation

public enum SpectralDescriptors {
    /// Spectral centroid in Hz: sum_k f_k S_k / sum_k S_k. librosa normalises with util.normalize(norm=1),
    /// which leaves an all-zero frame as it is, giving 0 Hz.
    @inline(__always)
    public static func centroidHz(_ magnitude: UnsafeBufferPointer<Float>, frequenciesHz: UnsafeBufferPointer<Float>) -> Float {
        var weighted: Double = 0, total: Double = 0
        for k in 0..<magnitude.count {
            weighted += Double(frequenciesHz[k]) * Double(magnitude[k])
            total += Double(magnitude[k])
        }
        return total > Double(Float.leastNormalMagnitude) ? Float(weighted / total) : 0
    }

    /// Spectral bandwidth (p = 2) in Hz: sqrt(sum_k S_k/sum S * (f_k - centroid)^2).
    @inline(__always)
    public static func bandwidthHz(_ magnitude: UnsafeBufferPointer<Float>, frequenciesHz: UnsafeBufferPointer<Float>, centroidHz: Float) -> Float {
        var total: Double = 0, spread: Double = 0
        for k in 0..<magnitude.count { total += Double(magnitude[k]) }
        let norm = total > Double(Float.leastNormalMagnitude) ? 1 / total : 1
        for k in 0..<magnitude.count {
            let deviation = Double(frequenciesHz[k]) - Double(centroidHz)
            spread += Double(magnitude[k]) * norm * deviation * deviation
        }
        return Float(spread.squareRoot())
    }

    /// Spectral flatness (Wiener entropy) in [0, 1]: geometric mean / arithmetic mean of max(amin, S^2).
    @inline(__always)
    public static func flatness(_ magnitude: UnsafeBufferPointer<Float>, amin: Float = 1e-10) -> Float {
        var logSum: Double = 0, sum: Double = 0
        for k in 0..<magnitude.count {
            let p = max(amin, magnitude[k] * magnitude[k])
            logSum += Double(log(p))
            sum += Double(p)
        }
        let n = Double(magnitude.count)
        return Float(exp(logSum / n) / (sum / n))
    }

    /// Roll-off frequency in Hz: the lowest bin frequency where the cumulative magnitude reaches
    /// `rollPercent` of the total (librosa: first f_k with cumsum_k >= roll_percent * total).
    @inline(__always)
    public static func rolloffHz(_ magnitude: UnsafeBufferPointer<Float>, frequenciesHz: UnsafeBufferPointer<Float>, rollPercent: Float = 0.85) -> Float {
        // librosa sums in float32 (np.cumsum of the float32 spectrogram); summing the same way keeps the
        // threshold crossing on the same bin when it falls close to a boundary.
        var total: Float = 0
        for k in 0..<magnitude.count { total += magnitude[k] }
        let threshold = rollPercent * total
        var cumulative: Float = 0
        for k in 0..<magnitude.count {
            cumulative += magnitude[k]
            if cumulative >= threshold { return frequenciesHz[k] }
        }
        return frequenciesHz[magnitude.count - 1]
    }

    /// RMS from a magnitude spectrum of an `nFFT`-point frame (librosa.feature.rms(S=)): Parseval with
    /// the DC and Nyquist bins counted once: sqrt(2 * sum_k w_k S_k^2 / n_fft^2), w = 1/2 at DC and Nyquist.
    @inline(__always)
    public static func rms(_ magnitude: UnsafeBufferPointer<Float>, nFFT: Int) -> Float {
        var sum: Double = 0
        for k in 0..<magnitude.count { sum += Double(magnitude[k]) * Double(magnitude[k]) }
        sum -= 0.5 * Double(magnitude[0]) * Double(magnitude[0])
        if nFFT % 2 == 0 { let last = Double(magnitude[magnitude.count - 1]); sum -= 0.5 * last * last }
        return Float((2 * sum / Double(nFFT * nFFT)).squareRoot())
    }
}

/// librosa.feature.zero_crossing_rate(y, frame_length=, hop_length=, center=True): frames centred by
/// padding with the edge samples (mode='edge'), values with |x| <= 1e-10 counted as positive zero, and the
/// rate = sign changes between neighbours within the frame / frame_length.
public enum ZeroCrossingRate {
    public static func rate(_ signal: [Float], frameLength: Int = 2048, hopLength: Int = 512) -> [Float] {
        let frames = 1 + signal.count / hopLength
        guard !signal.isEmpty else { return [Float](repeating: 0, count: frames) }
        // sign[i] = true for negative samples of the edge-padded signal.
        let half = frameLength / 2
        let threshold: Float = 1e-10
        let first = signal[0], last = signal[signal.count - 1]
        func isNegative(_ x: Float) -> Bool { abs(x) > threshold && x < 0 }
        var negative = [Bool](repeating: false, count: signal.count + 2 * half)
        for i in 0..<negative.count {
            let j = i - half
            let x = j < 0 ? first : (j >= signal.count ? last : signal[j])
            negative[i] = isNegative(x)
        }
        // crossings[i] = sign change between i-1 and i; prefix sums make each frame O(1).
        var prefix = [Int](repeating: 0, count: negative.count + 1)
        for i in 1..<negative.count { prefix[i + 1] = prefix[i] + (negative[i] != negative[i - 1] ? 1 : 0) }
        var out = [Float](repeating: 0, count: frames)
        for t in 0..<frames {
            let start = t * hopLength
            let end = min(start + frameLength, negative.count)
            // Crossings strictly inside the frame: positions start+1 ..< end.
            let count = end > start + 1 ? prefix[end] - prefix[start + 1] : 0
            out[t] = Float(count) / Float(frameLength)
        }
        return out
    }
}
