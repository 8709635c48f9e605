// LMMS 1.2.2 Kicker's playNote (plugins/kicker/kicker.cpp) as an `LMMSInstrument`: each note starts its own
// sweep, releases itself once the decay has passed (checked at each period start after the first) and fades
// out over Kicker's 512 release frames, counted from the release frames already done. The noise generator is
// the plugin's one `fast_rand`, shared by every note of the render.

final class KickerInstrument: LMMSInstrument {
    /// kicker.h `desiredReleaseFrames`.
    let desiredReleaseFrames = 512
    private let settings: KickerSettings
    private let sampleRateHz: Float
    private var noise = LMMSPluginNoise()

    /// The sweep a note owns (LMMS keeps it in the note's `m_pluginData`).
    private final class Note {
        var oscillator: KickerOscillator
        init(_ oscillator: KickerOscillator) { self.oscillator = oscillator }
    }

    init(_ settings: KickerSettings, sampleRateHz: Float) {
        self.settings = settings
        self.sampleRateHz = sampleRateHz
    }

    func playNote(_ note: LMMSNoteHandle, left: UnsafeMutablePointer<Float>, right: UnsafeMutablePointer<Float>,
                  frames: Int, releaseFrames: Int) {
        let offset = note.noteOffset
        let decayFrames = settings.decayMs * sampleRateHz / 1000
        if note.totalFramesPlayed == 0 || note.pluginData == nil {
            note.pluginData = Note(KickerOscillator(settings, noteFrequencyHz: note.frequencyHz, sampleRateHz: sampleRateHz))
        } else if Float(note.totalFramesPlayed) > decayFrames && !note.released {
            note.noteOff(0, releaseFrames: releaseFrames)
        }
        guard let voice = note.pluginData as? Note else { return }
        voice.oscillator.render(left + offset, frames: frames, sampleRateHz: sampleRateHz, noiseSource: &noise)
        if note.released {
            let done = Float(note.releaseFramesDone), desired = Float(desiredReleaseFrames)
            for f in 0..<frames {
                left[offset + f] *= done + Float(f) < desired ? 1 - (done + Float(f)) / desired : 0
            }
        }
        // MonoToStereoAdaptor: both channels carry the same samples.
        for f in offset..<(offset + frames) { right[f] = left[f] }
    }
}
