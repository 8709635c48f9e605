// LMMS TripleOscillator: Synths/tripleoscillator.xml, engine Synthesis/TripleOscillator, presets
// Formats/LMMS. Its engine also needs the user wave files a preset names (LMMSUserWaveFiles).
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
        let waves = try (0..<3).map {
            try LMMSUserWaveFiles.wave(patch, "tripleoscillator.userwavefile\($0)", "oscillator \($0 + 1)")
        }
        return try engine.render(patch, settings: settings, userWaves: waves, lfoUserWaves: try LMMSUserWaveFiles.lfoWaves(patch))
    }
}
