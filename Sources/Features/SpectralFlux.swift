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
            let raw = UnsafeRawPointer(s.baseAddress!)
            let floor8 = SIMD8<Float>(repeating: floorDB)
            for t in 1..<frames {
                let row = t * nMels, previous = (t - 1) * nMels
                // Eight bands at a time in vector lanes, summed across lanes at the end: the one-band-at-a-time
                // sum branched on the sign of every increase (about 2 % of an embedding in mispredictions).
                var lanes = SIMD8<Float>()
                var m = 0
                while m + 8 <= nMels {
                    let now = raw.loadUnaligned(fromByteOffset: 4 * (row + m), as: SIMD8<Float>.self)
                    let before = raw.loadUnaligned(fromByteOffset: 4 * (previous + m), as: SIMD8<Float>.self)
                    let increase = now.replacing(with: floor8, where: now .< floor8) - before.replacing(with: floor8, where: before .< floor8)
                    lanes += increase.replacing(with: 0, where: increase .< 0)
                    m += 8
                }
                var sum = lanes.sum()
                while m < nMels {
                    sum += max(0, max(s[row + m], floorDB) - max(s[previous + m], floorDB))
                    m += 1
                }
                out[t] = sum / Float(nMels)
            }
        }
        return out
    }
}
