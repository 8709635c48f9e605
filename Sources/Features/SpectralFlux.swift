// Spectral flux per frame, as librosa's default onset strength computes it from log-mel power.
import Foundation

/// Spectral flux as librosa.onset.onset_strength computes it by default: log-mel power in dB floored at
/// 80 dB below the clip's maximum (power_to_db(ref=np.max, top_db=80), so bands at the noise floor do not
/// flicker), then the mean over mel bands of the positive frame-to-frame increase, one value per frame
/// (the first is 0).
public enum SpectralFlux {
    /// - Parameters: logMel [frames x nMels] frame-major, dB.
    public static func positiveLogMelFlux(_ logMel: [Float], frames: Int, nMels: Int) -> [Float] {
        var out = [Float](repeating: 0, count: frames)
        guard frames > 1, nMels > 0 else { return out }
        let floorDB = (logMel.max() ?? 0) - 80
        logMel.withUnsafeBufferPointer { s in
            for t in 1..<frames {
                var sum: Float = 0
                let row = t * nMels, previous = (t - 1) * nMels
                for m in 0..<nMels { sum += max(0, max(s[row + m], floorDB) - max(s[previous + m], floorDB)) }
                out[t] = sum / Float(nMels)
            }
        }
        return out
    }
}
