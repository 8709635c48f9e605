// LMMS 1.2.2's Watsyn as a SynthModel: four drawn-wave oscillators (`WatsynVoice`) played on an LMMS instrument
// track (envelopes, filter, arpeggio, effects: `LMMSTrackEngine`). The waves are the patch attributes
// `watsyn.a1_wave` ... `watsyn.b2_wave` (LMMS's base64 text); random settings draw them.

/// The Watsyn engine. Renders stereo (each oscillator has its own panning and a detune per channel).
public struct Watsyn: LMMSTrackSynth, DrawsRandomAttributes {
    /// The id of `Synths/watsyn.xml` (LMMS's plugin name).
    public static let schemaID = "watsyn"
    /// The patch attributes holding the drawn waves, A1 A2 B1 B2.
    public static let waveAttributes = WatsynSettings.oscillatorNames.map { "watsyn.\($0)_wave" }
    public let schema: SynthSchema

    public init(schema: SynthSchema) {
        self.schema = schema
    }

    public func render(_ patch: Patch, settings: RenderSettings, lfoUserWaves: [[Float]]) throws -> AudioBuffer {
        var waves: [String: String] = [:]
        for (name, attribute) in zip(WatsynSettings.oscillatorNames, Self.waveAttributes) {
            waves[name] = patch.attributes[attribute]
        }
        return try LMMSTrackEngine.render(patch, schema: schema, settings: settings, lfoUserWaves: lfoUserWaves) { values, rate in
            WatsynVoice.instrument(WatsynSettings(values, waves: waves, tempoBPM: Float(settings.tempoBPM)),
                                  sampleRateHz: rate)
        }
    }

    /// Four waves of GRAPHLEN points, each uniform in -1...1 (as the reference script draws them).
    public func randomAttributes(seed: UInt64, index: Int) -> [String: String] {
        var random = SplitMix64(seed: SplitMix64.mix(seed, UInt64(index), 0x3A75_7171))
        var attributes: [String: String] = [:]
        for attribute in Self.waveAttributes {
            let points = (0..<WatsynWave.drawnLength).map { _ in Float(random.nextUnit() * 2 - 1) }
            attributes[attribute] = LMMSBase64Floats.encode(points)
        }
        return attributes
    }
}
