// LMMS 1.2.2's InstrumentSoundShaping (src/core/InstrumentSoundShaping.cpp, EnvelopeAndLfoParameters.cpp): an
// instrument track's volume, cutoff and resonance envelopes with their LFOs, and its filter, applied to each
// note's buffer after the instrument played it. Any LMMS instrument's notes go through it.

/// The track's sound shaping for one render.
final class LMMSSoundShaping {
    private let s: LMMSTrackSettings
    private let sampleRateHz: Float
    private var volumeEnvelope: LMMSEnvelopeLFO
    private var cutoffEnvelope: LMMSEnvelopeLFO
    private var resonanceEnvelope: LMMSEnvelopeLFO
    /// `releaseFrames()`: how long a released note keeps sounding (the volume envelope's release when it is used,
    /// else the instrument's own fade or the longer filter envelope release).
    let releaseFrames: Int
    private var lfoRandom: LMMSRandom
    private let volumeLFO: Bool, cutoffLFO: Bool, resonanceLFO: Bool

    private static let period = LMMSInstrumentTrackRenderer.periodFrames
    private let scratch = UnsafeMutablePointer<Float>.allocate(capacity: 5 * LMMSSoundShaping.period)
    private var levelBuffer: UnsafeMutablePointer<Float> { scratch }
    private var resonanceBuffer: UnsafeMutablePointer<Float> { scratch + Self.period }
    private var lfoVolume: UnsafeMutablePointer<Float> { scratch + 2 * Self.period }
    private var lfoCutoff: UnsafeMutablePointer<Float> { scratch + 3 * Self.period }
    private var lfoResonance: UnsafeMutablePointer<Float> { scratch + 4 * Self.period }

    deinit { scratch.deallocate() }

    /// `desiredReleaseFrames`: the instrument's own release (TripleOscillator 128, Kicker 512); `seed` feeds
    /// the random LFO.
    init(_ settings: LMMSTrackSettings, desiredReleaseFrames: Int, sampleRateHz: Float, lfoUserWaves: [[Float]],
         seed: UInt64) {
        s = settings
        self.sampleRateHz = sampleRateHz
        volumeEnvelope = LMMSEnvelopeLFO(settings.volumeEnvelope, valueForZeroAmount: 1, sampleRateHz: sampleRateHz)
        cutoffEnvelope = LMMSEnvelopeLFO(settings.cutoffEnvelope, valueForZeroAmount: 0, sampleRateHz: sampleRateHz)
        resonanceEnvelope = LMMSEnvelopeLFO(settings.resonanceEnvelope, valueForZeroAmount: 0, sampleRateHz: sampleRateHz)
        volumeEnvelope.userWave = lfoUserWaves[0]
        cutoffEnvelope.userWave = lfoUserWaves[1]
        resonanceEnvelope.userWave = lfoUserWaves[2]
        if volumeEnvelope.isUsed {
            releaseFrames = volumeEnvelope.releaseFrames
        } else {
            var frames = desiredReleaseFrames
            if cutoffEnvelope.isUsed { frames = max(frames, cutoffEnvelope.releaseFrames) }
            if resonanceEnvelope.isUsed { frames = max(frames, resonanceEnvelope.releaseFrames) }
            releaseFrames = frames
        }
        lfoRandom = LMMSRandom(seed: seed)
        volumeLFO = volumeEnvelope.isUsed && !volumeEnvelope.lfoAmountIsZero
        cutoffLFO = settings.filterOn && cutoffEnvelope.isUsed && !cutoffEnvelope.lfoAmountIsZero
        resonanceLFO = settings.filterOn && resonanceEnvelope.isUsed && !resonanceEnvelope.lfoAmountIsZero
        scratch.initialize(repeating: 0, count: 5 * Self.period)
    }

    /// The LFOs' shapes for the coming period, from the LFO clock's frame.
    func fillLFOShapes(lfoFrame: Int, frames: Int) {
        if volumeLFO { volumeEnvelope.fillLFOShape(lfoVolume, lfoFrame: lfoFrame, frames: frames, random: &lfoRandom) }
        if cutoffLFO { cutoffEnvelope.fillLFOShape(lfoCutoff, lfoFrame: lfoFrame, frames: frames, random: &lfoRandom) }
        if resonanceLFO { resonanceEnvelope.fillLFOShape(lfoResonance, lfoFrame: lfoFrame, frames: frames, random: &lfoRandom) }
    }

    /// `processAudioBuffer`: filter (with cutoff/resonance envelopes) and volume envelope on `frames` frames of
    /// the note's buffers from `offset`.
    func process(_ n: LMMSNoteHandle, left noteLeft: UnsafeMutablePointer<Float>, right noteRight: UnsafeMutablePointer<Float>,
                 offset: Int, frames: Int) {
        let envelopeFrame = n.totalFramesPlayed
        var releaseBegin = envelopeFrame - n.releaseFramesDone + n.framesBeforeRelease
        if !n.released { releaseBegin += frames }

        if s.filterOn {
            if n.filter == nil { n.filter = LMMSFilter(type: s.filterType, sampleRateHz: sampleRateHz) }
            let cutUsed = cutoffEnvelope.isUsed, resUsed = resonanceEnvelope.isUsed
            if cutUsed {
                cutoffEnvelope.fillLevel(levelBuffer, frame: envelopeFrame, releaseBegin: releaseBegin, frames: frames,
                                         lfoShape: lfoCutoff)
            }
            if resUsed {
                resonanceEnvelope.fillLevel(resonanceBuffer, frame: envelopeFrame, releaseBegin: releaseBegin, frames: frames,
                                            lfoShape: lfoResonance)
            }
            let baseCut = s.cutoffHz, baseRes = s.resonance
            let (left, right, cutLevel, resLevel) = (noteLeft + offset, noteRight + offset, levelBuffer, resonanceBuffer)
            // Take the filter out of the note while it runs so its state is mutated in place (no copy-on-write).
            var filter = n.filter!
            n.filter = nil
            // LMMS recomputes the coefficients whenever the integer cutoff (or resonance x 1000) changes, starting
            // from 0 each period; runs of frames between changes are filtered as blocks.
            var oldCut = 0, oldRes = 0
            if !cutUsed && !resUsed {
                filter.setCoefficients(cutoffHz: baseCut, q: baseRes)
                filter.processBlock(left: left, right: right, count: frames)
            } else {
                var runStart = 0
                for f in 0..<frames {
                    let cut = cutUsed ? LMMSEnvelopeLFO.expKnobVal(cutLevel[f]) * 6000 + baseCut : baseCut
                    let res = resUsed ? baseRes + 2 * resLevel[f] : baseRes
                    let cutKey = truncatingInt(cut), resKey = truncatingInt(res * 1000)
                    if (cutUsed && cutKey != oldCut) || (resUsed && resKey != oldRes) {
                        filter.processBlock(left: left + runStart, right: right + runStart, count: f - runStart)
                        runStart = f
                        filter.setCoefficients(cutoffHz: cut, q: res)
                        oldCut = cutKey
                        oldRes = resKey
                    }
                }
                filter.processBlock(left: left + runStart, right: right + runStart, count: frames - runStart)
            }
            n.filter = filter
        }

        if volumeEnvelope.isUsed {
            volumeEnvelope.fillLevel(levelBuffer, frame: envelopeFrame, releaseBegin: releaseBegin, frames: frames,
                                     lfoShape: lfoVolume)
            let levelBuffer = self.levelBuffer
            for f in 0..<frames {
                let level = levelBuffer[f] * levelBuffer[f]
                noteLeft[offset + f] *= level
                noteRight[offset + f] *= level
            }
        }
    }
}
