// LMMS 1.2.2's Monstro as a SynthModel: its notes (`MonstroInstrument`) played on an LMMS instrument track
// (envelopes, filter, arpeggio, effects: `LMMSTrackEngine`), on LMMS's 256-frame period grid.

/// The Monstro engine. Renders stereo.
public struct Monstro: LMMSTrackSynth {
    /// The id of `Synths/monstro.xml` (LMMS's plugin name).
    public static let schemaID = "monstro"
    public let schema: SynthSchema

    public init(schema: SynthSchema) {
        self.schema = schema
    }

    public func render(_ patch: Patch, settings: RenderSettings, lfoUserWaves: [[Float]]) throws -> AudioBuffer {
        try LMMSTrackEngine.render(patch, schema: schema, settings: settings, lfoUserWaves: lfoUserWaves) { values, rate in
            MonstroInstrument(MonstroSettings(values, tempoBPM: Float(settings.tempoBPM)), sampleRateHz: rate)
        }
    }
}
