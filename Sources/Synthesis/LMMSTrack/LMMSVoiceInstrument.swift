// An LMMS instrument whose notes are independent voices (`LMMSNoteVoice`; BitInvader's kind): LMMS creates the
// voice in a note's first period from the note's frequency (`m_pluginData`), fills the note's frames from its
// offset, and fades it by Instrument::applyRelease over the instrument's desiredReleaseFrames.

final class LMMSVoiceInstrument<Voice: LMMSNoteVoice>: LMMSInstrument {
    let desiredReleaseFrames: Int
    private let makeVoice: (_ frequencyHz: Float) -> Voice

    private final class Note {
        var voice: Voice
        init(_ voice: Voice) { self.voice = voice }
    }

    /// `desiredReleaseFrames`: the plugin's `desiredReleaseFrames()` (BitInvader 64).
    init(desiredReleaseFrames: Int, makeVoice: @escaping (_ frequencyHz: Float) -> Voice) {
        self.desiredReleaseFrames = desiredReleaseFrames
        self.makeVoice = makeVoice
    }

    func playNote(_ note: LMMSNoteHandle, left: UnsafeMutablePointer<Float>, right: UnsafeMutablePointer<Float>,
                  frames: Int, releaseFrames: Int) {
        let playing = note.pluginData { Note(makeVoice(note.frequencyHz)) }
        let offset = note.noteOffset
        playing.voice.play(left: left + offset, right: right + offset, frames: frames)
        applyRelease(note, left: left, right: right, frames: frames, releaseFrames: releaseFrames)
    }
}

/// An instrument's per-note sound generator: fills the next `frames` frames of both channels.
protocol LMMSNoteVoice {
    mutating func play(left: UnsafeMutablePointer<Float>, right: UnsafeMutablePointer<Float>, frames: Int)
}
