// Our spectral features against librosa's own output on every signal of ../shared/fixtures/librosa:
// log-mel within 0.01 dB where librosa's value is above -80 dB; MFCC and descriptors within 1e-3 relative.
import Foundation
import NumpyFormat
import Testing
@testable import Features

@Suite(.enabled(if: SharedFixtures.isPresent, "needs ../shared/fixtures/librosa (absent: skipped)"))
struct LibrosaFixtureTests {
    static let signals = ["sine440", "saw220_decay", "noise_burst", "chirp", "lmms_SawReso", "lmms_Bell"]

    func load(_ name: String) throws -> (ours: [String: NumpyArray], librosa: [String: NumpyArray]) {
        let dir = SharedFixtures.url("fixtures/librosa")
        let clip = try AudioFile.read(dir.appendingPathComponent("\(name).wav"))
        let ours = Dictionary(uniqueKeysWithValues: try LibrosaFeatures(signal: clip.mono, sr: clip.sampleRateHz).arrays().map { ($0.name, $0.array) })
        var reference: [String: NumpyArray] = [:]
        for key in ours.keys { reference[key] = try NumpyArray.read(contentsOf: dir.appendingPathComponent("\(name)/\(key).npy")) }
        return (ours, reference)
    }

    @Test(arguments: signals) func shapesMatch(_ name: String) throws {
        let (ours, reference) = try load(name)
        for (key, array) in ours { #expect(array.shape == reference[key]?.shape, "\(name)/\(key)") }
    }

    @Test(arguments: signals) func logMelWithinHundredthOfADecibel(_ name: String) throws {
        let (ours, reference) = try load(name)
        let a = try #require(ours["log_mel"]), b = try #require(reference["log_mel"])
        var worst: Float = 0
        for i in b.values.indices where b.values[i] > -80 { worst = max(worst, abs(a.values[i] - b.values[i])) }
        #expect(worst <= 0.01, "\(name): log-mel differs by up to \(worst) dB above -80 dB")
    }

    /// |ours - librosa| <= 1e-3 * max|librosa| over the array: relative to the array's scale, since single
    /// values near zero (a centroid of 0 Hz, an MFCC crossing zero) have no meaningful relative error.
    @Test(arguments: signals) func mfccAndDescriptorsWithinOneThousandthRelative(_ name: String) throws {
        let (ours, reference) = try load(name)
        for key in ["mfcc", "centroid", "bandwidth", "flatness", "rolloff", "zcr", "rms", "power_stft"] {
            let a = try #require(ours[key]), b = try #require(reference[key])
            let scale = b.values.reduce(0) { max($0, abs($1)) }
            var worst: Float = 0
            for i in b.values.indices { worst = max(worst, abs(a.values[i] - b.values[i])) }
            #expect(worst <= 1e-3 * max(scale, 1e-12), "\(name)/\(key): worst difference \(worst), scale \(scale)")
        }
    }
}

/// The embedding's fast roll-off against the exact one (checked against librosa above): the same bin, or
/// a neighbour when the 85 % point sits within rounding of a bin edge.
@Suite struct FastRolloffTests {
    @Test func fastRolloffAgreesWithTheExactOne() throws {
        let stft = try ShortTimeFourierTransform()
        let noise = Synthetic.noise(seconds: 1)
        let signal = zip(Synthetic.tone(seconds: 1, partials: Synthetic.harmonics(187, count: 30)), noise).map { $0 + 0.05 * $1 }
        let power = stft.power(signal).squareRooted()
        let frequencies = stft.binFrequenciesHz(sr: Synthetic.sr)
        var disagreements = 0
        power.values.withUnsafeBufferPointer { m in
            frequencies.withUnsafeBufferPointer { f in
                for t in 0..<power.frameCount {
                    let frame = UnsafeBufferPointer(rebasing: m[(t * power.binCount)..<((t + 1) * power.binCount)])
                    let total = frame.reduce(0.0) { $0 + Double($1) }
                    let exact = SpectralDescriptors.rolloffHz(frame, frequenciesHz: f)
                    let fast = FrameDescriptors.fastRolloffHz(frame, totalMagnitude: total, frequenciesHz: f, rollPercent: 0.85)
                    if exact != fast { disagreements += 1 }
                    #expect(abs(exact - fast) <= f[1] + 1e-3, "frame \(t): \(exact) vs \(fast) Hz")
                }
            }
        }
        #expect(disagreements <= power.frameCount / 20)
    }
}
