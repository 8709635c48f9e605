// The short-time Fourier transform with librosa's framing (librosa.stft defaults: periodic Hann window,
// centred frames, the signal padded with n_fft/2 zeros on each side, pad_mode='constant'), giving
// power |X|^2 or magnitude |X| spectrograms.
import Foundation
import NumpyFormat

/// A spectrogram of `frameCount` frames x `binCount` bins, stored frame-major (one frame's bins are
/// contiguous, which is what every per-frame descriptor reads). librosa's arrays are [bins, frames]:
/// `librosaLayout()` transposes.
public struct Spectrogram: Sendable {
    public var frameCount: Int
    public var binCount: Int
    /// frameCount * binCount values; frame t, bin k at t * binCount + k.
    public var values: [Float]

    public init(frameCount: Int, binCount: Int, values: [Float]) {
        self.frameCount = frameCount
        self.binCount = binCount
        self.values = values
    }

    public subscript(frame: Int, bin: Int) -> Float { values[frame * binCount + bin] }

    /// The same data as librosa returns it: shape [binCount, frameCount].
    public func librosaLayout() -> NumpyArray {
        NumpyArray(shape: [binCount, frameCount], values: transposedFrameMajor(values, frames: frameCount, dims: binCount))
    }

    /// Element-wise square root (power to magnitude).
    public func squareRooted() -> Spectrogram {
        Spectrogram(frameCount: frameCount, binCount: binCount, values: values.map { $0.squareRoot() })
    }
}

/// [frames][dims] frame-major to [dims][frames] (librosa's feature-major layout).
public func transposedFrameMajor(_ values: [Float], frames: Int, dims: Int) -> [Float] {
    var out = [Float](repeating: 0, count: values.count)
    values.withUnsafeBufferPointer { source in
        out.withUnsafeMutableBufferPointer { target in
            for t in 0..<frames { for d in 0..<dims { target[d * frames + t] = source[t * dims + d] } }
        }
    }
    return out
}

/// An STFT of fixed `n_fft` and `hop_length`. Owns one `RealFFT` and its buffers: use from one thread
/// at a time, one instance per worker.
public final class ShortTimeFourierTransform: @unchecked Sendable {
    /// Frame (and FFT) length in samples, librosa's `n_fft`.
    public let nFFT: Int
    /// Samples between frame starts, librosa's `hop_length`.
    public let hopLength: Int
    public var binCount: Int { nFFT / 2 + 1 }

    /// Double precision: what librosa does (float64 window and transform), needed to match it at bands
    /// 130 dB below a frame's peak. Single precision is 2x faster and differs only there (the embedding).
    public let doublePrecision: Bool
    private let fft: RealFFTDouble?
    private let fftSingle: RealFFT?
    /// The periodic Hann window in Double, as librosa's float64 window.
    private let window: [Double]
    private let windowSingle: [Float]

    /// - Throws: `FeatureSettingsError` unless nFFT is even and 2...2^24 and hopLength >= 1.
    public init(nFFT: Int = 2048, hopLength: Int = 512, doublePrecision: Bool = true) throws {
        guard nFFT % 2 == 0, hopLength >= 1 else {
            throw FeatureSettingsError("STFT n_fft \(nFFT), hop_length \(hopLength): n_fft must be even, hop_length at least 1")
        }
        self.nFFT = nFFT
        self.hopLength = hopLength
        self.doublePrecision = doublePrecision
        fft = doublePrecision ? try RealFFTDouble(size: nFFT) : nil
        fftSingle = doublePrecision ? nil : try RealFFT(size: nFFT)
        window = (0..<nFFT).map { 0.5 - 0.5 * cos(2 * Double.pi * Double($0) / Double(nFFT)) }
        windowSingle = window.map { Float($0) }
    }

    /// librosa's frame count for centred framing: 1 + sampleCount / hop_length.
    public func frameCount(sampleCount: Int) -> Int { 1 + sampleCount / hopLength }

    /// |STFT|^2 of `signal`, [frames x bins] frame-major. O(frames * n_fft log n_fft).
    public func power(_ signal: [Float]) -> Spectrogram {
        let frames = frameCount(sampleCount: signal.count)
        let bins = binCount
        var values = [Float](repeating: 0, count: frames * bins)
        signal.withUnsafeBufferPointer { samples in
            values.withUnsafeMutableBufferPointer { out in
                for t in 0..<frames {
                    powerFrame(samples, frameIndex: t, into: UnsafeMutableBufferPointer(rebasing: out[(t * bins)..<((t + 1) * bins)]))
                }
            }
        }
        return Spectrogram(frameCount: frames, binCount: bins, values: values)
    }

    /// |STFT| of `signal`, [frames x bins].
    public func magnitude(_ signal: [Float]) -> Spectrogram { power(signal).squareRooted() }

    /// The power spectrum of centred frame `frameIndex` into `out` (binCount values). No allocation.
    public func powerFrame(_ samples: UnsafeBufferPointer<Float>, frameIndex: Int, into out: UnsafeMutableBufferPointer<Float>) {
        let start = frameIndex * hopLength - nFFT / 2
        let n = nFFT
        let first = min(n, max(0, -start)), last = max(0, min(n, samples.count - start))
        if let fftSingle {
            windowSingle.withUnsafeBufferPointer { w in
                fftSingle.forward(fill: { f in
                    for i in 0..<first { f[i] = 0 }
                    for i in max(first, last)..<n { f[i] = 0 }
                    if first < last { for i in first..<last { f[i] = samples[start + i] * w[i] } }
                }) { spectrum in
                    for k in 0..<min(out.count, binCount) {
                        let re = spectrum[2 * k], im = spectrum[2 * k + 1]
                        out[k] = re * re + im * im
                    }
                }
            }
            return
        }
        guard let fft else { return }
        window.withUnsafeBufferPointer { w in
            fft.forward(fill: { f in
                // Samples outside the signal are the zero padding of pad_mode='constant'.
                for i in 0..<first { f[i] = 0 }
                for i in max(first, last)..<n { f[i] = 0 }
                if first < last { for i in first..<last { f[i] = Double(samples[start + i]) * w[i] } }
            }) { spectrum in
                // Rounded to Float before squaring, as librosa stores the STFT as complex64.
                for k in 0..<min(out.count, binCount) {
                    let re = Float(spectrum[2 * k]), im = Float(spectrum[2 * k + 1])
                    out[k] = re * re + im * im
                }
            }
        }
    }

    /// Whether every signal sample under centred frame `frameIndex` is zero (±0), so its windowed frame,
    /// spectrum and everything computed from them are the same as any other silent frame's.
    public func isSilentFrame(_ samples: UnsafeBufferPointer<Float>, frameIndex: Int) -> Bool {
        let start = frameIndex * hopLength - nFFT / 2
        let first = max(0, start), last = min(samples.count, start + nFFT)
        guard first < last else { return true }
        return isAllZero(UnsafeBufferPointer(rebasing: samples[first..<last]))
    }

    /// Bin centre frequencies in Hz for sample rate `sr` (librosa.fft_frequencies): k * sr / n_fft.
    public func binFrequenciesHz(sr: Double) -> [Float] {
        (0..<binCount).map { Float(Double($0) * sr / Double(nFFT)) }
    }
}
