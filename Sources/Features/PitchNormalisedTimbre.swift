// Timbre that does not move with the note, from one averaged power spectrum (the sustain) and its f0.
// MFCCs of the raw spectrum see the partials themselves, so the same sound an octave up has other MFCCs.
// Two views here stay put when only the note changes:
//   - the spectral envelope on a fixed frequency axis (what a fixed filter or formant does): the partial
//     peaks h*f0 joined by straight lines in (log frequency, dB), read at 40 Slaney-mel band centres from
//     0 Hz to sr/2 (flat below the first and above the last partial; floored 80 dB under the highest
//     point), summarised by its DCT-II coefficients 1...12 (coefficient 0, the level, is left out).
//     This is a partial-peak "true envelope" (Röbel & Rodet 2005 reach the same curve by iterated
//     cepstral smoothing): the partials sample the envelope, whatever their spacing. A spectrum with no
//     clear f0 (noise) has no partials; its envelope is its 40-band log-mel spectrum, already smooth.
//   - the partials relative to f0 (what an FM ratio or a waveform does): Pollard and Jansson's
//     tristimulus (energy of partial 1, of 2-4, of 5 and up, as shares of all partials up to the 20th)
//     and the odd/even balance (dB, energy of odd partials 3, 5, ... over even 2, 4, ...).
import Foundation

public struct PitchNormalisedTimbre: Sendable, Equatable {
    /// Envelope DCT coefficients 1...12 (dB units of the ortho DCT-II).
    public var envelopeCoefficients: [Float]
    /// Tristimulus T1, T2, T3 (shares, sum 1), zeros without an f0.
    public var tristimulus: [Float]
    /// 10 log10(odd partials' energy / even partials' energy), 0 without an f0.
    public var oddEvenDecibels: Float

    public static let envelopeBands = 40
    public static let coefficientCount = 12
    static let partialsForRatios = 20
    static let floorDecibels: Float = 80

    /// Evaluates envelopes at the centres of a 40-band Slaney mel filterbank over 0...sr/2.
    public struct Analyser: Sendable {
        let sr: Double
        let nFFT: Int
        let bands: MelFilterbank
        let bandCentresHz: [Double]
        let dct: MFCCTransform

        /// - Throws: `FeatureSettingsError` for a sample rate or FFT size the filterbank cannot use.
        public init(sr: Double, nFFT: Int) throws {
            self.sr = sr
            self.nFFT = nFFT
            bands = try MelFilterbank(sr: sr, nFFT: nFFT, nMels: PitchNormalisedTimbre.envelopeBands)
            let low = MelFilterbank.hzToMel(0), high = MelFilterbank.hzToMel(sr / 2)
            let n = PitchNormalisedTimbre.envelopeBands
            bandCentresHz = (1...n).map { MelFilterbank.melToHz(low + (high - low) * Double($0) / Double(n + 1)) }
            dct = MFCCTransform(nMFCC: PitchNormalisedTimbre.coefficientCount + 1, nMels: n)
        }

        /// - Parameters: powerSpectrum one averaged power spectrum (nFFT/2+1 bins); f0Hz its fundamental
        ///   (0 or less when the sound has no clear pitch).
        public func analyse(powerSpectrum: [Float], f0Hz: Float) -> PitchNormalisedTimbre {
            let partials = f0Hz > 0 ? partialPowers(powerSpectrum, f0Hz: Double(f0Hz)) : []
            var envelope = partials.count >= 2 ? partialEnvelope(partials, f0Hz: Double(f0Hz)) : bandEnvelope(powerSpectrum)
            let top = envelope.max() ?? 0
            envelope = envelope.map { max($0, top - PitchNormalisedTimbre.floorDecibels) }
            var coefficients = [Float](repeating: 0, count: dct.nMFCC)
            envelope.withUnsafeBufferPointer { e in coefficients.withUnsafeMutableBufferPointer { dct.apply(e, into: $0) } }
            let (tristimulus, oddEven) = ratios(Array(partials.prefix(PitchNormalisedTimbre.partialsForRatios)))
            return PitchNormalisedTimbre(envelopeCoefficients: Array(coefficients.dropFirst()).map { $0.isFinite ? $0 : 0 },
                                         tristimulus: tristimulus, oddEvenDecibels: oddEven)
        }

        /// The power of partial h = 1, 2, ... below sr/2: the strongest bin within ±f0/4 of h f0 with its two
        /// neighbours (a Hann window spreads a partial over three bins; the sum does not depend on where
        /// between bins the partial falls).
        func partialPowers(_ p: [Float], f0Hz: Double) -> [Double] {
            let binHz = sr / Double(nFFT)
            var powers: [Double] = []
            var h = 1.0
            while h * f0Hz + f0Hz / 4 < sr / 2 {
                let lo = max(1, Int(((h - 0.25) * f0Hz / binHz).rounded(.down)))
                let hi = min(p.count - 2, max(lo, Int(((h + 0.25) * f0Hz / binHz).rounded(.up))))
                guard lo <= hi else { break }
                var peak = lo
                for k in lo...hi where p[k] > p[peak] { peak = k }
                powers.append(Double(p[peak - 1]) + Double(p[peak]) + Double(p[peak + 1]))
                h += 1
            }
            return powers
        }

        /// Straight lines between the partial peaks in (log2 Hz, dB), read at the band centres.
        func partialEnvelope(_ powers: [Double], f0Hz: Double) -> [Float] {
            let x = powers.indices.map { log2(Double($0 + 1) * f0Hz) }
            let y = powers.map { 10 * log10(max($0, 1e-20)) }
            return bandCentresHz.map { hz in
                let t = log2(max(hz, 1))
                if t <= x[0] { return Float(y[0]) }
                if t >= x[x.count - 1] { return Float(y[y.count - 1]) }
                // Partials are equally spaced in Hz: the one below `hz` is found directly.
                let i = min(x.count - 2, max(0, Int(hz / f0Hz) - 1))
                let w = (t - x[i]) / (x[i + 1] - x[i])
                return Float(y[i] + w * (y[i + 1] - y[i]))
            }
        }

        /// The 40-band log-mel spectrum (dB) of a spectrum without partials.
        func bandEnvelope(_ p: [Float]) -> [Float] {
            var out = [Float](repeating: 0, count: bands.nMels)
            p.withUnsafeBufferPointer { s in out.withUnsafeMutableBufferPointer { bands.apply(s, into: $0) } }
            return out.map { 10 * log10(max($0, 1e-20)) }
        }

        func ratios(_ powers: [Double]) -> ([Float], Float) {
            let total = powers.reduce(0, +)
            guard powers.count >= 2, total > 0 else { return ([0, 0, 0], 0) }
            let t1 = powers[0] / total
            let t2 = powers[1..<min(4, powers.count)].reduce(0, +) / total
            let odd = stride(from: 2, to: powers.count, by: 2).reduce(0.0) { $0 + powers[$1] }
            let even = stride(from: 1, to: powers.count, by: 2).reduce(0.0) { $0 + powers[$1] }
            let oddEven = 10 * log10(max(odd, total * 1e-6) / max(even, total * 1e-6))
            return ([Float(t1), Float(t2), Float(max(0, 1 - t1 - t2))], Float(oddEven))
        }
    }
}
