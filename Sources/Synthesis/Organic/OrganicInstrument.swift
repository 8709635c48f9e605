// LMMS 1.2.2 Organic's playNote (plugins/organic/organic.cpp) as an `LMMSInstrument`, so its notes take the
// track's envelopes, filter, chords, arpeggio and effects: each note owns its two oscillator chains (in the
// note's plugin data), with start phases drawn from one source per render; no release frames, no release fade.

final class OrganicInstrument: LMMSInstrument {
    let desiredReleaseFrames = 0
    private let settings: OrganicSettings
    private let sampleRateHz: Float
    private var random: SplitMix64

    private final class Note {
        var voice: OrganicVoice
        init(_ voice: OrganicVoice) { self.voice = voice }
    }

    init(_ settings: OrganicSettings, sampleRateHz: Float, seed: UInt64) {
        self.settings = settings
        self.sampleRateHz = sampleRateHz
        random = SplitMix64(seed: seed)
    }

    func playNote(_ note: LMMSNoteHandle, left: UnsafeMutablePointer<Float>, right: UnsafeMutablePointer<Float>,
                  frames: Int, releaseFrames: Int) {
        if note.totalFramesPlayed == 0 || note.pluginData == nil {
            note.pluginData = Note(OrganicVoice(settings, frequencyHz: note.frequencyHz, sampleRateHz: sampleRateHz,
                                                random: &random))
        }
        guard let state = note.pluginData as? Note else { return }
        let offset = note.noteOffset
        state.voice.play(left: left + offset, right: right + offset, frames: frames)
    }
}
