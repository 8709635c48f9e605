// LMMS 1.2.2's LB302 as a SynthModel: the single-streamed `LB302Instrument` on an LMMS instrument track, which for
// such an instrument applies only the arpeggio, the track's volume and panning and the effect chain.

/// The LB302 engine. Renders stereo (the instrument is mono; the track's panning and effects may not be).
public struct LB302: LMMSTrackSynth {
    /// The id of `Synths/lb302.xml` (LMMS's plugin name).
    public static let schemaID = "lb302"
    public let schema: SynthSchema

    public init(schema: SynthSchema) {
        self.schema = schema
    }

    public func render(_ patch: Patch, settings: RenderSettings, lfoUserWaves: [[Float]]) throws -> AudioBuffer {
        try LMMSTrackEngine.render(patch, schema: schema, settings: settings, lfoUserWaves: lfoUserWaves) { values, rate in
            LB302Instrument(LB302Settings(values), sampleRateHz: rate)
        }
    }
}
