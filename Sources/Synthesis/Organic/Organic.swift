// LMMS 1.2.2's Organic as a SynthModel: eight harmonic oscillators per channel (`OrganicInstrument`) played on an
// LMMS instrument track (envelopes, filter, arpeggio, effects: `LMMSTrackEngine`). LMMS draws each oscillator's
// start phases from rand(), seeded from the clock; ours come from the render's seed, so a render repeats.

/// The Organic engine. Renders stereo (each oscillator has its own panning and stereo detune).
public struct Organic: LMMSTrackSynth {
    /// The id of `Synths/organic.xml` (LMMS's plugin name).
    public static let schemaID = "organic"
    public let schema: SynthSchema

    public init(schema: SynthSchema) {
        self.schema = schema
    }

    public func render(_ patch: Patch, settings: RenderSettings, lfoUserWaves: [[Float]]) throws -> AudioBuffer {
        try LMMSTrackEngine.render(patch, schema: schema, settings: settings, lfoUserWaves: lfoUserWaves) { values, rate in
            OrganicInstrument(OrganicSettings(values), sampleRateHz: rate, seed: settings.seed)
        }
    }
}
