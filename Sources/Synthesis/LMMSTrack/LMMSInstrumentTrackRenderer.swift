// The period loop of one LMMS instrument track: LMMS 1.2.2's Mixer/NotePlayHandle/InstrumentTrack/AudioPort flow
// for one note (plus its chord and arpeggio children), one 256-frame period at a time. The instrument
// (`LMMSInstrument`) plays each note; the track shapes it (envelopes, filter), applies the note volume, mixes
// the notes, applies its volume and panning, and runs its effect chain.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Float to Int as C's truncating cast, without trapping on non-finite or huge values.
@inline(__always) func truncatingInt(_ x: Float) -> Int {
    guard x.isFinite else { return 0 }
    return Int(min(max(x, -1e9), 1e9))
}

final class LMMSInstrumentTrackRenderer {
    /// LMMS's default period (frames per buffer): block-rate work happens on this grid.
    static let periodFrames = 256

    private let s: LMMSTrackSettings
    private let instrument: any LMMSInstrument
    private let sampleRateHz: Float
    private let totalFrames: Int
    private let holdFrames: Int
    private let rootKey: Int
    private let noteVolume: Float
    private let tempoBPM: Double
    /// The track's envelopes, LFOs and filter.
    private let shaping: LMMSSoundShaping
    /// LMMS `InstrumentSoundShaping::releaseFrames()`: how long a released note keeps sounding.
    private let releaseFrames: Int
    /// Arpeggiator choices (skip, miss, random direction) draw from their own seeded source.
    private var arpRandom: LMMSRandom

    /// The track's effect chain (nil: none), run on the port buffer after the track's volume and panning.
    private let effects: LMMSEffectChain?
    private var handles: [LMMSNoteHandle] = []
    /// The instrument when LMMS plays it as one stream (LB302), and whether its last buffer was silent.
    private let singleStream: (any LMMSSingleStreamInstrument)?
    private var silentBufferProcessed = false
    private var pending: [LMMSNoteHandle] = []

    private static let period = periodFrames
    /// LMMS `NumKeys` (9 octaves).
    private static let numberOfKeys = 108

    // Per-period scratch buffers, allocated once per render (raw pointers: no uniqueness checks in the loops).
    private let scratch = UnsafeMutablePointer<Float>.allocate(capacity: 4 * LMMSInstrumentTrackRenderer.period)
    private var noteLeft: UnsafeMutablePointer<Float> { scratch }
    private var noteRight: UnsafeMutablePointer<Float> { scratch + Self.period }
    private var portLeft: UnsafeMutablePointer<Float> { scratch + 2 * Self.period }
    private var portRight: UnsafeMutablePointer<Float> { scratch + 3 * Self.period }

    deinit { scratch.deallocate() }

    /// `lfoUserWaves`: the volume, cutoff and resonance LFOs' user waves (three, empty when unused).
    init(track settings: LMMSTrackSettings, instrument: any LMMSInstrument, render: RenderSettings,
         lfoUserWaves: [[Float]], effects: LMMSEffectChainSettings? = nil) {
        s = settings
        self.instrument = instrument
        singleStream = instrument as? any LMMSSingleStreamInstrument
        self.effects = effects.map {
            LMMSEffectChain($0, sampleRateHz: Float(render.sampleRateHz), periodFrames: Self.period,
                            seed: SplitMix64.mix(render.seed, 0xFE_C4A1))
        }
        sampleRateHz = Float(render.sampleRateHz)
        totalFrames = render.totalFrames
        holdFrames = render.holdFrames
        rootKey = render.note - 12  // LMMS key 57 = MIDI 69 = A4
        noteVolume = Float(min(max(render.velocity, 0), 200))
        tempoBPM = render.tempoBPM
        shaping = LMMSSoundShaping(settings, desiredReleaseFrames: instrument.desiredReleaseFrames, sampleRateHz: sampleRateHz,
                                   lfoUserWaves: lfoUserWaves, seed: render.seed ^ 0x1234_5678_9ABC_DEF0)
        // InstrumentSoundShaping::releaseFrames: a single-streamed instrument's notes take only its own release.
        releaseFrames = instrument is any LMMSSingleStreamInstrument ? instrument.desiredReleaseFrames : shaping.releaseFrames
        arpRandom = LMMSRandom(seed: render.seed ^ 0xA5A5_5A5A_0F0F_F0F0)
        scratch.initialize(repeating: 0, count: 4 * Self.period)
    }

    /// LMMS `NotePlayHandle::updateFrequency`: 440 Hz at the base note, track pitch in cents.
    private func frequency(ofKey key: Int) -> Float {
        440 * powf(2, Float(key - s.baseNote) / 12 + s.pitchCents / 1200)
    }

