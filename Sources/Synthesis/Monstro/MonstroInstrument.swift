// LMMS 1.2.2 Monstro's playNote (plugins/monstro/Monstro.cpp) as an `LMMSInstrument`: each note owns a voice (made
// in its first period), which shapes its own release through the matrix: Monstro applies no release fade and asks
// for its envelopes' longest release (at least 64 frames). Its noise and random LFOs draw from the plugin's one
// `fast_rand`, and its band-limited tables are built once per render.

final class MonstroInstrument: LMMSInstrument {
    let desiredReleaseFrames: Int
    private let oscillators: MonstroOscillatorParameters
    private let modulators: MonstroModulatorParameters
    private let tables = MonstroWaveTables()
    private var noise = LMMSPluginNoise()

    private final class Note {
        var voice: MonstroVoice
        init(_ voice: MonstroVoice) { self.voice = voice }
    }

    init(_ settings: MonstroSettings, sampleRateHz: Float) {
        oscillators = MonstroOscillatorParameters(settings, sampleRateHz: sampleRateHz)
        modulators = MonstroModulatorParameters(settings, sampleRateHz: sampleRateHz)
        desiredReleaseFrames = max(64, modulators.envelopes.map(\.releaseFrames).max() ?? 0)
    }

    func playNote(_ note: LMMSNoteHandle, left: UnsafeMutablePointer<Float>, right: UnsafeMutablePointer<Float>,
                  frames: Int, releaseFrames: Int) {
        if note.totalFramesPlayed == 0 || note.pluginData == nil {
            note.pluginData = Note(MonstroVoice(oscillators: oscillators, modulators: modulators,
                                                noteFrequencyHz: note.frequencyHz, noise: &noise))
        }
        guard let state = note.pluginData as? Note else { return }
        let offset = note.noteOffset
        state.voice.play(left: left + offset, right: right + offset, frames: frames, framesPlayed: note.totalFramesPlayed,
                         releaseAt: note.released ? note.framesBeforeRelease : nil, tables: tables, noise: &noise)
    }
}
