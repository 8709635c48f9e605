// LMMS 1.2.2's Kicker as a SynthModel: its sweep (`KickerInstrument`) played on an LMMS instrument track
// (envelopes, filter, arpeggio, effects: `LMMSTrackEngine`), on LMMS's 256-frame period grid.

/// The Kicker engine. Renders stereo (the instrument is mono; the track's panning, filter and effects may not be).
public struct Kicker: LMMSTrackSynth {
    /// The id of `Synths/kicker.xml` (LMMS's plugin name).
    public static let schemaID = "kicker"
    public let schema: SynthSchema

    public init(schema: SynthSchema) {
        self.schema = schema
    }

    /// Renders with the user waves of the track's volume, cutoff and resonance LFOs (empty: none).
    public func render(_ patch: Patch, settings: RenderSettings, lfoUserWaves: [[Float]]) throws -> AudioBuffer {
        try LMMSTrackEngine.render(patch, schema: schema, settings: settings, lfoUserWaves: lfoUserWaves) { values, rate in
            KickerInstrument(KickerSettings(values, tempoBPM: Float(settings.tempoBPM)), sampleRateHz: rate)
        }
    }
}
