// What every LMMS instrument engine's `render` does around its instrument: checks the render settings, reads
// the track's settings and effect chain from the patch, and plays the note through the shared track renderer.

enum LMMSTrackEngine {
    /// Longest render accepted (protects batch runs from absurd settings).
    static let maximumSeconds: Double = 600

    /// Renders one note of `patch` on an LMMS instrument track. `makeInstrument` reads the instrument's own
    /// parameters through the same `SchemaValues` (so an id missing from the schema is one error line) and the
    /// sample rate. `lfoUserWaves`: the volume, cutoff and resonance LFOs' user waves (missing means none).
    static func render(_ patch: Patch, schema: SynthSchema, settings: RenderSettings, lfoUserWaves: [[Float]] = [],
                       makeInstrument: (SchemaValues, Float) throws -> any LMMSInstrument) throws -> AudioBuffer {
        guard patch.synthID == schema.id else {
            throw RenderError("patch '\(patch.name)' is for synth '\(patch.synthID)', not '\(schema.id)'")
        }
        try check(settings)
        var specs: [String: ParameterSpec] = [:]
        for p in schema.parameters { specs[p.id] = p }
        let values = SchemaValues(patch: patch, specs: specs)
        let sampleRateHz = Float(settings.sampleRateHz)
        let track = LMMSTrackSettings(values, tempoBPM: Float(settings.tempoBPM))
        let instrument = try makeInstrument(values, sampleRateHz)
        try values.requireAllKnown(schemaID: schema.id)
        var lfoWaves = Array(lfoUserWaves.prefix(3))
        while lfoWaves.count < 3 { lfoWaves.append([]) }
        let effects = patch.attributes[LMMSEffectChainSettings.attributeKey].flatMap(LMMSEffectChainSettings.init(encoded:))
        return LMMSInstrumentTrackRenderer(track: track, instrument: instrument, render: settings, lfoUserWaves: lfoWaves,
                                           effects: effects).run()
    }

    /// The render settings LMMS's period loop accepts; one error line otherwise.
    static func check(_ settings: RenderSettings) throws {
        guard settings.sampleRateHz.isFinite, settings.sampleRateHz >= 8000, settings.sampleRateHz <= 384_000 else {
            throw RenderError("sample rate \(settings.sampleRateHz) Hz is outside 8000...384000")
        }
        guard settings.holdSeconds.isFinite, settings.tailSeconds.isFinite, settings.holdSeconds >= 0,
              settings.tailSeconds >= 0, settings.holdSeconds + settings.tailSeconds <= maximumSeconds else {
            throw RenderError("hold \(settings.holdSeconds) s + tail \(settings.tailSeconds) s must be finite, >= 0 and at most \(maximumSeconds) s")
        }
        guard settings.tempoBPM.isFinite, settings.tempoBPM >= 10, settings.tempoBPM <= 999 else {
            throw RenderError("tempo \(settings.tempoBPM) BPM is outside 10...999")
        }
        guard (0...127).contains(settings.note) else { throw RenderError("note \(settings.note) is outside MIDI 0...127") }
    }
}

/// An LMMS engine whose only files besides the patch are the track LFOs' user waves (the Atlas reads them).
public protocol LMMSTrackSynth: SynthModel {
    /// Renders with the user waves of the track's volume, cutoff and resonance LFOs (first channel, one cycle;
    /// empty or missing: none).
    func render(_ patch: Patch, settings: RenderSettings, lfoUserWaves: [[Float]]) throws -> AudioBuffer
}

extension LMMSTrackSynth {
    /// A render without LFO user waves (the Atlas reads the files and calls the other `render`).
    public func render(_ patch: Patch, settings: RenderSettings) throws -> AudioBuffer {
        try render(patch, settings: settings, lfoUserWaves: [])
    }
}
