// Turns one preset file into audio with the built-in engine of its synth (`SynthRegistry`): load
// (sniffed by content), render. Shared by `presetatlas render`, `presetatlas fidelity` and the benchmarks.
import Features
import Formats
import Foundation
import Synthesis

/// Renders preset files with the built-in synth models; caches each synth's schema.
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

    /// The patches of a preset file, read by the format of a renderable synth that recognises it.
    public func patches(_ url: URL) throws -> [Patch] {
        try PresetLoader.load(url, formats: SynthRegistry.renderableFormats, schema: { try self.schema($0) })
    }

    /// The engine of a built-in synth.
    public func engine(_ synthID: String) throws -> any SynthModel {
        guard let makeEngine = SynthRegistry.descriptor(synthID)?.makeEngine else {
            throw RenderError("no built-in engine for synth '\(synthID)'")
        }
        return makeEngine(try schema(synthID))
    }

    /// Renders one patch with its synth's engine; any failure is one error naming `file`.
    public func render(_ patch: Patch, settings: RenderSettings, file: String) throws -> AudioClip {
        let buffer: AudioBuffer
        do { buffer = try engine(patch.synthID).render(patch, settings: settings) } catch let error as PresetError {
            throw error
        } catch {
            throw PresetError(file: file, problem: "\(error)")
        }
        return AudioClip(sampleRateHz: buffer.sampleRateHz, channels: buffer.channels)
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
