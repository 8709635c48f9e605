// Fundamental frequency by YIN (de Cheveigné & Kawahara, "YIN, a fundamental frequency estimator for
// speech and music", JASA 2002): difference function (eq. 6) via FFT correlation, cumulative mean
// normalised difference (eq. 8), absolute threshold (step 4), parabolic interpolation (step 5).
import Foundation

/// One YIN estimate per frame.
public struct PitchFrame: Sendable, Equatable {
    /// Estimated f0 in Hz; nil when no dip of the normalised difference falls below the threshold (unvoiced).
    public var f0Hz: Float?
    /// 1 - the normalised difference at the chosen lag, in [0, 1]: 1 for a perfectly periodic frame.
    public var periodicity: Float
}

/// A YIN tracker for a fixed sample rate and search range. Owns its FFT and buffers: one per thread.
public final class PitchYIN: @unchecked Sendable {
    public let sr: Double
    public let fminHz: Double, fmaxHz: Double
    /// Integration window W in samples (the sum of eq. 6 runs over W samples).
    public let windowLength: Int
    /// Samples between frame starts.
    public let hopLength: Int
    /// YIN's absolute threshold on the normalised difference (the paper uses 0.1; librosa.yin too).
    public let threshold: Float

    private let maxLag: Int, minLag: Int
    private let correlator: FFTCorrelator
    private var cross: [Float], difference: [Float], squares: [Float]

    /// - Parameters: sr in Hz; fminHz..fmaxHz the f0 search range; windowLength W; hopLength in samples.
    /// - Throws: `FeatureSettingsError` unless sr > 0, 0 < fminHz < fmaxHz, windowLength and hopLength >= 1.
    public init(sr: Double, fminHz: Double = 40, fmaxHz: Double = 2000, windowLength: Int = 1024,
                hopLength: Int = 512, threshold: Float = 0.1) throws {
        try FeatureSettingsError.checkSampleRate(sr)
        guard fminHz.isFinite, fmaxHz.isFinite, fminHz > 0, fmaxHz > fminHz, (1...(1 << 20)).contains(windowLength),
              hopLength >= 1 else {
            throw FeatureSettingsError("YIN fmin \(fminHz) Hz, fmax \(fmaxHz) Hz, window \(windowLength), hop \(hopLength): needs 0 < fmin < fmax, window 1...2^20, hop at least 1")
        }
        self.sr = sr
        self.fminHz = fminHz
        self.fmaxHz = fmaxHz
        self.windowLength = windowLength
        self.hopLength = hopLength
        self.threshold = threshold
        // Clamped in Double first: sr / fmin can exceed any Int.
        maxLag = max(2, Int(min((sr / fminHz).rounded(.up), Double(4 * windowLength))))
        minLag = max(1, Int(min((sr / fmaxHz).rounded(.down), Double(maxLag))))
        // The window's correlation with W + maxLag + 1 samples at lags 0...maxLag needs that many points
        // without wrap-around; the next size FFTW transforms quickly: 2,304 at 44.1 kHz, where the next
        // power of two, 4,096, cost 1.7x as much per frame.
        correlator = try FFTCorrelator(size: PitchYIN.quickFFTSize(atLeast: windowLength + maxLag + 1))
        cross = [Float](repeating: 0, count: maxLag + 2)
        difference = cross
        squares = [Float](repeating: 0, count: windowLength + maxLag + 2)
    }

    /// The smallest 2^k, 3·2^k or 9·2^k at least `minimum`: sizes FFTW's radix-2, 3 and 9 codelets handle
    /// fast (FFTW_ESTIMATE on this machine: r2c 1.6 us and c2r 1.9 us at 2,304 points, against 2.3 and 3.9
    /// at 4,096; 3^7 = 2,187 was slower than 4,096).
    static func quickFFTSize(atLeast minimum: Int) -> Int {
        var best = Int.max
        for factor in [1, 3, 9] {
            var size = factor
            while size < minimum { size <<= 1 }
            best = min(best, size)
        }
        return best
    }

