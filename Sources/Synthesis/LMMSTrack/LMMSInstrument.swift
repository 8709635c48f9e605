// The seam between an LMMS 1.2.2 instrument plugin and the track that plays it (include/Instrument.h): the
// instrument writes one note's frames for one period; the track (`LMMSInstrumentTrackRenderer`) does what
// `InstrumentTrack::processAudioBuffer`, the mixer and the audio port do with them. A new LMMS instrument is a
// class conforming to `LMMSInstrument` plus an engine calling `LMMSTrackEngine.render`.

/// One LMMS instrument for one render (it may keep state across notes, as a plugin instance does).
protocol LMMSInstrument: AnyObject {
    /// `Instrument::desiredReleaseFrames()`: how long a released note keeps sounding when the track's volume
    /// envelope is off (the track takes the longer filter-envelope release when that is on).
    var desiredReleaseFrames: Int { get }

    /// `playNote` up to its call of `InstrumentTrack::processAudioBuffer`: writes `frames` frames of `note`
    /// (`framesLeftForCurrentPeriod`, computed before this call as every LMMS instrument does first) into
    /// `left`/`right` from `note.noteOffset`; the buffers are zero. Per-note state goes in `note.pluginData`
    /// (LMMS `m_pluginData`); `releaseFrames` is the track's release, for `framesLeft` and `noteOff`.
    func playNote(_ note: LMMSNoteHandle, left: UnsafeMutablePointer<Float>, right: UnsafeMutablePointer<Float>,
                  frames: Int, releaseFrames: Int)
}

extension LMMSInstrument {
    /// `Instrument::applyRelease`: a linear fade over the note's last `desiredReleaseFrames` frames, indexed
    /// from the buffer start as LMMS does (so it ignores the note's offset).
    /// Once the note has at most `desiredReleaseFrames` + one period left, a linear fade to 0 over its last
    /// `desiredReleaseFrames` frames; with no fade (0 frames) LMMS's start index lies past the period.
    func applyRelease(_ note: LMMSNoteHandle, left: UnsafeMutablePointer<Float>, right: UnsafeMutablePointer<Float>,
                      frames: Int, releaseFrames: Int) {
        let framesLeft = note.framesLeft(releaseFrames: releaseFrames), fade = desiredReleaseFrames
        let periodFrames = LMMSInstrumentTrackRenderer.periodFrames
        guard framesLeft <= fade + periodFrames else { return }
        let start = framesLeft > fade ? max(periodFrames - fade, 0) + framesLeft % periodFrames : 0
        guard start < frames else { return }
        for f in start..<frames {
            let factor = Float(framesLeft - f - 1) / Float(fade)
            left[f] *= factor
            right[f] *= factor
        }
    }
}

/// An instrument LMMS plays as one stream (`Instrument::IsSingleStreamed`, LB302's kind): its own play handle renders
/// every period from the song's start and hands the track the buffer without a note, so the track's envelopes,
/// filter and note volume never touch it. Notes only tell it what to play (`playNote` writes nothing).
protocol LMMSSingleStreamInstrument: LMMSInstrument {
    /// The instrument play handle's `play` for one period: `frames` frames into `left`/`right` (zeroed).
    func playPeriod(left: UnsafeMutablePointer<Float>, right: UnsafeMutablePointer<Float>, frames: Int)
    /// `deleteNotePluginData`: the mixer removed `note` (finished) at the end of the period.
    func noteRemoved(_ note: LMMSNoteHandle)
}
