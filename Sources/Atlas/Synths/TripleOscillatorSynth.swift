// LMMS TripleOscillator: Synths/tripleoscillator.xml, engine Synthesis/TripleOscillator, presets
// Formats/LMMS. Its engine also needs the user wave files a preset names, read here (Features reads audio).
import Features
import Foundation
import Formats
import Synthesis

extension SynthDescriptor {
    public static let tripleOscillator = SynthDescriptor(
        id: TripleOscillator.schemaID, formats: [.lmmsTripleOscillator],
        makeEngine: { TripleOscillatorWithUserWaves(engine: TripleOscillator(schema: $0)) })
}

/// TripleOscillator fed with the user waves its patch names (`*.userwavefile` attributes).
struct TripleOscillatorWithUserWaves: SynthModel {
    let engine: TripleOscillator
    var schema: SynthSchema { engine.schema }

    func render(_ patch: Patch, settings: RenderSettings) throws -> AudioBuffer {
        func wave(_ key: String, _ what: String) throws -> [Float] {
            guard let path = patch.attributes[key] else { return [] }
            do { return try AudioFile.read(URL(fileURLWithPath: path)).channels.first ?? [] } catch {
                throw RenderError("user wave file of \(what) unreadable (\(error))")
            }
        }
        let waves = try (0..<3).map { try wave("tripleoscillator.userwavefile\($0)", "oscillator \($0 + 1)") }
        let lfoWaves = try [("elvol", "the volume LFO"), ("elcut", "the cutoff LFO"), ("elres", "the resonance LFO")]
            .map { try wave("\($0.0).userwavefile", $0.1) }
        return try engine.render(patch, settings: settings, userWaves: waves, lfoUserWaves: lfoWaves)
    }
}
