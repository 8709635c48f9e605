// The embedding hears timbre, not the volume or the note: one loudness dimension, timbre from the note
// scaled to 0 dBFS and from its sounding frames only, and a spectral envelope that stays put when f0 moves.
import Foundation
import Testing
@testable import Features

@Suite struct TimbreInvarianceTests {
    let sr = Synthetic.sr

    func values(_ prefix: String, in v: [Float]) -> [Float] {
        EmbeddingLayout.names.indices.filter { EmbeddingLayout.names[$0].hasPrefix(prefix) }.map { v[$0] }
    }

    func value(_ name: String, in v: [Float]) throws -> Float {
        v[try #require(EmbeddingLayout.names.firstIndex(of: name), "no dimension \(name)")]
    }

    /// Partials of f0 up to 10 kHz whose amplitudes follow `shape(Hz)`: a fixed filter played at f0.
    func filtered(f0: Double, shape: (Double) -> Double) -> [Float] {
        let partials = (1...Int(10_000 / f0)).map { (hz: f0 * Double($0), amplitude: 0.2 * shape(f0 * Double($0))) }
        return Synthetic.tone(seconds: 1.5, partials: partials, envelope: { t in t < 1 ? 1 : exp(-(t - 1) / 0.05) })
    }

    @Test func onlyLoudnessMovesWhenTheSoundIsTwelveDecibelsQuieter() throws {
        let loud = Synthetic.tone(seconds: 2, partials: Synthetic.harmonics(220, count: 12),
                                  envelope: { t in t < 1 ? min(1, t / 0.02) : exp(-(t - 1) / 0.2) })
        let quiet = loud.map { $0 * 0.25 }
        let extractor = try EmbeddingExtractor(sr: sr)
        let a = try extractor.embedding(loud, noteOnSeconds: 0, noteOffSeconds: 1)
        let b = try extractor.embedding(quiet, noteOnSeconds: 0, noteOffSeconds: 1)
        // 20 log10(0.25) = -12.04 dB.
        #expect(abs(try value("loudness.db", in: a) - (try value("loudness.db", in: b)) - 12.04) < 0.01)
        for (i, name) in EmbeddingLayout.names.enumerated() where name != "loudness.db" {
            #expect(abs(a[i] - b[i]) <= 1e-3 * max(1, abs(a[i])), "\(name): \(a[i]) against \(b[i])")
        }
        #expect(EmbeddingLayout.names.filter { $0.contains(".db") && !$0.hasPrefix("tremolo") && !$0.hasPrefix("harmonic") } == ["loudness.db"])
    }

    @Test func aReleaseOfDigitalSilenceTakesTheTimbreThatStillSounds() throws {
        // A 440 Hz saw that stops at 0.5 s; note-off at 1 s; silence to 2 s. The release has no sounding frame.
        let signal = Synthetic.tone(seconds: 2, partials: Synthetic.harmonics(440, count: 20), envelope: { t in t < 0.5 ? 1 : 0 })
        let v = try EmbeddingExtractor(sr: sr).embedding(signal, noteOnSeconds: 0, noteOffSeconds: 1)
        // Silence has no centroid (the old embedding read log2(1) = 0 there); a 440 Hz saw's lies above 256 Hz.
        #expect(try value("centroid.release.log2hz", in: v) > 8)
        for k in EmbeddingLayout.shapeCoefficients {
            let r = try value("mfcc\(k).release.mean", in: v), s = try value("mfcc\(k).sustain.mean", in: v)
            #expect(abs(r - s) < 1e-4, "mfcc\(k): release \(r), sustain \(s)")
        }
    }

    @Test func theSpectralEnvelopeStaysPutWhenTheNoteMovesAnOctave() throws {
        // A low-pass with a formant at 2.5 kHz, and a band-pass at 4 kHz: two different fixed filters.
        let formant: (Double) -> Double = { f in 1 / (1 + pow(f / 800, 4)).squareRoot() + 0.5 * exp(-pow((f - 2500) / 400, 2)) }
        let bright: (Double) -> Double = { f in (f / 4000) / (1 + pow(f / 4000, 2)) }
        let extractor = try EmbeddingExtractor(sr: sr)
        func envelope(_ f0: Double, _ shape: (Double) -> Double) throws -> [Float] {
            values("envelope.cc", in: try extractor.embedding(filtered(f0: f0, shape: shape), noteOnSeconds: 0, noteOffSeconds: 1))
        }
        func distance(_ a: [Float], _ b: [Float]) -> Float { zip(a, b).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot() }
        let low = try envelope(196, formant), high = try envelope(392, formant), other = try envelope(196, bright)
        #expect(low.count == PitchNormalisedTimbre.coefficientCount)
        let sameSound = distance(low, high), otherSound = distance(low, other)
        #expect(sameSound < 0.2 * otherSound, "octave apart \(sameSound), other filter \(otherSound)")
        // The MFCCs of the same pair move more (they see the partials, not only the envelope).
        func mfcc(_ f0: Double) throws -> [Float] {
            let v = try extractor.embedding(filtered(f0: f0, shape: formant), noteOnSeconds: 0, noteOffSeconds: 1)
            return try EmbeddingLayout.shapeCoefficients.map { try value("mfcc\($0).sustain.mean", in: v) }
        }
        #expect(sameSound < distance(try mfcc(196), try mfcc(392)))
    }

    @Test func partialRatiosFollowTheWaveformNotTheNote() throws {
        // Harmonics 1...20 at 1/h (a saw): energies 1/h^2, sum 1.5962. T1 = 1/1.5962 = 0.6265,
        // T2 = (1/4 + 1/9 + 1/16)/1.5962 = 0.2654; odd (3...19) 0.2085 against even (2...20) 0.3874: -2.69 dB.
        let extractor = try EmbeddingExtractor(sr: sr)
        for f0 in [220.0, 440.0] {
            let v = try extractor.embedding(Synthetic.tone(seconds: 1.5, partials: Synthetic.harmonics(f0, count: 20)),
                                            noteOnSeconds: 0, noteOffSeconds: 1)
            #expect(abs(try value("harmonic.tristimulus1", in: v) - 0.6265) < 0.03, "f0 \(f0)")
            #expect(abs(try value("harmonic.tristimulus2", in: v) - 0.2654) < 0.03, "f0 \(f0)")
            #expect(abs(try value("harmonic.odd_even.db", in: v) + 2.69) < 0.5, "f0 \(f0)")
        }
        // Odd harmonics only (a square): the even partials are at the noise floor, odd/even far above 20 dB.
        let square: [(hz: Double, amplitude: Double)] = (0..<10).map { (k: Int) in
            let h = Double(2 * k + 1)
            return (hz: 220 * h, amplitude: 0.3 / h)
        }
        let v = try extractor.embedding(Synthetic.tone(seconds: 1.5, partials: square), noteOnSeconds: 0, noteOffSeconds: 1)
        #expect(try value("harmonic.odd_even.db", in: v) > 20)
    }
}
