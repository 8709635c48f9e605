// Settings a transform cannot work with (an FFT of 1 point, a sample rate of 0, a spectrogram of the wrong
// width): thrown by the public initialisers and entry points instead of stopping the process.

/// One line saying which setting is wrong and what it must be.
public struct FeatureSettingsError: Error, CustomStringConvertible, Sendable, Equatable {
    public var description: String
    public init(_ description: String) { self.description = description }

    /// The largest transform built (2^24 points): sizes above it are a mistake, and FFTW's plans take an Int32.
    public static let maximumFFTSize = 1 << 24

    /// Throws unless `size` is 2...maximumFFTSize.
    static func checkFFTSize(_ size: Int, of name: String) throws {
        guard (2...maximumFFTSize).contains(size) else {
            throw FeatureSettingsError("\(name) size \(size): must be 2...\(maximumFFTSize)")
        }
    }

    /// The highest sample rate taken (10 MHz; audio files go to 768 kHz): times in seconds become sample
    /// indices, which must stay Ints.
    public static let maximumSampleRateHz = 10_000_000.0

    /// Throws unless `sr` is above 0 and at most `maximumSampleRateHz`.
    static func checkSampleRate(_ sr: Double) throws {
        guard sr > 0, sr <= maximumSampleRateHz else {
            throw FeatureSettingsError("sample rate \(sr) Hz: must be above 0 and at most 10 MHz")
        }
    }
}
