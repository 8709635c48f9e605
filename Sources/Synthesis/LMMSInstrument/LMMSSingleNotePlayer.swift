// One note of an LMMS 1.2.2 instrument played the way the mixer plays it when the track adds no envelopes,
// filter or effects: 256-frame periods, the note released when its length ends, Instrument::applyRelease's
// linear fade over the instrument's desiredReleaseFrames, the note's volume (InstrumentTrack::processAudioBuffer)
// and the track's gains. A note that finishes in a period is dropped before that period is mixed, as LMMS's
// mixer removes finished notes before the audio port mixes them.

/// An instrument's per-note sound generator: fills the next `frames` frames of both channels.
protocol LMMSNoteVoice {
    mutating func play(left: UnsafeMutablePointer<Float>, right: UnsafeMutablePointer<Float>, frames: Int)
}

enum LMMSSingleNotePlayer {
    static let period = 256

    static func render<Voice: LMMSNoteVoice>(_ voice: inout Voice, desiredReleaseFrames: Int, track: LMMSInstrumentTrack,
                                             settings: RenderSettings) -> AudioBuffer {
        let totalFrames = settings.totalFrames
        let key = settings.note - 12  // LMMS key 57 = MIDI 69
        let note = LMMSNoteHandle(key: key, origin: .pattern, parent: nil, offset: 0, frames: settings.holdFrames,
                                  frequencyHz: track.frequencyHz(ofKey: key))
        let releaseFrames = desiredReleaseFrames
        let noteVolume = Float(min(max(settings.velocity, 0), 200)) / 100
        let gains = track.channelGains
        var left = [Float](repeating: 0, count: totalFrames), right = left
        let bufferLeft = UnsafeMutablePointer<Float>.allocate(capacity: period)
        let bufferRight = UnsafeMutablePointer<Float>.allocate(capacity: period)
        defer { bufferLeft.deallocate(); bufferRight.deallocate() }
        var start = 0
        while start < totalFrames && !note.isFinished(releaseFrames: releaseFrames) {
            bufferLeft.initialize(repeating: 0, count: period)
            bufferRight.initialize(repeating: 0, count: period)
            let framesThisPeriod = note.startPeriod(period: period, releaseFrames: releaseFrames)
            let frames = note.framesLeftForCurrentPeriod(releaseFrames: releaseFrames, period: period)
            if frames > 0 {
                voice.play(left: bufferLeft, right: bufferRight, frames: frames)
                applyRelease(left: bufferLeft, right: bufferRight, frames: frames,
                             framesLeft: note.framesLeft(releaseFrames: releaseFrames), fade: desiredReleaseFrames)
                for f in 0..<frames {
                    bufferLeft[f] *= noteVolume
                    bufferRight[f] *= noteVolume
                }
            }
            note.endPeriod(framesThisPeriod, period: period)
            if note.isFinished(releaseFrames: releaseFrames) { break }
            for f in 0..<min(period, totalFrames - start) {
                left[start + f] = bufferLeft[f] * gains.left
                right[start + f] = bufferRight[f] * gains.right
            }
            start += period
        }
        return AudioBuffer(sampleRateHz: settings.sampleRateHz, channels: [left, right])
    }

    /// Instrument::applyRelease: once the note has at most `fade` + one period left, a linear fade to 0 over its
    /// last `fade` frames (indexed from the buffer start, as LMMS does). With no fade (0 frames) LMMS's start
    /// index lies past the period, so nothing is faded.
    static func applyRelease(left: UnsafeMutablePointer<Float>, right: UnsafeMutablePointer<Float>, frames: Int,
                             framesLeft: Int, fade: Int) {
        guard framesLeft <= fade + period else { return }
        let start = framesLeft > fade ? max(period - fade, 0) + framesLeft % period : 0
        guard start < frames else { return }
        for f in start..<frames {
            let factor = Float(framesLeft - f - 1) / Float(fade)
            left[f] *= factor
            right[f] *= factor
        }
    }
}
