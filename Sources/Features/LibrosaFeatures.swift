// The nine arrays of ../shared/fixtures/librosa (power STFT, log-mel, MFCC, centroid, bandwidth,
// flatness, rolloff, ZCR, RMS) for one mono signal, with the fixtures' settings by default.
import Foundation
import NumpyFormat

/// librosa-equivalent frame features of one signal. Shapes as librosa returns them (see `arrays()`).
public struct LibrosaFeatures: Sendable {
    public var power: Spectrogram
    /// [frames x nMels], dB.
    public var logMel: [Float]
    /// [frames x nMFCC].
    public var mfcc: [Float]
    public var nMels: Int
    public var nMFCC: Int
    /// Hz per frame.
    public var centroidHz: [Float], bandwidthHz: [Float], rolloffHz: [Float]
    public var flatness: [Float], zcr: [Float], rms: [Float]

    /// - Parameters: signal mono samples; sr in Hz; nFFT, hopLength, nMels, nMFCC as librosa's
    ///   n_fft, hop_length, n_mels, n_mfcc.
    /// - Throws: `FeatureSettingsError` for settings the transforms cannot use.
    public init(signal: [Float], sr: Double, nFFT: Int = 2048, hopLength: Int = 512, nMels: Int = 128, nMFCC: Int = 20) throws {
        let stft = try ShortTimeFourierTransform(nFFT: nFFT, hopLength: hopLength)
        power = stft.power(signal)
        self.nMels = nMels
        self.nMFCC = nMFCC
        logMel = try MelFilterbank(sr: sr, nFFT: nFFT, nMels: nMels).apply(power)
        Decibels.powerToDB(&logMel)
        mfcc = MFCCTransform(nMFCC: nMFCC, nMels: nMels).apply(logMel: logMel, frames: power.frameCount)
        let frequencies = stft.binFrequenciesHz(sr: sr)
        let frequenciesDouble = frequencies.map(Double.init)
        let frames = power.frameCount, bins = power.binCount
        var centroid = [Float](repeating: 0, count: frames), bandwidth = centroid, rolloff = centroid
        var flat = centroid, rmsValues = centroid
        var magnitude = [Float](repeating: 0, count: bins)
        power.values.withUnsafeBufferPointer { p in
            magnitude.withUnsafeMutableBufferPointer { m in
                frequencies.withUnsafeBufferPointer { f in
                    frequenciesDouble.withUnsafeBufferPointer { fd in
                        for t in 0..<frames {
                            let d = FrameDescriptors(power: UnsafeBufferPointer(rebasing: p[(t * bins)..<((t + 1) * bins)]), magnitude: m,
                                                     frequenciesHz: f, frequenciesHzDouble: fd, nFFT: nFFT)
                            centroid[t] = d.centroidHz
                            bandwidth[t] = d.bandwidthHz
                            rolloff[t] = d.rolloffHz
                            flat[t] = d.flatness
                            rmsValues[t] = d.rms
                        }
                    }
                }
            }
        }
        centroidHz = centroid
        bandwidthHz = bandwidth
        rolloffHz = rolloff
        flatness = flat
        rms = rmsValues
        zcr = ZeroCrossingRate.rate(signal, frameLength: nFFT, hopLength: hopLength)
    }

    /// The fixture file names with their arrays in librosa's shapes ([bins|mels|mfcc, frames] or [frames]).
    public func arrays() -> [(name: String, array: NumpyArray)] {
        let frames = power.frameCount
        return [
            ("power_stft", power.librosaLayout()),
            ("log_mel", NumpyArray(shape: [nMels, frames], values: transposedFrameMajor(logMel, frames: frames, dims: nMels))),
            ("mfcc", NumpyArray(shape: [nMFCC, frames], values: transposedFrameMajor(mfcc, frames: frames, dims: nMFCC))),
            ("centroid", NumpyArray(shape: [frames], values: centroidHz)),
            ("bandwidth", NumpyArray(shape: [frames], values: bandwidthHz)),
            ("flatness", NumpyArray(shape: [frames], values: flatness)),
            ("rolloff", NumpyArray(shape: [frames], values: rolloffHz)),
            ("zcr", NumpyArray(shape: [frames], values: zcr)),
            ("rms", NumpyArray(shape: [frames], values: rms)),
        ]
    }
}
