// One playing note as LMMS 1.2.2's NotePlayHandle tracks it (src/core/NotePlayHandle.cpp): start offset,
// length, release bookkeeping, parent/children for chords and arpeggios, the instrument's per-note state and
// the track filter's.

/// Why a note exists (LMMS `NotePlayHandle::Origin`).
enum LMMSNoteOrigin { case pattern, noteStacking, arpeggio }

final class LMMSNoteHandle {
    let key: Int
    let origin: LMMSNoteOrigin
    weak var parent: LMMSNoteHandle?
    var subNotes: [LMMSNoteHandle] = []
    var hadChildren = false
    var usesBuffer = true
    /// Frames before this note starts within the period it is first played in.
    var offset: Int
    /// Length until note-off, in frames.
    let frames: Int
    var totalFramesPlayed = 0
    var framesBeforeRelease = 0
    var releaseFramesToDo = 0
    var releaseFramesDone = 0
    var released = false
    var frequencyHz: Float
    /// The instrument's per-note state (LMMS `m_pluginData`), created when the note first plays.
    var pluginData: AnyObject?
    /// The track filter's state for this note.
    var filter: LMMSFilter?

    init(key: Int, origin: LMMSNoteOrigin, parent: LMMSNoteHandle?, offset: Int, frames: Int, frequencyHz: Float) {
        self.key = key
        self.origin = origin
        self.parent = parent
        self.offset = offset
        self.frames = frames
        self.frequencyHz = frequencyHz
        if let parent {
            parent.subNotes.append(self)
            parent.hadChildren = true
            parent.usesBuffer = false
        }
    }

    /// The instrument's per-note state of type `T`, made by `make` the first time the note plays.
    func pluginData<T: AnyObject>(orMake make: () -> T) -> T {
        if let existing = pluginData as? T { return existing }
        let made = make()
        pluginData = made
        return made
    }

    /// A note with (or once with) chord or arpeggio children plays nothing itself.
    var isMasterNote: Bool { !subNotes.isEmpty || hadChildren }

    /// Offset within the current period (only the first period has one).
    var noteOffset: Int { totalFramesPlayed == 0 ? offset : 0 }

    func framesLeft(releaseFrames: Int) -> Int {
        if released && releaseFramesToDo == 0 { return framesBeforeRelease }
        if released { return framesBeforeRelease + releaseFramesToDo - releaseFramesDone }
        return frames + releaseFrames - totalFramesPlayed
    }

    func framesLeftForCurrentPeriod(releaseFrames: Int, period: Int) -> Int {
        let left = framesLeft(releaseFrames: releaseFrames)
        return totalFramesPlayed == 0 ? min(left, period - offset) : min(left, period)
    }

    /// LMMS `noteOff(s)`: release `s` frames into the current period, children with it.
    func noteOff(_ s: Int, releaseFrames: Int) {
        if released { return }
        released = true
        for child in subNotes { child.noteOff(s, releaseFrames: releaseFrames) }
        framesBeforeRelease = s
        releaseFramesToDo = max(0, releaseFrames)
    }

    func isFinished(releaseFrames: Int) -> Bool { released && framesLeft(releaseFrames: releaseFrames) <= 0 }

    /// The start of `NotePlayHandle::play` (the note starts this period, offset < period): the frames it covers
    /// this period, after a note-off when its length ends within them.
    func startPeriod(period: Int, releaseFrames: Int) -> Int {
        let framesThisPeriod = totalFramesPlayed == 0 ? period - offset : period
        if !released && totalFramesPlayed + framesThisPeriod > frames {
            noteOff(totalFramesPlayed == 0 ? frames + offset : frames - totalFramesPlayed, releaseFrames: releaseFrames)
        }
        return framesThisPeriod
    }

    /// The end of `NotePlayHandle::play`, after the instrument played: release bookkeeping and frames played.
    func endPeriod(_ framesThisPeriod: Int, period: Int) {
        if released {
            var todo = framesThisPeriod
            if !subNotes.isEmpty { releaseFramesToDo = releaseFramesDone + 2 * period }
            if framesBeforeRelease > 0 {
                if framesBeforeRelease <= framesThisPeriod {
                    todo -= framesBeforeRelease
                    framesBeforeRelease = 0
                } else {
                    todo = 0
                    framesBeforeRelease -= framesThisPeriod
                }
            }
            if todo > 0 && releaseFramesDone < releaseFramesToDo {
                releaseFramesDone = min(releaseFramesDone + todo, releaseFramesToDo)
            }
        }
        totalFramesPlayed += framesThisPeriod
    }
}
