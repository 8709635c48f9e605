// Our DX7 renders of hexter's ROM bank against hexter 1.1.1's own renders (../shared/fixtures/
// dx7-reference): the reference distance, the pitch error in cents and the level difference in dB
// per voice, and the summary the goals are stated in.
import Features
import Formats
import Foundation
import Synthesis

public enum DX7Fidelity {
    /// The fixtures' settings: note 60, velocity 100, 1.5 s held, 132,352 samples in all at 44.1 kHz.
    public static let referenceSettings = RenderSettings(note: 60, velocity: 100, holdSeconds: 1.5,
                                                         tailSeconds: 132_352.0 / 44_100 - 1.5, sampleRateHz: 44_100)

    public struct Row: Sendable {
        public var index: Int
        public var name: String
        public var distance: Double
        /// Our strongest partial against the reference's at the same place, in cents (nil: no clear peak).
        public var pitchErrorCents: Double?
        /// Our RMS over the reference's, in dB (hexter's gain staging is modelled, so this is near 0).
        public var levelDifferenceDecibels: Double
    }

    public struct Summary: Sendable {
        public var voices: Int
        public var medianDistance: Double
        public var p90Distance: Double
        public var shareWithin040: Double
        public var worstPitchCents: Double
    }

    /// Measures every reference file `dx7_roms_NNN.flac` in `references` against voice NNN of `bank`.
    public static func measure(bank: URL, references: URL, model: DX7,
                               progress: (Row) -> Void = { _ in }) throws -> [Row] {
        let voices = try DX7SysEx.read(bank).voices
        let files = try FileManager.default.contentsOfDirectory(atPath: references.path)
            .filter { $0.hasPrefix("dx7_roms_") && $0.hasSuffix(".flac") }.sorted()
        var rows: [Row] = []
        for file in files {
            guard let index = Int(file.dropFirst("dx7_roms_".count).prefix(3)), voices.indices.contains(index) else { continue }
            let theirs = try AudioFile.read(references.appendingPathComponent(file)).mono
            let ours = try model.render(voices[index].patch(schema: model.schema), settings: referenceSettings).channels[0]
            let row = Row(index: index, name: voices[index].name,
                          distance: ReferenceDistance.distance(storedLikeReference(ours), theirs),
                          pitchErrorCents: pitchErrorCents(ours, theirs),
                          levelDifferenceDecibels: 20 * log10(max(rms(ours), 1e-12) / max(rms(theirs), 1e-12)))
            rows.append(row)
            progress(row)
        }
        return rows
    }

    /// Our render as the references were stored: 24-bit FLAC, each sample rounded to the nearest
    /// 2^-23 (hexter's own float output, rounded so, equals every sample of its fixture). Without this
    /// the quantisation floor, which the log spectra see once a voice has decayed by 100 dB, counts as
    /// a difference: hexter's unrounded output is 0.22 from its own fixture on KOTO (measured with
    /// scripts/dx7-distance.py), ours 0.007 once both are rounded.
    public static func storedLikeReference(_ samples: [Float]) -> [Float] {
        let steps: Float = 8_388_608
        return samples.map { min(max(($0 * steps).rounded(), -steps), steps - 1) / steps }
    }

    public static func summary(_ rows: [Row]) -> Summary {
        let sorted = rows.map(\.distance).sorted()
        guard !sorted.isEmpty else { return Summary(voices: 0, medianDistance: .nan, p90Distance: .nan, shareWithin040: 0, worstPitchCents: .nan) }
        let p90 = sorted[min(sorted.count - 1, Int((Double(sorted.count) * 0.9).rounded(.up)) - 1)]
        return Summary(voices: rows.count, medianDistance: sorted[sorted.count / 2], p90Distance: p90,
                       shareWithin040: Double(sorted.filter { $0 <= 0.40 }.count) / Double(sorted.count),
                       worstPitchCents: rows.compactMap(\.pitchErrorCents).map(abs).max() ?? 0)
    }

    static func rms(_ x: [Float]) -> Double {
        guard !x.isEmpty else { return 0 }
        return (x.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(x.count)).squareRoot()
    }

    /// The strongest partial of ours (0.2...0.94 s, 50 Hz...5 kHz) and the reference's peak within
    /// three bins of it, both refined by parabolic interpolation of the log magnitude.
    static func pitchErrorCents(_ ours: [Float], _ theirs: [Float], sampleRateHz: Double = 44_100) -> Double? {
        let size = 32_768, start = Int(0.2 * sampleRateHz)
        guard ours.count >= start + size, theirs.count >= start + size else { return nil }
        guard let fft = try? RealFFT(size: size) else { return nil }
        let window = hannWindow(size)
        func spectrum(_ x: [Float]) -> [Float] {
            let frame = (0..<size).map { x[start + $0] * window[$0] }
            var magnitudes = [Float](repeating: 0, count: fft.binCount)
            frame.withUnsafeBufferPointer { f in magnitudes.withUnsafeMutableBufferPointer { fft.magnitudes(f, into: $0) } }
            return magnitudes
        }
        let a = spectrum(ours), b = spectrum(theirs)
        let binHz = sampleRateHz / Double(size)
        let low = Int(50 / binHz), high = Int(5000 / binHz)
        guard let k = (low...high).max(by: { a[$0] < a[$1] }), a[k] > 0 else { return nil }
        guard let j = ((k - 3)...(k + 3)).max(by: { b[$0] < b[$1] }), b[j] > a[k] * 0.1 else { return nil }
        func refined(_ m: [Float], _ i: Int) -> Double {
            let l = log(Double(max(m[i - 1], 1e-20))), c = log(Double(max(m[i], 1e-20))), r = log(Double(max(m[i + 1], 1e-20)))
            let denominator = l - 2 * c + r
            return (Double(i) + (denominator == 0 ? 0 : 0.5 * (l - r) / denominator)) * binHz
        }
        return 1200 * log2(refined(a, k) / refined(b, j))
    }
}
