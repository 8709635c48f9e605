// LMMS 1.2.2's BitInvader as a SynthModel: its drawn-wave voice (`BitInvaderVoice`) played on an LMMS instrument
// track (envelopes, filter, arpeggio, effects: `LMMSTrackEngine`). The wave is the patch attribute
// `bitinvader.sampleShape` (LMMS's base64 text); random settings draw one.

/// The BitInvader engine. Renders stereo (the instrument is mono; the track's panning and effects may not be).
public struct BitInvader: LMMSTrackSynth, DrawsRandomAttributes {
    /// The id of `Synths/bitinvader.xml` (LMMS's plugin name).
    public static let schemaID = "bitinvader"
    /// The patch attribute holding the drawn wave.
    public static let waveAttribute = "bitinvader.sampleShape"
    public let schema: SynthSchema

    public init(schema: SynthSchema) {
        self.schema = schema
    }

    public func render(_ patch: Patch, settings: RenderSettings, lfoUserWaves: [[Float]]) throws -> AudioBuffer {
        let shape = patch.attributes[Self.waveAttribute]
        return try LMMSTrackEngine.render(patch, schema: schema, settings: settings, lfoUserWaves: lfoUserWaves) { values, rate in
            let s = BitInvaderSettings(length: values.value("bitinvader.sampleLength"), sampleShape: shape,
                                       interpolation: values.value("bitinvader.interpolation") >= 0.5,
                                       normalize: values.value("bitinvader.normalize") >= 0.5)
            return BitInvaderVoice.instrument(s, sampleRateHz: rate)
        }
    }

    /// The longest wave the knob allows, each point uniform in -1...1 (as the reference script draws them);
    /// `sampleLength` then plays its first points.
    public func randomAttributes(seed: UInt64, index: Int) -> [String: String] {
        var random = SplitMix64(seed: SplitMix64.mix(seed, UInt64(index), 0xB17_1A7))
        let points = (0..<BitInvaderSettings.lengthRange.upperBound).map { _ in Float(random.nextUnit() * 2 - 1) }
        return [Self.waveAttribute: BitInvaderSettings.encode(points)]
    }
}
