// LMMS 1.2.2 BitInvader's playNote (plugins/bit_invader/bit_invader.cpp) as an `LMMSInstrument`, so its notes
// take the track's envelopes, filter, chords, arpeggio and effects: each note owns its wave reader (`bSynth`,
// in the note's plugin data); BitInvader asks for no release frames of its own.

final class BitInvaderInstrument: LMMSInstrument {
    let desiredReleaseFrames = 0
    private let settings: BitInvaderSettings
    private let sampleRateHz: Float

    private final class Note {
        var voice: BitInvaderVoice
        init(_ voice: BitInvaderVoice) { self.voice = voice }
    }

    init(_ settings: BitInvaderSettings, sampleRateHz: Float) {
        self.settings = settings
        self.sampleRateHz = sampleRateHz
    }

    func playNote(_ note: LMMSNoteHandle, left: UnsafeMutablePointer<Float>, right: UnsafeMutablePointer<Float>,
                  frames: Int, releaseFrames: Int) {
        if note.totalFramesPlayed == 0 || note.pluginData == nil {
            note.pluginData = Note(BitInvaderVoice(settings, frequencyHz: note.frequencyHz, sampleRateHz: sampleRateHz))
        }
        guard let state = note.pluginData as? Note else { return }
        let offset = note.noteOffset
        state.voice.play(left: left + offset, right: right + offset, frames: frames)
        applyRelease(note, left: left, right: right, frames: frames, releaseFrames: releaseFrames)
    }
}
