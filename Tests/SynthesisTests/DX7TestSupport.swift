// Shared helpers of the DX7 tests: the schema, the factory ROM bank, the reference fixtures, and
// measurements (FFT peak, RMS envelope) written for the tests.
import Foundation
import Formats
import Features
import TestSupport
@testable import Synthesis

enum DX7TestSupport {
    static let referenceDirectory = TestPaths.shared("fixtures/dx7-reference")
    static let corpusDirectory = TestPaths.shared("corpora/dx7")
    static let romBank = TestPaths.factory("usr/share/hexter/dx7_roms.dx7")
    static var haveReferences: Bool {
        FileManager.default.fileExists(atPath: referenceDirectory.appendingPathComponent("dx7_roms_000.flac").path)
            && FileManager.default.fileExists(atPath: romBank.path)
    }
    static var haveROMBank: Bool { FileManager.default.fileExists(atPath: romBank.path) }

    static let schema = TestSchemas.required("dx7")
    static let model = DX7(schema: schema)

    /// The reference settings: note 60, velocity 100, 1.5 s + 1.5 s, 132,352 samples at 44.1 kHz.
    static var referenceSettings: RenderSettings {
        var settings = RenderSettings(note: 60, velocity: 100, holdSeconds: 1.5, tailSeconds: 132_352.0 / 44_100 - 1.5)
        settings.sampleRateHz = 44_100
        return settings
    }

    /// A patch from the init voice with some values changed.
    static func patch(_ changes: [String: Double]) -> Patch {
        var patch = schema.initPatch(name: "test")
        for (key, value) in changes { patch.values[key] = value }
        return patch
    }

    static func render(_ patch: Patch, note: Int = 60, velocity: Int = 100, hold: Double = 1.0, tail: Double = 0.5) throws -> [Float] {
        let settings = RenderSettings(note: note, velocity: velocity, holdSeconds: hold, tailSeconds: tail)
        return try model.render(patch, settings: settings).channels[0]
    }

    /// Magnitude spectrum (Hann window, naive real DFT at the requested bins only).
    static func magnitude(_ x: ArraySlice<Float>, frequencyHz: Double, sampleRateHz: Double = 44_100) -> Double {
        let n = x.count
        var re = 0.0, im = 0.0
        for (i, sample) in x.enumerated() {
            let w = 0.5 - 0.5 * cos(2 * Double.pi * Double(i) / Double(n))
            let phase = 2 * Double.pi * frequencyHz * Double(i) / sampleRateHz
            re += Double(sample) * w * cos(phase)
            im -= Double(sample) * w * sin(phase)
        }
        return (re * re + im * im).squareRoot() * 4 / Double(n)
    }

    /// The frequency of the strongest spectral peak between `lowHz` and `highHz`, refined by
    /// golden-section search on the windowed DFT magnitude (sub-cent accuracy on a steady tone).
    static func peakFrequency(_ x: ArraySlice<Float>, lowHz: Double, highHz: Double, sampleRateHz: Double = 44_100) -> Double {
        let step = sampleRateHz / Double(x.count) / 4
        var best = lowHz, bestMagnitude = -1.0
        var f = lowHz
        while f <= highHz {
            let m = magnitude(x, frequencyHz: f, sampleRateHz: sampleRateHz)
            if m > bestMagnitude { bestMagnitude = m; best = f }
            f += step
        }
        var a = best - step, b = best + step
        let ratio = (5.0.squareRoot() - 1) / 2
        for _ in 0..<30 {
            let c = b - ratio * (b - a), d = a + ratio * (b - a)
            if magnitude(x, frequencyHz: c, sampleRateHz: sampleRateHz) > magnitude(x, frequencyHz: d, sampleRateHz: sampleRateHz) { b = d } else { a = c }
        }
        return (a + b) / 2
    }

    static func rms(_ x: ArraySlice<Float>) -> Double {
        guard !x.isEmpty else { return 0 }
        return (x.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(x.count)).squareRoot()
    }
}
