// Test signals with known answers: tones with set pitch, envelope, vibrato, tremolo and partials.
import Foundation

enum Synthetic {
    static let sr = 44_100.0

    /// Sum of partials (Hz, amplitude) with phase accumulated from a time-varying frequency factor,
    /// times an amplitude envelope; `seconds` long.
    static func tone(seconds: Double, partials: [(hz: Double, amplitude: Double)],
                     frequencyFactor: (Double) -> Double = { _ in 1 },
                     envelope: (Double) -> Double = { _ in 1 }) -> [Float] {
        let n = Int(seconds * sr)
        var phases = [Double](repeating: 0, count: partials.count)
        var out = [Float](repeating: 0, count: n)
        for i in 0..<n {
            let t = Double(i) / sr
            let factor = frequencyFactor(t)
            var sum = 0.0
            for (p, partial) in partials.enumerated() {
                sum += partial.amplitude * sin(phases[p])
                phases[p] += 2 * Double.pi * partial.hz * factor / sr
            }
            out[i] = Float(sum * envelope(t))
        }
        return out
    }

    /// Harmonics 1...count of f0 with amplitudes 1/h (a band-limited saw's spectrum).
    static func harmonics(_ f0: Double, count: Int = 20) -> [(hz: Double, amplitude: Double)] {
        (1...count).map { (f0 * Double($0), 0.3 / Double($0)) }
    }

    /// Seeded uniform white noise in [-amplitude, amplitude] (xorshift64*).
    static func noise(seconds: Double, amplitude: Float = 0.3, seed: UInt64 = 7) -> [Float] {
        var state = seed
        return (0..<Int(seconds * sr)).map { _ in
            state ^= state >> 12; state ^= state << 25; state ^= state >> 27
            let r = state &* 2_685_821_657_736_338_717
            return amplitude * (Float(r >> 40) / Float(1 << 24) * 2 - 1)
        }
    }
}
