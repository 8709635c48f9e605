// Turns one preset file into audio with the built-in engine of its synth: load (sniffed by content),
// attach user waves, render. Shared by `presetatlas render`, `presetatlas fidelity` and the benchmarks.
import Features
import Formats
import Foundation
import Synthesis

/// Renders preset files with the built-in synth models; caches each synth's schema and engine.
public final class PresetRendering: @unchecked Sendable {
    private let lock = NSLock()
    private var schemas: [String: SynthSchema] = [:]

    public init() {}

    /// The schema of a built-in synth (loaded once from `Synths/`).
    public func schema(_ synthID: String) throws -> SynthSchema {
        lock.lock(); defer { lock.unlock() }
        if let known = schemas[synthID] { return known }
        let loaded = try SynthDefinition.named(synthID)
        schemas[synthID] = loaded
        return loaded
    }

    /// The patches of a preset file.
    public func patches(_ url: URL) throws -> [Patch] {
        try PresetLoader.load(url, schema: { try self.schema($0) })
    }

    /// Renders one patch with its synth's engine.
    public func render(_ patch: Patch, settings: RenderSettings, file: String) throws -> AudioClip {
        switch patch.synthID {
        case TripleOscillator.schemaID:
            let engine = TripleOscillator(schema: try schema(patch.synthID))
            func wave(_ key: String, _ what: String) throws -> [Float] {
                guard let path = patch.attributes[key] else { return [] }
                do { return try AudioFile.read(URL(fileURLWithPath: path)).channels.first ?? [] } catch {
                    throw PresetError(file: file, problem: "user wave file of \(what) unreadable (\(error))")
                }
            }
            let waves = try (0..<3).map { try wave("tripleoscillator.userwavefile\($0)", "oscillator \($0 + 1)") }
            let lfoWaves = try [("elvol", "the volume LFO"), ("elcut", "the cutoff LFO"), ("elres", "the resonance LFO")]
                .map { try wave("\($0.0).userwavefile", $0.1) }
            let buffer: AudioBuffer
            do { buffer = try engine.render(patch, settings: settings, userWaves: waves, lfoUserWaves: lfoWaves) } catch {
                throw PresetError(file: file, problem: "\(error)")
            }
            return AudioClip(sampleRateHz: buffer.sampleRateHz, channels: buffer.channels)
        case DX7VoiceData.synthID:
            let buffer: AudioBuffer
            do { buffer = try DX7(schema: try schema(patch.synthID)).render(patch, settings: settings) } catch {
                throw PresetError(file: file, problem: "\(error)")
            }
            return AudioClip(sampleRateHz: buffer.sampleRateHz, channels: buffer.channels)
        case Amsynth.schemaID:
            let buffer: AudioBuffer
            do { buffer = try Amsynth(schema: try schema(patch.synthID)).render(patch, settings: settings) } catch {
                throw PresetError(file: file, problem: "\(error)")
            }
            return AudioClip(sampleRateHz: buffer.sampleRateHz, channels: buffer.channels)
        default:
            throw PresetError(file: file, problem: "no built-in engine for synth '\(patch.synthID)'")
        }
    }

    /// Loads and renders the first patch of a preset file.
    public func render(_ url: URL, settings: RenderSettings) throws -> AudioClip {
        try render(url, index: 0, settings: settings)
    }

    /// Loads and renders patch `index` (0-based) of a preset file; a bank (DX7 .syx/.dx7) holds many.
    public func render(_ url: URL, index: Int, settings: RenderSettings) throws -> AudioClip {
        let all = try patches(url)
        guard !all.isEmpty else { throw PresetError(file: url.lastPathComponent, problem: "holds no patch") }
        guard all.indices.contains(index) else {
            throw PresetError(file: url.lastPathComponent, problem: "has \(all.count) patch(es); index \(index) is out of range 0...\(all.count - 1)")
        }
        return try render(all[index], settings: settings, file: url.lastPathComponent)
    }
}
