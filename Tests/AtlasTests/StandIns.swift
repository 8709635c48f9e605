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

/// Brute-force versions of the sound-space algorithms (O(n²)), for small test sets.
struct BruteForceAnalysis: SpaceAnalysis {
    var projectionName: String { "first two standardised dimensions" }

    func project(_ points: Matrix, seed: UInt64) throws -> Matrix {
        var out = Matrix(rows: points.rows, columns: 2)
        for i in 0..<points.rows { out[i, 0] = points[i, 0]; out[i, 1] = points[i, min(1, points.columns - 1)] }
        return out
    }

    static func distance(_ a: Matrix, _ i: Int, _ b: Matrix, _ j: Int) -> Float {
        var sum: Float = 0
        for c in 0..<a.columns { let d = a[i, c] - b[j, c]; sum += d * d }
        return sum.squareRoot()
    }

    func kthDistances(_ m: Matrix, k: Int) -> [Float] {
        (0..<m.rows).map { i in
            let d = (0..<m.rows).filter { $0 != i }.map { Self.distance(m, i, m, $0) }.sorted()
            return d[min(k - 1, d.count - 1)]
        }
    }

    func fidelityDiversity(real: Matrix, fake: Matrix, k: Int) throws -> FidelityDiversity {
        let realRadii = kthDistances(real, k: k), fakeRadii = kthDistances(fake, k: k)
        var precision = 0.0, density = 0.0, recall = 0.0, covered = 0.0
        for j in 0..<fake.rows {
            let inside = (0..<real.rows).filter { Self.distance(fake, j, real, $0) <= realRadii[$0] }.count
            if inside > 0 { precision += 1 }
            density += Double(inside)
        }
        for i in 0..<real.rows where (0..<fake.rows).contains(where: { Self.distance(real, i, fake, $0) <= fakeRadii[$0] }) {
            recall += 1
        }
        for i in 0..<real.rows {
            let nearest = (0..<fake.rows).map { Self.distance(real, i, fake, $0) }.min() ?? .infinity
            if nearest <= realRadii[i] { covered += 1 }
        }
        return FidelityDiversity(precision: precision / Double(fake.rows), recall: recall / Double(real.rows),
                                 density: density / Double(k * fake.rows), coverage: covered / Double(real.rows))
    }

    func nearestDistances(from queries: Matrix, to reference: Matrix, excludingSameIndex: Bool) -> [Float] {
        (0..<queries.rows).map { i in
            (0..<reference.rows).filter { !excludingSameIndex || $0 != i }.map { Self.distance(queries, i, reference, $0) }.min() ?? .infinity
        }
    }

    func kMeansLabels(_ points: Matrix, clusters: Int, seed: UInt64) throws -> [Int] {
        // Nearest of `clusters` fixed seeds (the first rows): a deterministic stand-in for k-means.
        (0..<points.rows).map { i in (0..<clusters).min { Self.distance(points, i, points, $0) < Self.distance(points, i, points, $1) }! }
    }
}

enum Fixtures {
    static let synth = ToySynth()

    static func components() -> AtlasComponents {
        AtlasComponents(models: ["toy": synth], readers: [NativePresetReader(schemas: ["toy": synth.schema])],
                        embedder: ToyEmbedder(), analysis: BruteForceAnalysis())
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
