// The embedding's layout: every dimension's name and meaning, in order. Names read
// `feature.segment.statistic`; segments are the note's attack (note-on to the envelope peak), sustain
// (peak to note-off) and release (after note-off). Spectral frames: n_fft 2048, hop 512, Hann, centred.
// Loudness is one dimension (`loudness.db`); everything else is computed on the note scaled to a
// short-term level of 0 dBFS, so a quieter copy of a sound has the same timbre. Spectral statistics use
// only the sounding frames of a segment (frame RMS at most 60 dB under the level): a note that has died
// away gives its release the timbre of the frames that still sound, never that of digital silence.
import Foundation

public enum EmbeddingLayout {
    /// Raised whenever the extractor's output changes, even in its last bits, so that an atlas never mixes
    /// embeddings of two versions (the atlas stores it and refuses to resume a store made by another).
    /// 3: YIN's correlation at 2,304 points instead of 4,096, spectral flux summed 8 bands at a time.
    public static let version = 3

    public static let segments = ["attack", "sustain", "release"]
    /// MFCCs 1...12 carry the spectral envelope's shape; MFCC 0 (overall level) is kept apart.
    public static let shapeCoefficients = 1...12
    public static let nMFCC = 13

    /// (name, description) of every dimension, in vector order.
    public static let dimensions: [(name: String, description: String)] = {
        var d: [(String, String)] = []
        for s in segments {
            for k in shapeCoefficients { d.append(("mfcc\(k).\(s).mean", "MFCC \(k) (DCT-II ortho of 128-band Slaney log-mel, dB), mean over the \(s) frames")) }
        }
        for k in shapeCoefficients { d.append(("mfcc\(k).sustain.std", "MFCC \(k), standard deviation over the sustain frames")) }
        for s in segments {
            d.append(("centroid.\(s).log2hz", "spectral centroid, log2 of Hz, mean over the \(s) frames"))
            d.append(("bandwidth.\(s).log2hz", "spectral bandwidth (p=2), log2 of Hz, mean over the \(s) frames"))
            d.append(("rolloff.\(s).log2hz", "85 % spectral roll-off, log2 of Hz, mean over the \(s) frames"))
            d.append(("flatness.\(s).log10", "spectral flatness (0 tonal ... 1 white noise), log10, mean over the \(s) frames"))
            d.append(("zcr.\(s).mean", "zero-crossing rate per sample, mean over the \(s) frames"))
            d.append(("flux.\(s).mean", "spectral flux: mean positive log-mel increase per frame (dB), mean over the \(s) frames"))
        }
        d.append(("loudness.db", "the note's short-term level: RMS of its loudest 400 ms, dBFS (Audibility; the only level dimension)"))
        d.append(("envelope.attack.log10s", "10-90 % rise time of the RMS envelope after note-on, log10 seconds (floor 1 ms)"))
        d.append(("envelope.decay.log10s", "time from the peak to within 10 % of the sustain level, log10 seconds (floor 1 ms)"))
        d.append(("envelope.sustain.fraction", "sustain level (median of the last third of the held part) / peak, 0...1"))
        d.append(("envelope.release.log10s", "time from note-off to 10 % of the note-off level, log10 seconds (floor 1 ms)"))
        d.append(("pitch.f0.log2_over_a440", "median YIN f0 of the held part, octaves relative to 440 Hz (0 when unvoiced)"))
        d.append(("pitch.voiced.fraction", "fraction of held-part YIN frames with a clear f0 (normalised difference < 0.1)"))
        d.append(("pitch.stability.cents_std", "standard deviation of f0 around its median, cents, over voiced frames"))
        d.append(("pitch.periodicity.mean", "1 - YIN normalised difference at the chosen lag, mean over held-part frames"))
        d.append(("harmonic.energy_ratio", "share of sustain power within ±1 bin of the partials nearest h*f0, h=1...20"))
        d.append(("harmonic.inharmonicity", "2/f0 * sum |f_h - h f0| a_h^2 / sum a_h^2 over the sustain partials (Peeters 2004)"))
        d.append(("centroid.sustain.log2_over_f0", "sustain spectral centroid relative to f0, octaves (brightness in harmonics)"))
        d.append(("vibrato.rate_hz", "strongest f0 modulation rate over the held part, Hz (0 when depth < 3 cents)"))
        d.append(("vibrato.depth_cents", "amplitude of that f0 modulation, cents"))
        d.append(("tremolo.rate_hz", "strongest RMS-level modulation rate over the sustain, Hz (0 when depth < 0.3 dB)"))
        d.append(("tremolo.depth_db", "amplitude of that level modulation, dB"))
        d.append(("filter.rate_hz", "strongest spectral-centroid modulation rate over the sustain, Hz (0 when depth < 0.02 octave)"))
        d.append(("filter.depth_octaves", "amplitude of that centroid modulation, octaves"))
        for k in 1...PitchNormalisedTimbre.coefficientCount {
            d.append(("envelope.cc\(k)", "spectral envelope through the sustain's partial peaks on a fixed frequency axis (does not move with the note), DCT coefficient \(k) of 40 mel bands, dB (PitchNormalisedTimbre)"))
        }
        for k in 1...3 { d.append(("harmonic.tristimulus\(k)", "tristimulus T\(k) (Pollard & Jansson): share of partial energy in \(["partial 1", "partials 2-4", "partials 5-20"][k - 1]), 0 without f0")) }
        d.append(("harmonic.odd_even.db", "energy of odd partials (3, 5, ...) over even ones (2, 4, ...), dB, 0 without f0"))
        return d
    }()

    public static var count: Int { dimensions.count }
    public static var names: [String] { dimensions.map(\.name) }

    /// The baseline most people would build with librosa: mean of MFCC 0...19 over all frames.
    public static let baselineNames: [String] = (0..<20).map { "mfcc\($0).all.mean" }
}
