// Test doubles for the atlas pipeline: a tiny additive synth, a descriptor embedder, and brute-force
// sound-space algorithms. They live only in the tests; the product wires in the real modules.
import Foundation
import Formats
import SoundSpace
import Synthesis
@testable import Atlas

/// Partials of a pitched tone with a brightness knob and an exponential decay; fast at 8 kHz.
struct ToySynth: SynthModel {
    let schema = SynthSchema(id: "toy", name: "Toy", tool: "test", parameters: [
        ParameterSpec(id: "pitchHz", label: "Pitch", minimum: 100, maximum: 1600, defaultValue: 220, scale: .log),
        ParameterSpec(id: "brightness", label: "Brightness", minimum: 0, maximum: 1, defaultValue: 0.3, scale: .linear),
        ParameterSpec(id: "decaySeconds", label: "Decay", minimum: 0.01, maximum: 1, defaultValue: 0.2, scale: .log),
        ParameterSpec(id: "partials", label: "Partials", minimum: 1, maximum: 6, defaultValue: 3, scale: .int),
    ])

    func render(_ patch: Patch, settings: RenderSettings) throws -> AudioBuffer {
        let pitch = patch.value(schema.parameters[0]), brightness = patch.value(schema.parameters[1])
        let decay = patch.value(schema.parameters[2]), partials = Int(patch.value(schema.parameters[3]))
        let frames = settings.totalFrames
        var out = [Float](repeating: 0, count: frames)
        for i in 0..<frames {
            let t = Double(i) / settings.sampleRateHz
            var sample = 0.0
            for k in 1...partials {
                sample += pow(brightness, Double(k - 1)) * sin(2 * Double.pi * pitch * Double(k) * t)
            }
            out[i] = Float(0.3 * sample * exp(-t / decay))
        }
        return AudioBuffer(sampleRateHz: settings.sampleRateHz, channels: [out])
    }
}

/// RMS, zero-crossing rate, crest factor and first-difference energy: enough to spread toy sounds.
struct ToyEmbedder: Embedder {
    var identifier: String { "toy descriptors v1" }
    func embed(_ audio: AudioBuffer, settings: RenderSettings) throws -> [Float] {
        let x = audio.mono
        let n = Float(max(x.count, 1))
        let rms = (x.reduce(0) { $0 + $1 * $1 } / n).squareRoot()
        var crossings: Float = 0, diff: Float = 0
        for i in 1..<x.count {
            if (x[i - 1] < 0) != (x[i] < 0) { crossings += 1 }
            diff += (x[i] - x[i - 1]) * (x[i] - x[i - 1])
        }
        let peak = x.reduce(0) { max($0, abs($1)) }
        let half = x.count / 2
        let late = (x[half...].reduce(0) { $0 + $1 * $1 } / Float(max(x.count - half, 1))).squareRoot()
        return [rms, crossings / n, peak / max(rms, 1e-6), (diff / n).squareRoot() / max(rms, 1e-6), late / max(rms, 1e-6)]
    }
}

/// A quick stand-in for the t-SNE map, for small test sets.
struct FirstTwoDimensionsMap: SpaceAnalysis {
    var projectionName: String { "first two standardised dimensions" }

    func project(_ points: Matrix, seed: UInt64) throws -> Matrix {
        var out = Matrix(rows: points.rows, columns: 2)
        for i in 0..<points.rows { out[i, 0] = points[i, 0]; out[i, 1] = points[i, min(1, points.columns - 1)] }
        return out
    }
}

enum Fixtures {
    static let synth = ToySynth()

    static func components() -> AtlasComponents {
        AtlasComponents(models: ["toy": synth], readers: [NativePresetReader(schemas: ["toy": synth.schema])],
                        embedder: ToyEmbedder(), analysis: FirstTwoDimensionsMap())
    }

    static let settings = AtlasSettings(
        randomCount: 40, sampler: .uniform, sweepSteps: 3, seed: 11,
        render: RenderSettings(note: 60, velocity: 100, holdSeconds: 0.08, tailSeconds: 0.04, sampleRateHz: 8000),
        previewSeconds: 0.1, previewSampleRateHz: 8000)

    /// A temporary folder with a bank of `count` native presets for the toy synth, plus `extra` files.
    static func bank(count: Int = 12, names: [String] = [], extra: [String: String] = [:]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("atlas-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("bank"), withIntermediateDirectories: true)
        for i in 0..<count {
            let name = i < names.count ? names[i] : "Preset \(i)"
            let values = ["pitchHz": 110 * pow(2, Double(i % 4)), "brightness": Double(i % 5) / 5,
                          "decaySeconds": 0.05 + 0.03 * Double(i), "partials": Double(1 + i % 6)]
            let preset = NativePreset(patch: Patch(synthID: "toy", name: name, values: values), author: "tests")
            try preset.write(to: dir.appendingPathComponent("bank/p\(i).xml"), schema: synth.schema)
        }
        for (file, text) in extra { try Data(text.utf8).write(to: dir.appendingPathComponent("bank/\(file)")) }
        return dir
    }
}
