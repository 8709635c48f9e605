// LMMS 1.2.2 playing one BitInvader note on a track without sound shaping or effects, faded over BitInvader's
// own 64 release frames (bit_invader.h `desiredReleaseFrames`).

public enum BitInvaderRenderer {
    public static func render(_ s: BitInvaderSettings, track: LMMSInstrumentTrack, settings: RenderSettings) -> AudioBuffer {
        var voice = BitInvaderVoice(s, frequencyHz: track.frequencyHz(ofKey: settings.note - 12),
                                    sampleRateHz: Float(settings.sampleRateHz))
        return LMMSSingleNotePlayer.render(&voice, desiredReleaseFrames: BitInvaderVoice.desiredReleaseFrames, track: track, settings: settings)
    }
}
