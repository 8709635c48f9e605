// LMMS 1.2.2 playing one LB302 note. LB302 is a single-streamed instrument: its own play handle renders every
// 256-frame period from the song's start, the track's envelopes and filter never touch it, and the note only
// hands it a frequency. The note is taken up in the first period (LMMS runs the note and the instrument in
// parallel threads, so now and then it is taken up one period later: `pickupPeriod`), and once the mixer has
// removed the finished note (its length, no release frames) the amplifier decays from the next period on.

public enum LB302Renderer {
    static let period = 256

    public static func render(_ s: LB302Settings, track: LMMSInstrumentTrack, settings: RenderSettings,
                              pickupPeriod: Int = 0) -> AudioBuffer {
        let sampleRateHz = Float(settings.sampleRateHz)
        let totalFrames = settings.totalFrames
        // The note plays its length and is removed at the end of the period in which it finishes.
        let note = LMMSNoteHandle(key: settings.note - 12, origin: .pattern, parent: nil, offset: 0,
                                  frames: settings.holdFrames, frequencyHz: 0)
        var noteRemovedAfterPeriod = Int.max
        var voice = LB302Voice(s, sampleRateHz: sampleRateHz)
        let gains = track.channelGains
        var left = [Float](repeating: 0, count: totalFrames), right = left
        let buffer = UnsafeMutablePointer<Float>.allocate(capacity: period)
        defer { buffer.deallocate() }
        var index = 0, start = 0
        while start < totalFrames {
            if index > noteRemovedAfterPeriod { voice.noteIsGone() }
            if index == pickupPeriod && index <= noteRemovedAfterPeriod {
                voice.startNote(frequencyHz: track.frequencyHz(ofKey: settings.note - 12))
            }
            if noteRemovedAfterPeriod == Int.max {
                note.endPeriod(note.startPeriod(period: period, releaseFrames: 0), period: period)
                if note.isFinished(releaseFrames: 0) { noteRemovedAfterPeriod = index }
            }
            voice.render(buffer, frames: period)
            for f in 0..<min(period, totalFrames - start) {
                left[start + f] = buffer[f] * gains.left
                right[start + f] = buffer[f] * gains.right
            }
            index += 1
            start += period
        }
        return AudioBuffer(sampleRateHz: settings.sampleRateHz, channels: [left, right])
    }
}
