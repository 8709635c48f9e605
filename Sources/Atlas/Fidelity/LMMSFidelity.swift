// Measures how close our TripleOscillator renders are to LMMS 1.2.2's own renders of its factory presets
// (../shared/fixtures/lmms-reference: README, manifest.csv, *.flac): spectral distance (Features'
// ReferenceDistance), pitch error by FFT peak, and level difference.
import Features
import Foundation
import Formats
import Synthesis

public enum LMMSFidelity {
    /// One line of the references' manifest.csv.
    public struct Reference: Sendable {
        public var audioFile: String
        public var presetFile: String
        public var legacyFormat: Bool
        /// Effects in the preset's FX chain (nil: the manifest does not say, i.e. none in old files).
        public var effects: Int?
        /// Wave type index of each oscillator.
        public var waves: [Int]
        public var name: String { (presetFile as NSString).deletingPathExtension }
        /// LMMS effects are not emulated: such references are a weaker test of the synth.
        public var hasEffects: Bool { (effects ?? 0) > 0 }
        /// White noise has no pitch, and its level in mono depends on the noise.
        public var hasNoise: Bool { waves.contains(6) }
    }

    /// The measures of one preset.
    public struct Row: Sendable {
        public var reference: Reference
        public var distance: Double
        /// Cents between the FFT peaks of ours and LMMS's (nil for noise).
        public var pitchErrorCents: Double?
        /// Our RMS level minus LMMS's, dB (mono downmix, whole render).
        public var levelDifferenceDecibels: Double
    }

    /// The reference renders' settings (README): LMMS key 57 = MIDI 69, note volume 100, 2 beats at 120 BPM.
    public static let referenceSettings = RenderSettings(note: 69, velocity: 100, holdSeconds: 1.0, tailSeconds: 3.0,
                                                         sampleRateHz: 44_100, tempoBPM: 120, seed: 1)
    /// The references store LMMS's output times 0.25 (README).
    public static let referenceScale: Float = 0.25

