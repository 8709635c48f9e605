// TripleOscillator::playNote (plugins/triple_oscillator/TripleOscillator.cpp) as an `LMMSInstrument`: each note
// gets its own two chains of three oscillators (left, right), and fades out over 128 frames by
// Instrument::applyRelease.

/// One note's oscillators (LMMS keeps them in the note's `m_pluginData`).
final class TripleOscillatorNote {
    var left: LMMSOscillatorChain
    var right: LMMSOscillatorChain
    init(left: LMMSOscillatorChain, right: LMMSOscillatorChain) {
        self.left = left
        self.right = right
    }
}

final class TripleOscillatorInstrument: LMMSInstrument {
    /// TripleOscillator::desiredReleaseFrames: a 128-frame fade at the end of every note.
    let desiredReleaseFrames = 128
    private let settings: TripleOscillatorSettings
    private let sampleRateHz: Float
    /// The noise source and user waves every note's oscillators share.
    private var context: WaveContext

    init(_ settings: TripleOscillatorSettings, sampleRateHz: Float, userWaves: [[Float]], seed: UInt64) {
        self.settings = settings
        self.sampleRateHz = sampleRateHz
        context = WaveContext(random: LMMSRandom(seed: seed), userWaves: userWaves)
    }

    func playNote(_ note: LMMSNoteHandle, left: UnsafeMutablePointer<Float>, right: UnsafeMutablePointer<Float>,
                  frames: Int, releaseFrames: Int) {
        let voice = note.pluginData {
            TripleOscillatorNote(left: LMMSOscillatorChain(settings: settings.left, sampleRateHz: sampleRateHz),
                                 right: LMMSOscillatorChain(settings: settings.right, sampleRateHz: sampleRateHz))
        }
        let offset = note.noteOffset
        voice.left.render(left + offset, frames: frames, frequencyHz: note.frequencyHz, context: &context)
        voice.right.render(right + offset, frames: frames, frequencyHz: note.frequencyHz, context: &context)
        applyRelease(note, left: left, right: right, frames: frames, releaseFrames: releaseFrames)
    }
}
