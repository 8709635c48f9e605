// LMMS 1.2.2 playing one Organic note on a track without sound shaping or effects. Organic asks for no release
// frames and applies no release fade, so without a volume envelope the note stops where its length ends.

public enum OrganicRenderer {
    public static func render(_ s: OrganicSettings, track: LMMSInstrumentTrack, settings: RenderSettings) -> AudioBuffer {
        var random = SplitMix64(seed: settings.seed)
        var voice = OrganicVoice(s, frequencyHz: track.frequencyHz(ofKey: settings.note - 12),
                                 sampleRateHz: Float(settings.sampleRateHz), random: &random)
        return LMMSSingleNotePlayer.render(&voice, desiredReleaseFrames: 0, track: track, settings: settings)
    }
}
