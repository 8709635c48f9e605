// The short 16-bit mono WAV previews embedded in the report, so a click plays a point's sound.
import Foundation

enum PreviewAudio {
    /// The first `seconds` of `mono`, decimated to about `targetRateHz` and peak-normalised to -1 dBFS
    /// (previews are for comparing timbres, so loudness is levelled), as a 16-bit PCM WAV file.
    /// Decimation by an integer factor averages each group of samples (a box filter: its first null
    /// sits at the new sample rate, enough to keep aliasing low for a preview).
    static func wav(mono: [Float], sampleRateHz: Double, targetRateHz: Double, seconds: Double) -> Data {
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
        var data = Data(capacity: 44 + outFrames * 2)
        func append32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { data.append(contentsOf: $0) } }
        func append16(_ v: UInt16) { withUnsafeBytes(of: v.littleEndian) { data.append(contentsOf: $0) } }
        data.append(contentsOf: Array("RIFF".utf8)); append32(UInt32(36 + outFrames * 2))
        data.append(contentsOf: Array("WAVE".utf8)); data.append(contentsOf: Array("fmt ".utf8))
        append32(16); append16(1); append16(1)                 // PCM, mono
        append32(UInt32(outRate)); append32(UInt32(outRate * 2)); append16(2); append16(16)
        data.append(contentsOf: Array("data".utf8)); append32(UInt32(outFrames * 2))
        for s in samples {
            let scaled = (s * gain * 32767).rounded()
            append16(UInt16(bitPattern: Int16(max(-32768, min(32767, scaled)))))
        }
        return data
    }
}
