// LMMS 1.2.2 LB302 as a single-streamed `LMMSInstrument` (plugins/lb302/lb302.cpp `playNote`, `processNote`, `play`,
// `deleteNotePluginData`): notes queue themselves each period (new ones last), the instrument's own play handle takes
// the queue, retriggers its one voice on a note it has not seen, and lets the amplifier decay from the period after
// the mixer removed the note it was playing. Slides between notes are not emulated (a single note never slides).

final class LB302Instrument: LMMSSingleStreamInstrument {
    /// lb302.h `desiredReleaseFrames()`: 0.
    let desiredReleaseFrames = 0
    private var voice: LB302Voice
    private var queue: [LMMSNoteHandle] = []
    private var playingNote: LMMSNoteHandle?
    /// `release_frame`: the furthest end (frames left plus offset) of any note queued so far; 0 before the first.
    private var releaseFrame = 0
    private var retrigger = false
    private var frequencyHz: Float = 0

    init(_ settings: LB302Settings, sampleRateHz: Float) {
        voice = LB302Voice(settings, sampleRateHz: sampleRateHz)
    }

    func playNote(_ note: LMMSNoteHandle, left: UnsafeMutablePointer<Float>, right: UnsafeMutablePointer<Float>,
                  frames: Int, releaseFrames: Int) {
        if note.isMasterNote || (note.parent != nil && note.released) { return }
        if note.totalFramesPlayed == 0 { queue.append(note) } else { queue.insert(note, at: 0) }
        releaseFrame = max(releaseFrame, note.framesLeft(releaseFrames: releaseFrames) + note.offset)
    }

    /// processNote: a note not seen before becomes the playing note and retriggers the voice; with no playing note,
    /// a held one takes over.
    private func take(_ note: LMMSNoteHandle) {
        if note.pluginData !== self {
            playingNote = note
            retrigger = true
            note.pluginData = self
        }
        if playingNote == nil && !note.released && releaseFrame > 0 { playingNote = note }
        if playingNote === note { frequencyHz = note.frequencyHz }
    }

    func playPeriod(left: UnsafeMutablePointer<Float>, right: UnsafeMutablePointer<Float>, frames: Int) {
        for note in queue { take(note) }
        queue.removeAll(keepingCapacity: true)
        // process(): nothing to play starts the decay; a new note then restarts the voice (unless "dead" ties it).
        if releaseFrame == 0 || playingNote == nil { voice.noteIsGone() }
        if retrigger {
            voice.startNote(frequencyHz: frequencyHz)
            retrigger = false
        }
        voice.render(left, frames: frames)
        right.update(from: left, count: frames)
    }

    func noteRemoved(_ note: LMMSNoteHandle) {
        if playingNote === note { playingNote = nil }
    }
}
