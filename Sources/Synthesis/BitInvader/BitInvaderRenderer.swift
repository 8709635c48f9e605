// LMMS 1.2.2 playing one BitInvader note on a track without sound shaping or effects. BitInvader asks for no
// release frames of its own, so without a volume envelope the note stops where its length ends.

public enum BitInvaderRenderer {
    public static func render(_ s: BitInvaderSettings, track: LMMSInstrumentTrack, settings: RenderSettings) -> AudioBuffer {
        var voice = BitInvaderVoice(s, frequencyHz: track.frequencyHz(ofKey: settings.note - 12),
                                    sampleRateHz: Float(settings.sampleRateHz))
        return LMMSSingleNotePlayer.render(&voice, desiredReleaseFrames: 0, track: track, settings: settings)
    }
}