    func run() -> AudioBuffer {
        let period = Self.period
        var left = [Float](repeating: 0, count: totalFrames)
        var right = [Float](repeating: 0, count: totalFrames)
        pending.append(LMMSNoteHandle(key: rootKey, origin: .pattern, parent: nil, offset: 0, frames: holdFrames,
                                      frequencyHz: frequency(ofKey: rootKey)))
        // Song::processNextBuffer resets the LFO clock while the play position is still at tick 0, and the
        // mixer advances it by one period after each period (EnvelopeAndLfoParameters::LfoInstances).
        let framesPerTick = Double(sampleRateHz) * 60 / (tempoBPM * 48)
        let resetPeriods = max(1, Int((framesPerTick / Double(period)).rounded(.up)))
        let trackVolume = s.trackVolume * 0.01, trackPan = s.trackPan * 0.01
        let trackLeft = (trackPan <= 0 ? 1 : 1 - trackPan) * trackVolume
        let trackRight = (trackPan >= 0 ? 1 : 1 + trackPan) * trackVolume

        var periodIndex = 0
        while periodIndex * period < totalFrames {
            handles.append(contentsOf: pending)
            pending.removeAll(keepingCapacity: true)
            if handles.isEmpty && !(effects?.isRunning ?? false) && singleStream == nil { break }
            shaping.fillLFOShapes(lfoFrame: max(0, periodIndex - (resetPeriods - 1)) * period, frames: period)

            for i in 0..<period { portLeft[i] = 0; portRight[i] = 0 }
            // Mixer::renderNextBuffer plays every handle, then removes the finished ones from their audio port,
            // and only then does the port mix the buffers: a note never contributes the period its release ends in.
            var finished: [LMMSNoteHandle] = []
            var bufferUsage = false
            for handle in handles {
                for i in 0..<period { noteLeft[i] = 0; noteRight[i] = 0 }
                play(handle)
                if handle.isFinished(releaseFrames: releaseFrames) {
                    finished.append(handle)
                } else if handle.usesBuffer {
                    bufferUsage = true
                    for i in 0..<period { portLeft[i] += noteLeft[i]; portRight[i] += noteRight[i] }
                }
            }
            if let singleStream {
                // The instrument's own play handle: its buffer always reaches the port.
                singleStream.playPeriod(left: portLeft, right: portRight, frames: period)
                wakeEffectsUnlessSilentAgain()
                bufferUsage = true
            }
            for handle in finished {
                handle.parent?.subNotes.removeAll { $0 === handle }
                singleStream?.noteRemoved(handle)
            }
            handles.removeAll { handle in finished.contains { $0 === handle } }
            // AudioPort::doProcessing: volume and panning (only when a note was mixed), then the effect chain; the
            // port reaches the mixer only if a note was mixed or an effect is still running.
            if bufferUsage {
                for i in 0..<period { portLeft[i] *= trackLeft; portRight[i] *= trackRight }
            }
            let effectsRunning = effects?.process(left: portLeft, right: portRight, frames: period, hasInput: bufferUsage) ?? false
            let start = periodIndex * period
            let count = min(period, totalFrames - start)
            if bufferUsage || effectsRunning {
                let (pl, pr) = (portLeft, portRight)
                left.withUnsafeMutableBufferPointer { out in for i in 0..<count { out[start + i] = pl[i] } }
                right.withUnsafeMutableBufferPointer { out in for i in 0..<count { out[start + i] = pr[i] } }
            }
            periodIndex += 1
        }
        return AudioBuffer(sampleRateHz: Double(sampleRateHz), channels: [left, right])
    }

    /// LMMS `NotePlayHandle::play` for one period.
    private func play(_ n: LMMSNoteHandle) {
        let period = Self.period
        if n.offset >= period {
            n.offset -= period
            return
        }
        let framesThisPeriod = n.startPeriod(period: period, releaseFrames: releaseFrames)
        if n.framesLeft(releaseFrames: releaseFrames) > 0 {
            processNoteStacking(n)
            processArpeggio(n)
            if !n.isMasterNote { playInstrument(n) }
        }
        n.endPeriod(framesThisPeriod, period: period)
    }

    /// LMMS `InstrumentFunctionNoteStacking::processNote`: a new note (not an arpeggio parent) gets one child
    /// per chord tone and octave; children start one period later (the mixer adds new handles next period).
    private func processNoteStacking(_ n: LMMSNoteHandle) {
        guard s.chordsOn, n.totalFramesPlayed == 0, !n.released,
              n.origin == .arpeggio || (n.parent == nil && !s.arpOn) else { return }
        let chord = LMMSChordTable.chord(s.chord)
        for octave in 0..<s.chordRange {
            let base = n.key + octave * 12
            for semitone in chord {
                let key = base + semitone
                if key > Self.numberOfKeys { break }
                pending.append(LMMSNoteHandle(key: key, origin: .noteStacking, parent: n, offset: n.offset,
                                              frames: n.frames, frequencyHz: frequency(ofKey: key)))
            }
        }
    }

