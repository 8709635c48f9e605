// LMMS 1.2.2's TripleOscillator instrument as a SynthModel: the note is played through LMMS's own period
// loop (256 frames), so chords, arpeggios, LFO clock, envelopes and filter updates happen at the same frames
// as in LMMS. Sources: plugins/triple_oscillator/TripleOscillator.cpp, src/core/NotePlayHandle.cpp,
// src/core/InstrumentFunctions.cpp, src/core/InstrumentSoundShaping.cpp, src/core/Mixer.cpp.

/// The TripleOscillator engine. Renders stereo.
public struct TripleOscillator: SynthModel {
    /// The id of `Synths/tripleoscillator.xml`.
    public static let schemaID = "tripleoscillator"
    public let schema: SynthSchema
    private let specs: [String: ParameterSpec]

    /// LMMS's default period (frames per buffer): block-rate effects happen on this grid.
    public static let periodFrames = 256
    /// Longest render accepted (protects batch runs from absurd settings).
    public static let maximumSeconds: Double = 600

    public init(schema: SynthSchema) {
        self.schema = schema
        var byID: [String: ParameterSpec] = [:]
        for p in schema.parameters { byID[p.id] = p }
        specs = byID
    }

    public func render(_ patch: Patch, settings: RenderSettings) throws -> AudioBuffer {
        try render(patch, settings: settings, userWaves: [[], [], []])
    }

    /// Renders with the user waves of the three oscillators and of the volume, cutoff and resonance LFOs (first
    /// channel of each file, one cycle; empty or missing means LMMS's silent empty buffer). `velocity` is LMMS's
    /// note volume in percent (100 = unity).
    public func render(_ patch: Patch, settings: RenderSettings, userWaves: [[Float]],
                       lfoUserWaves: [[Float]] = []) throws -> AudioBuffer {
        guard patch.synthID == schema.id else {
            throw RenderError("patch '\(patch.name)' is for synth '\(patch.synthID)', not '\(schema.id)'")
        }
        guard settings.sampleRateHz.isFinite, settings.sampleRateHz >= 8000, settings.sampleRateHz <= 384_000 else {
            throw RenderError("sample rate \(settings.sampleRateHz) Hz is outside 8000...384000")
        }
        guard settings.holdSeconds.isFinite, settings.tailSeconds.isFinite, settings.holdSeconds >= 0,
              settings.tailSeconds >= 0, settings.holdSeconds + settings.tailSeconds <= Self.maximumSeconds else {
            throw RenderError("hold \(settings.holdSeconds) s + tail \(settings.tailSeconds) s must be finite, >= 0 and at most \(Self.maximumSeconds) s")
        }
        guard settings.tempoBPM.isFinite, settings.tempoBPM >= 10, settings.tempoBPM <= 999 else {
            throw RenderError("tempo \(settings.tempoBPM) BPM is outside 10...999")
        }
        guard (0...127).contains(settings.note) else { throw RenderError("note \(settings.note) is outside MIDI 0...127") }
        let decoded = try TripleOscillatorSettings(patch: patch, specs: specs, sampleRateHz: Float(settings.sampleRateHz),
                                               tempoBPM: Float(settings.tempoBPM))
        var waves = userWaves
        while waves.count < 3 { waves.append([]) }
        var lfoWaves = lfoUserWaves
        while lfoWaves.count < 3 { lfoWaves.append([]) }
        let effects = patch.attributes[LMMSEffectChainSettings.attributeKey].flatMap(LMMSEffectChainSettings.init(encoded:))
        let renderer = TripleOscillatorRenderer(settings: decoded, render: settings, userWaves: Array(waves.prefix(3)),
                                                lfoUserWaves: Array(lfoWaves.prefix(3)), effects: effects)
        return renderer.run()
    }
}