    /// Frames needed to cover `sampleCount` samples (the last frame may run past the end: zero padded).
    public func frameCount(sampleCount: Int) -> Int { max(0, 1 + (sampleCount - windowLength - maxLag - 1) / hopLength) }

    /// YIN over frames starting at `startSample` (inclusive) up to `endSample`: one `PitchFrame` each.
    /// Frames start every hop; each reads W + maxLag samples (frames that would run past the signal's
    /// end are not analysed).
    public func track(_ signal: [Float], startSample: Int = 0, endSample: Int? = nil) throws -> [PitchFrame] {
        let end = min(endSample ?? signal.count, signal.count)
        let span = windowLength + maxLag + 1
        var frames: [PitchFrame] = []
        var start = max(0, startSample)
        try signal.withUnsafeBufferPointer { samples in
            while start + span <= end {
                frames.append(try analyse(UnsafeBufferPointer(rebasing: samples[start..<(start + span)])))
                start += hopLength
            }
        }
        return frames
    }

    /// One frame of W + maxLag + 1 samples.
    func analyse(_ x: UnsafeBufferPointer<Float>) throws -> PitchFrame {
        let w = windowLength
        // Digital silence (the tail of a released note): every correlation and energy is exactly 0, so every
        // normalised difference is 1, no lag passes the threshold, and the frame is unvoiced with
        // periodicity 0, which is what the full computation below returns for it.
        if isAllZero(x) { return PitchFrame(f0Hz: nil, periodicity: 0) }
        return try cross.withUnsafeMutableBufferPointer { c in
            try difference.withUnsafeMutableBufferPointer { d in
                try squares.withUnsafeMutableBufferPointer { sq in
                    try correlator.correlate(UnsafeBufferPointer(rebasing: x[0..<w]), x, into: UnsafeMutableBufferPointer(rebasing: c[0...maxLag]))
                    // sq[i] = Σ_{j<i} x_j^2, so energy of x[τ..<τ+W] = sq[τ+W] - sq[τ] (Double: long sums).
                    var running: Double = 0
                    sq[0] = 0
                    for i in 0..<min(x.count, sq.count - 1) { running += Double(x[i]) * Double(x[i]); sq[i + 1] = Float(running) }
                    let energy0 = sq[w]
                    // d(τ) = e(0) + e(τ) - 2 r(τ) (eq. 7), then d'(τ) = d(τ) τ / Σ_{j<=τ} d(j) (eq. 8).
                    d[0] = 1
                    var cumulative: Float = 0
                    for lag in 1...maxLag {
                        let value = max(0, energy0 + (sq[lag + w] - sq[lag]) - 2 * c[lag])
                        cumulative += value
                        d[lag] = cumulative > 0 ? value * Float(lag) / cumulative : 1
                    }
                    // Step 4: the first lag in range below the threshold, then down to its local minimum;
                    // if none, the global minimum (reported unvoiced).
                    var chosen = -1
                    var lag = max(minLag, 2)
                    while lag < maxLag {
                        if d[lag] < threshold {
                            while lag + 1 < maxLag && d[lag + 1] < d[lag] { lag += 1 }
                            chosen = lag
                            break
                        }
                        lag += 1
                    }
                    var voiced = true
                    if chosen < 0 {
                        voiced = false
                        chosen = max(minLag, 2)
                        for l in max(minLag, 2)..<maxLag where d[l] < d[chosen] { chosen = l }
                    }
                    // Step 5: parabolic interpolation of the dip.
                    var refined = Float(chosen)
                    if chosen > 1 && chosen < maxLag {
                        let a = d[chosen - 1], b = d[chosen], cc = d[chosen + 1]
                        let denominator = a - 2 * b + cc
                        if denominator > 0 { refined += 0.5 * (a - cc) / denominator }
                    }
                    let periodicity = max(0, min(1, 1 - d[chosen]))
                    guard voiced, energy0 > 0, refined > 0 else { return PitchFrame(f0Hz: nil, periodicity: energy0 > 0 ? periodicity : 0) }
                    return PitchFrame(f0Hz: Float(sr) / refined, periodicity: periodicity)
                }
            }
        }
    }
}
