// Settings the transforms cannot use are thrown as one line at the public entry points (before: a
// precondition stopped the process), and frames of the wrong length are taken as numpy.fft.rfft takes them.
import Foundation
import Testing
@testable import Features

@Suite struct FeatureSettingsTests {
    @Test func impossibleSizesAndRatesThrow() {
        #expect(throws: FeatureSettingsError.self) { try RealFFT(size: 1) }
        #expect(throws: FeatureSettingsError.self) { try RealFFTDouble(size: 0) }
        #expect(throws: FeatureSettingsError.self) { try FFTCorrelator(size: -4) }
        #expect(throws: FeatureSettingsError.self) { try RealFFT(size: (1 << 24) + 1) }
        #expect(throws: FeatureSettingsError.self) { try ShortTimeFourierTransform(nFFT: 7) }
        #expect(throws: FeatureSettingsError.self) { try ShortTimeFourierTransform(nFFT: 2048, hopLength: 0) }
        #expect(throws: FeatureSettingsError.self) { try MelFilterbank(sr: 0, nFFT: 2048) }
        #expect(throws: FeatureSettingsError.self) { try MelFilterbank(sr: 22_050, nFFT: 2048, nMels: 0) }
        #expect(throws: FeatureSettingsError.self) { try MelFilterbank(sr: 22_050, nFFT: 2048, fminHz: 5000, fmaxHz: 100) }
        #expect(throws: FeatureSettingsError.self) { try PitchYIN(sr: 22_050, fminHz: 0) }
        for rate in [0, -44_100, .nan, .infinity, 1e300] {
            #expect(throws: FeatureSettingsError.self, "sample rate \(rate)") { try EmbeddingExtractor(sr: rate) }
        }
        #expect(throws: FeatureSettingsError.self) { try LibrosaFeatures(signal: [0, 1, 0, -1], sr: 22_050, nFFT: 3) }
    }

    @Test func errorIsOneLineSayingWhatMustHold() {
        do { _ = try RealFFT(size: 1); Issue.record("size 1 accepted") } catch {
            #expect("\(error)" == "RealFFT size 1: must be 2...16777216")
        }
    }

    @Test func melFilterbankRefusesASpectrogramOfOtherWidth() throws {
        let mel = try MelFilterbank(sr: 22_050, nFFT: 2048, nMels: 40)
        let narrow = try ShortTimeFourierTransform(nFFT: 512, hopLength: 128).power([Float](repeating: 0.5, count: 4096))
        #expect { try mel.apply(narrow) } throws: { "\($0)" == "mel filterbank for 1025 bins given a spectrogram of 257" }
    }

    /// The DFT of a unit impulse is 1 in every bin: a 1-sample frame (zero-padded to 8) and a 10-sample
    /// frame whose extra samples fall past 8 (cut) are both an impulse to an 8-point transform.
    @Test func shortFramesAreZeroPaddedAndLongOnesCut() throws {
        let fft = try RealFFT(size: 8)
        for frame: [Float] in [[1], [1, 0, 0, 0, 0, 0, 0, 0, 5, 5]] {
            var magnitudes = [Float](repeating: -1, count: fft.binCount)
            frame.withUnsafeBufferPointer { f in magnitudes.withUnsafeMutableBufferPointer { fft.magnitudes(f, into: $0) } }
            #expect(magnitudes.allSatisfy { abs($0 - 1) < 1e-6 }, "\(frame.count) samples: \(magnitudes)")
        }
    }

    @Test func correlatorRefusesInputsThatWouldWrapAround() throws {
        let correlator = try FFTCorrelator(size: 8)
        let five = [Float](repeating: 1, count: 5), nine = [Float](repeating: 1, count: 9)
        // 5 samples against lags 0...4: the last lag's last product reads position 8 of a circle of 8.
        var lags = [Float](repeating: 0, count: 5)
        #expect(throws: FeatureSettingsError.self) {
            try five.withUnsafeBufferPointer { a in
                try lags.withUnsafeMutableBufferPointer { try correlator.correlate(a, a, into: $0) }
            }
        }
        // The second sequence must fit the transform.
        var fewer = [Float](repeating: 0, count: 2)
        #expect(throws: FeatureSettingsError.self) {
            try five.withUnsafeBufferPointer { a in
                try nine.withUnsafeBufferPointer { b in
                    try fewer.withUnsafeMutableBufferPointer { try correlator.correlate(a, b, into: $0) }
                }
            }
        }
    }
}
