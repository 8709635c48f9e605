// Shared helpers of the TripleOscillator tests: the schema from Synths/, patches from the init patch, and
// measurements (FFT peak, RMS envelope) that the assertions are made of.
import Features
import Foundation
import Formats
import TestSupport
import Testing
@testable import Synthesis

enum TripleOscillatorTestSupport {
    static let packageRoot = TestPaths.packageRoot
    static let schema = TestSchemas.required("tripleoscillator")
    static let engine = TripleOscillator(schema: schema)

    /// The init patch with only oscillator 1 sounding (a plain sine at full volume), plus `changes`.
    static func patch(_ changes: [String: Double] = [:]) -> Patch {
        var p = schema.initPatch()
        p.values["tripleoscillator.vol0"] = 100
        p.values["tripleoscillator.vol1"] = 0
        p.values["tripleoscillator.vol2"] = 0
        for (k, v) in changes { p.values[k] = v }
        return p
    }

    static func render(_ changes: [String: Double] = [:], settings: RenderSettings = RenderSettings(holdSeconds: 1, tailSeconds: 0.5)) throws -> AudioBuffer {
        try engine.render(patch(changes), settings: settings)
    }

    /// Frequency of the strongest peak (above 20 Hz) of `signal[from..<to]`: Hann window, 2^17-point FFT,
    /// parabolic interpolation on log magnitude.
    static func peakHz(_ signal: [Float], from: Int, to: Int, sampleRateHz: Double = 44_100) -> Double {
        let size = 1 << 17
        var frame = [Float](repeating: 0, count: size)
        let n = min(to, signal.count) - from
        for i in 0..<n { frame[i] = signal[from + i] * Float(0.5 - 0.5 * cos(2 * Double.pi * Double(i) / Double(n - 1))) }
        let m = magnitudes(frame)
        var best = Int(20 * Double(size) / sampleRateHz)
        for k in best..<(m.count - 1) where m[k] > m[best] { best = k }
        let l = log(Double(m[best - 1]) + 1e-30), c = log(Double(m[best]) + 1e-30), r = log(Double(m[best + 1]) + 1e-30)
        let d = l - 2 * c + r
        return (Double(best) + (d != 0 ? 0.5 * (l - r) / d : 0)) * sampleRateHz / Double(size)
    }

    static func magnitudes(_ frame: [Float]) -> [Float] {
        var m = [Float](repeating: 0, count: frame.count / 2 + 1)
        guard let fft = try? RealFFT(size: frame.count) else {
            Issue.record("no FFT of \(frame.count) points")
            return m
        }
        frame.withUnsafeBufferPointer { f in m.withUnsafeMutableBufferPointer { fft.magnitudes(f, into: $0) } }
        return m
    }

    /// Magnitude (dB, relative to the strongest bin) of the spectrum near `hz`.
    static func levelNear(_ m: [Float], hz: Double, size: Int, sampleRateHz: Double = 44_100) -> Double {
        let k = Int((hz * Double(size) / sampleRateHz).rounded())
        let local = m[max(0, k - 3)...min(m.count - 1, k + 3)].max() ?? 0
        return 20 * log10(Double(local) / Double(m.max() ?? 1))
    }

    static func rms(_ x: ArraySlice<Float>) -> Double {
        (x.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(max(x.count, 1))).squareRoot()
    }

    static func cents(_ a: Double, _ b: Double) -> Double { 1200 * log2(a / b) }
}
