// The mel filterbank of librosa.filters.mel with its defaults: Slaney's mel scale (linear below 1 kHz,
// logarithmic above; htk=False) and Slaney area normalisation (norm='slaney': each triangle scaled by
// 2 / its width in Hz, so filters have equal area). Weights are computed in Double and rounded to Float,
// as librosa computes them in float64 and casts to float32.
import Foundation

/// Triangular mel filters over the bins of an `n_fft` spectrum; stored sparsely (each filter's first bin
/// and its non-zero weights), so applying it costs O(non-zero weights) per frame, not O(n_mels * bins).
public struct MelFilterbank: Sendable {
    public let nMels: Int
    public let binCount: Int
    /// For filter m: the first bin with a non-zero weight.
    public let firstBin: [Int]
    /// For filter m: its weights from `firstBin[m]` on.
    public let weights: [[Float]]

    /// - Parameters: sr sample rate in Hz, nFFT FFT size, nMels filter count, fminHz/fmaxHz band edges
    ///   (fmax nil = sr / 2), as librosa.filters.mel(sr=, n_fft=, n_mels=, fmin=, fmax=).
    /// - Throws: `FeatureSettingsError` unless sr > 0, nFFT >= 2, nMels >= 1 and 0 <= fminHz < fmaxHz (finite).
    public init(sr: Double, nFFT: Int, nMels: Int = 128, fminHz: Double = 0, fmaxHz: Double? = nil) throws {
        try FeatureSettingsError.checkSampleRate(sr)
        try FeatureSettingsError.checkFFTSize(nFFT, of: "mel filterbank FFT")
        let fmax = fmaxHz ?? sr / 2
        guard nMels >= 1, fminHz.isFinite, fmax.isFinite, fminHz >= 0, fmax > fminHz else {
            throw FeatureSettingsError("mel filterbank n_mels \(nMels), fmin \(fminHz) Hz, fmax \(fmax) Hz: needs n_mels >= 1 and 0 <= fmin < fmax")
        }
        self.nMels = nMels
        binCount = nFFT / 2 + 1
        let binHz = (0..<binCount).map { Double($0) * sr / Double(nFFT) }
        let melLow = MelFilterbank.hzToMel(fminHz), melHigh = MelFilterbank.hzToMel(fmax)
        // n_mels + 2 points equally spaced in mel: filter m rises from edge m to m+1 and falls to m+2.
        let edgesHz = (0..<(nMels + 2)).map { i in
            MelFilterbank.melToHz(melLow + (melHigh - melLow) * Double(i) / Double(nMels + 1))
        }
        var firstBin: [Int] = [], weights: [[Float]] = []
        for m in 0..<nMels {
            let lower = edgesHz[m], centre = edgesHz[m + 1], upper = edgesHz[m + 2]
            let areaNorm = 2 / (upper - lower)
            var row: [Float] = [], start = -1
            for k in 0..<binCount {
                let rising = (binHz[k] - lower) / (centre - lower)
                let falling = (upper - binHz[k]) / (upper - centre)
                let w = max(0, min(rising, falling)) * areaNorm
                if w > 0 {
                    if start < 0 { start = k }
                    // Pad interior zeros (cannot happen for a triangle, kept for safety).
                    while start + row.count < k { row.append(0) }
                    row.append(Float(w))
                }
            }
            firstBin.append(max(start, 0))
            weights.append(row)
        }
        self.firstBin = firstBin
        self.weights = weights
    }

    /// Slaney's mel scale (Auditory Toolbox; librosa.hz_to_mel, htk=False): 3 mels per 200 Hz below
    /// 1 kHz, then log-spaced with 27 mels per factor 6.4.
    public static func hzToMel(_ hz: Double) -> Double {
        let linearHzPerMel = 200.0 / 3, breakHz = 1000.0, breakMel = breakHz / linearHzPerMel
        let logStep = log(6.4) / 27
        return hz >= breakHz ? breakMel + log(hz / breakHz) / logStep : hz / linearHzPerMel
    }

    public static func melToHz(_ mel: Double) -> Double {
        let linearHzPerMel = 200.0 / 3, breakHz = 1000.0, breakMel = breakHz / linearHzPerMel
        let logStep = log(6.4) / 27
        return mel >= breakMel ? breakHz * exp(logStep * (mel - breakMel)) : mel * linearHzPerMel
    }

    /// Mel energies of one spectrum frame (binCount values) into `out` (nMels values). No allocation.
    /// A shorter spectrum counts as zeros past its end; a shorter `out` gets the first bands.
    @inline(__always)
    public func apply(_ spectrum: UnsafeBufferPointer<Float>, into out: UnsafeMutableBufferPointer<Float>) {
        for m in 0..<min(nMels, out.count) {
            let start = firstBin[m]
            out[m] = weights[m].withUnsafeBufferPointer { w in
                dotProduct(w, UnsafeBufferPointer(rebasing: spectrum[min(spectrum.count, start)..<min(spectrum.count, start + w.count)]))
            }
        }
    }

    /// The mel spectrogram of a power spectrogram: [frames x nMels], frame-major.
    /// - Throws: `FeatureSettingsError` when the spectrogram's bins are not this filterbank's.
    public func apply(_ spectrogram: Spectrogram) throws -> [Float] {
        guard spectrogram.binCount == binCount else {
            throw FeatureSettingsError("mel filterbank for \(binCount) bins given a spectrogram of \(spectrogram.binCount)")
        }
        var out = [Float](repeating: 0, count: spectrogram.frameCount * nMels)
        spectrogram.values.withUnsafeBufferPointer { s in
            out.withUnsafeMutableBufferPointer { o in
                for t in 0..<spectrogram.frameCount {
                    apply(UnsafeBufferPointer(rebasing: s[(t * binCount)..<((t + 1) * binCount)]),
                          into: UnsafeMutableBufferPointer(rebasing: o[(t * nMels)..<((t + 1) * nMels)]))
                }
            }
        }
        return out
    }
}