    /// LMMS `InstrumentFunctionArpeggio::processNote` for a single held note: sort and sync modes then step the
    /// same way as free mode (the one note is both the first and the only base note).
    private func processArpeggio(_ n: LMMSNoteHandle) {
        guard s.arpOn, n.origin == .pattern, !n.released else { return }
        let period = Self.period
        let chord = LMMSChordTable.chord(s.arpChord)
        let chordSize = chord.count
        let range = Int(Float(chordSize) * Float(s.arpRange))
        let arpFrames = max(1, Int(s.arpTimeMs / 1000 * sampleRateHz))
        let gatedFrames = max(1, Int(s.arpGatePercent * Float(arpFrames) / 100))
        var currentFrame = n.totalFramesPlayed + arpFrames - 1
        var framesProcessed = n.noteOffset
        while framesProcessed < period {
            let remaining = arpFrames - currentFrame % arpFrames
            if remaining > period { break }
            framesProcessed += remaining
            defer { framesProcessed += arpFrames; currentFrame += arpFrames }
            if s.arpSkipPercent > 0, 100 * arpRandom.unit() < s.arpSkipPercent {
                n.hadChildren = true; n.usesBuffer = false
                continue
            }
            var direction = s.arpDirection
            if s.arpMissPercent > 0, 100 * arpRandom.unit() < s.arpMissPercent { direction = 4 }
            let step = currentFrame / arpFrames
            var index = 0
            switch direction {
            case 0: index = step % range
            case 1: index = range - step % range - 1
            case 2 where range > 1:
                index = step % (range * 2 - 2)
                if index >= range { index = range - index % (range - 1) - 1 }
            case 3 where range > 1:
                index = step % (range * 2 - 2)
                if index >= range { index = range - index % (range - 1) - 1 }
                index = range - index - 1
            case 4: index = min(range - 1, Int(Float(range) * arpRandom.unit()))
            default: index = 0
            }
            if s.arpCycle > 0 && direction != 4 {
                index = (index * (s.arpCycle + 1)) % range
            }
            let key = n.key + (index / chordSize) * 12 + chord[index % chordSize]
            // LMMS retries the same slot forever on an out-of-range key; we skip the step instead.
            if key >= Self.numberOfKeys || key < 0 { continue }
            pending.append(LMMSNoteHandle(key: key, origin: .arpeggio, parent: n, offset: framesProcessed,
                                          frames: gatedFrames, frequencyHz: frequency(ofKey: key)))
        }
        // Sort and sync modes make the held note an arpeggio base (silent) even in periods without a new step.
        if s.arpMode != 0 { n.hadChildren = true; n.usesBuffer = false }
    }

    /// InstrumentTrack::processAudioBuffer for a single stream: a silent buffer wakes the effects once, further
    /// silent ones are skipped (`m_silentBuffersProcessed`).
    private func wakeEffectsUnlessSilentAgain() {
        var silent = true
        for i in 0..<Self.period where portLeft[i] != 0 || portRight[i] != 0 { silent = false; break }
        if silent && silentBufferProcessed { return }
        silentBufferProcessed = silent
        effects?.startRunning()
    }

    /// The instrument's `playNote` and `InstrumentTrack::processAudioBuffer`.
    private func playInstrument(_ n: LMMSNoteHandle) {
        if let singleStream {
            // A single-streamed instrument's notes only queue themselves; nothing reaches the note's buffer.
            n.usesBuffer = false
            singleStream.playNote(n, left: noteLeft, right: noteRight, frames: 0, releaseFrames: releaseFrames)
            return
        }
        // InstrumentTrack::processAudioBuffer wakes the track's effects up whenever the instrument plays.
        effects?.startRunning()
        let frames = n.framesLeftForCurrentPeriod(releaseFrames: releaseFrames, period: Self.period)
        guard frames > 0 else { return }
        let offset = n.noteOffset
        instrument.playNote(n, left: noteLeft, right: noteRight, frames: frames, releaseFrames: releaseFrames)
        shaping.process(n, left: noteLeft, right: noteRight, offset: offset, frames: frames)
        let volume = noteVolume / 100
        for f in offset..<(offset + frames) {
            noteLeft[f] *= volume
            noteRight[f] *= volume
        }
    }
}
