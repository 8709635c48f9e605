// The short previews every point keeps, so a click on the map plays its sound: mono Ogg Vorbis, a few KB
// each, written beside the page as previews/<n>.ogg.
import Features
import Foundation

enum PreviewAudio {
    /// The first `seconds` of `mono`, decimated to about `targetRateHz` and peak-normalised to -1 dBFS
    /// (previews are for comparing timbres, so loudness is levelled), and the resulting sample rate.
    /// Decimation by an integer factor averages each group of samples (a box filter: its first null
    /// sits at the new sample rate, enough to keep aliasing low for a preview).
    static func levelled(mono: [Float], sampleRateHz: Double, targetRateHz: Double, seconds: Double) -> (samples: [Float], rateHz: Int) {
        let factor = max(1, Int((sampleRateHz / max(targetRateHz, 1)).rounded()))
        let outRate = Int((sampleRateHz / Double(factor)).rounded())
        let inFrames = min(mono.count, Int(seconds * sampleRateHz))
        let outFrames = inFrames / factor
        var samples = [Float](repeating: 0, count: outFrames)
        mono.withUnsafeBufferPointer { input in
            for i in 0..<outFrames {
                var sum: Float = 0
                for j in 0..<factor { sum += input[i * factor + j] }
                samples[i] = sum / Float(factor)
            }
        }
        let peak = samples.reduce(0) { max($0, abs($1)) }
        let gain: Float = peak > 1e-6 ? 0.891 / peak : 0
        return (samples.map { $0 * gain }, outRate)
    }

    /// The levelled preview as an Ogg Vorbis file, the same bytes on every run.
    static func ogg(mono: [Float], sampleRateHz: Double, targetRateHz: Double, seconds: Double) throws -> Data {
        let (samples, rate) = levelled(mono: mono, sampleRateHz: sampleRateHz, targetRateHz: targetRateHz, seconds: seconds)
        return OggPages.withFixedSerial(try AudioFile.oggVorbis(mono: samples, sampleRateHz: rate))
    }

    /// The file extension for stored preview bytes: Ogg, or WAV in stores written before previews were Ogg.
    static func fileExtension(_ bytes: Data) -> String? {
        switch String(decoding: bytes.prefix(4), as: UTF8.self) {
        case "OggS": return "ogg"
        case "RIFF": return "wav"
        default: return nil
        }
    }
}
