// LMMS 1.2.2's TripleOscillator instrument as a SynthModel: the note is played through LMMS's own period
// loop (256 frames, `LMMSInstrumentTrackRenderer`), so chords, arpeggios, LFO clock, envelopes and filter
// updates happen at the same frames as in LMMS. Sources: plugins/triple_oscillator/TripleOscillator.cpp, src/core/NotePlayHandle.cpp,
// src/core/InstrumentFunctions.cpp, src/core/InstrumentSoundShaping.cpp, src/core/Mixer.cpp.

/// The TripleOscillator engine. Renders stereo.
public struct TripleOscillator: SynthModel {
    /// The id of `Synths/tripleoscillator.xml`.
    public static let schemaID = "tripleoscillator"
    public let schema: SynthSchema

    /// LMMS's default period (frames per buffer): block-rate effects happen on this grid.
    public static let periodFrames = LMMSInstrumentTrackRenderer.periodFrames
    /// Longest render accepted (protects batch runs from absurd settings).
    public static let maximumSeconds = LMMSTrackEngine.maximumSeconds

    public init(schema: SynthSchema) {
        self.schema = schema
    }

    public func render(_ patch: Patch, settings: RenderSettings) throws -> AudioBuffer {
        try render(patch, settings: settings, userWaves: [[], [], []])
    }

    /// Renders with the user waves of the three oscillators and of the volume, cutoff and resonance LFOs (first
    /// channel of each file, one cycle; empty or missing means LMMS's silent empty buffer). `velocity` is LMMS's
    /// note volume in percent (100 = unity).
    public func render(_ patch: Patch, settings: RenderSettings, userWaves: [[Float]],
                       lfoUserWaves: [[Float]] = []) throws -> AudioBuffer {
        var waves = Array(userWaves.prefix(3))
        while waves.count < 3 { waves.append([]) }
        return try LMMSTrackEngine.render(patch, schema: schema, settings: settings, lfoUserWaves: lfoUserWaves) { values, rate in
            TripleOscillatorInstrument(TripleOscillatorSettings(values, sampleRateHz: rate), sampleRateHz: rate,
                                       userWaves: waves, seed: settings.seed)
        }
    }
}