    /// Parses manifest.csv (header `file,preset,legacy_format,arpeggiator,chords,fx_effects,filter_type,filter_on,waves`).
    public static func manifest(_ url: URL) throws -> [Reference] {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw PresetError(file: url.path, problem: "cannot read the reference manifest (missing, unreadable or not UTF-8)")
        }
        var rows: [Reference] = []
        for (number, line) in text.split(whereSeparator: \.isNewline).enumerated() where number > 0 {
            let fields = csvFields(String(line))
            guard fields.count >= 9 else { continue }
            rows.append(Reference(audioFile: fields[0], presetFile: fields[1], legacyFormat: fields[2] == "1",
                                  effects: Int(fields[5]),
                                  waves: fields[8].split(separator: ",").compactMap { Int($0) }))
        }
        return rows
    }

    static func csvFields(_ line: String) -> [String] {
        var fields: [String] = [], current = "", quoted = false
        for ch in line {
            if ch == "\"" { quoted.toggle() } else if ch == "," && !quoted { fields.append(current); current = "" } else { current.append(ch) }
        }
        fields.append(current)
        return fields
    }

    /// Our render as the references were stored: times 0.25, 24-bit, read back times 4 (so both share the
    /// same quantisation floor, which the log spectra otherwise see in near-silence).
    public static func storedLikeReference(_ channel: [Float]) -> [Float] {
        let full: Float = 8_388_607
        return channel.map { x in
            let scaled = min(max(x * referenceScale, -1), 1)
            return (scaled * full).rounded() / full / referenceScale
        }
    }

    /// Renders one reference's preset and compares it with LMMS's render.
    /// `seed` only matters for what LMMS itself does not repeat (noise, CAPS PhaserII).
    public static func measure(_ reference: Reference, presets: URL, references: URL, rendering: PresetRendering,
                               seed: UInt64 = 1) throws -> Row {
        var settings = referenceSettings
        settings.seed = seed
        let ours = try rendering.render(presets.appendingPathComponent(reference.presetFile), settings: settings)
        let lmms = try AudioFile.read(references.appendingPathComponent(reference.audioFile))
        let lmmsMono = lmms.mono.map { $0 / referenceScale }
        let oursMono = AudioBuffer(sampleRateHz: ours.sampleRateHz, channels: ours.channels.map(storedLikeReference)).mono
        let distance = ReferenceDistance.distance(oursMono, lmmsMono)
        var cents: Double? = nil
        // Our peak is searched within 50 cents of LMMS's strongest peak: with detuned or stacked oscillators two
        // peaks can be nearly equal, and the pitch question is whether that partial sits where LMMS puts it.
        if !reference.hasNoise, let b = peakFrequencyHz(lmmsMono, sampleRateHz: lmms.sampleRateHz),
           let a = peakFrequencyHz(oursMono, sampleRateHz: ours.sampleRateHz, near: b) {
            cents = 1200 * log2(a / b)
        }
        let level = 20 * log10(max(rms(oursMono), 1e-12) / max(rms(lmmsMono), 1e-12))
        return Row(reference: reference, distance: distance, pitchErrorCents: cents, levelDifferenceDecibels: level)
    }

    static func rms(_ x: [Float]) -> Double {
        guard !x.isEmpty else { return 0 }
        return (x.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(x.count)).squareRoot()
    }

    /// Frequency of the strongest spectral peak while the note is held (0.1...0.9 s), Hann window, zero-padded
    /// FFT of 2^18 points with parabolic interpolation on log magnitude (resolution well under 1 cent at 440 Hz).
    /// nil when the segment is silent.
    /// With `near`, only peaks within `windowCents` of that frequency count.
    public static func peakFrequencyHz(_ signal: [Float], sampleRateHz: Double, from start: Double = 0.1,
                                       to end: Double = 0.9, near: Double? = nil, windowCents: Double = 50) -> Double? {
        let a = Int(start * sampleRateHz), b = min(signal.count, Int(end * sampleRateHz))
        guard b - a >= 1024 else { return nil }
        let size = 1 << 18
        var frame = [Float](repeating: 0, count: size)
        let count = b - a
        // Remove the DC offset (naive waves and phase modulation leave one) so its leakage is never the peak.
        let mean = signal[a..<b].reduce(0.0) { $0 + Double($1) } / Double(count)
        for i in 0..<count {
            let w = 0.5 - 0.5 * cos(2 * Double.pi * Double(i) / Double(count - 1))
            frame[i] = Float((Double(signal[a + i]) - mean) * w)
        }
        guard let fft = try? RealFFT(size: size) else { return nil }
        var magnitudes = [Float](repeating: 0, count: fft.binCount)
        frame.withUnsafeBufferPointer { f in magnitudes.withUnsafeMutableBufferPointer { fft.magnitudes(f, into: $0) } }
        // Nothing below 20 Hz counts as a pitch.
        var low = max(1, Int(20 * Double(size) / sampleRateHz)), high = magnitudes.count - 2
        if let near {
            let binHz = sampleRateHz / Double(size)
            low = max(low, Int(near * pow(2, -windowCents / 1200) / binHz))
            high = min(magnitudes.count - 2, Int(near * pow(2, windowCents / 1200) / binHz) + 1)
            guard low <= high else { return nil }
        }
        var best = low
        for k in low...high where magnitudes[k] > magnitudes[best] { best = k }
        guard magnitudes[best] > 0 else { return nil }
        let l = log(Double(magnitudes[best - 1]) + 1e-30), c = log(Double(magnitudes[best]) + 1e-30)
        let r = log(Double(magnitudes[best + 1]) + 1e-30)
        let denominator = l - 2 * c + r
        let shift = denominator != 0 ? 0.5 * (l - r) / denominator : 0
        return (Double(best) + shift) * sampleRateHz / Double(size)
    }

    /// The goals of issue 2 over presets without FX: median distance, share within 0.35, worst pitch and level.
    public struct Summary: Sendable {
        public var presets: Int
        public var medianDistance: Double
        public var shareWithin035: Double
        public var worstPitchCents: Double
        public var worstLevelDecibels: Double
    }

    public static func summary(_ rows: [Row]) -> Summary {
        let clean = rows.filter { !$0.reference.hasEffects }
        let distances = clean.map(\.distance).sorted()
        let median: Double
        if distances.isEmpty { median = .nan } else if distances.count % 2 == 1 { median = distances[distances.count / 2] } else {
            median = (distances[distances.count / 2 - 1] + distances[distances.count / 2]) / 2
        }
        let within = distances.isEmpty ? 0 : Double(distances.filter { $0 <= 0.35 }.count) / Double(distances.count)
        let pitch = clean.compactMap(\.pitchErrorCents).map(abs).max() ?? 0
        let level = clean.filter { !$0.reference.hasNoise }.map { abs($0.levelDifferenceDecibels) }.max() ?? 0
        return Summary(presets: clean.count, medianDistance: median, shareWithin035: within, worstPitchCents: pitch,
                       worstLevelDecibels: level)
    }
}
