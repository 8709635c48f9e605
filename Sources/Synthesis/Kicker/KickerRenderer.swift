// LMMS 1.2.2 playing one Kicker note (plugins/kicker/kicker.cpp `playNote`, NotePlayHandle's period loop): the
// sweep starts with the note, the note releases itself once the decay has passed (checked at each period
// start) or when its length ends, and fades out over Kicker's 512 release frames counted from the start of
// each release period. The track's volume and panning scale the note. Not yet here: the track's envelopes and
// filter (InstrumentSoundShaping) and its effect chain, which the bare presets (no filter, envelope amounts 0,
// no effects) do not use.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The instrument track around a Kicker: base note, pitch (cents), volume and panning (percent).
public struct KickerTrack: Sendable, Equatable {
    public var baseNote = 57, pitchCents: Float = 0, volume: Float = 100, panning: Float = 0
    public init(baseNote: Int = 57, pitchCents: Float = 0, volume: Float = 100, panning: Float = 0) {
        self.baseNote = baseNote
        self.pitchCents = pitchCents
        self.volume = volume
        self.panning = panning
    }
}

public enum KickerRenderer {
    static let period = 256
    /// kicker.h `desiredReleaseFrames`.
    static let releaseFrames = 512

    public static func render(_ s: KickerSettings, track: KickerTrack, settings: RenderSettings) -> AudioBuffer {
        let sampleRateHz = Float(settings.sampleRateHz)
        let totalFrames = settings.totalFrames
        let key = settings.note - 12  // LMMS key 57 = MIDI 69
        let frequencyHz = 440 * powf(2, Float(key - track.baseNote) / 12 + track.pitchCents / 1200)
        let note = LMMSNoteHandle(key: key, origin: .pattern, parent: nil, offset: 0, frames: settings.holdFrames,
                                  frequencyHz: frequencyHz)
        let decayFrames = s.decayMs * sampleRateHz / 1000
        let noteVolume = Float(min(max(settings.velocity, 0), 200)) / 100
        let trackVolume = track.volume * 0.01, trackPan = track.panning * 0.01
        let gainLeft = (trackPan <= 0 ? 1 : 1 - trackPan) * trackVolume
        let gainRight = (trackPan >= 0 ? 1 : 1 + trackPan) * trackVolume
        var oscillator = KickerOscillator(s, noteFrequencyHz: frequencyHz, sampleRateHz: sampleRateHz)
        var noise = KickerNoise()
        var left = [Float](repeating: 0, count: totalFrames), right = left
        let buffer = UnsafeMutablePointer<Float>.allocate(capacity: period)
        defer { buffer.deallocate() }
        var start = 0
        while start < totalFrames && !note.isFinished(releaseFrames: releaseFrames) {
            buffer.initialize(repeating: 0, count: period)
            let framesThisPeriod = note.startPeriod(period: period, releaseFrames: releaseFrames)
            if note.framesLeft(releaseFrames: releaseFrames) > 0 {
                if note.totalFramesPlayed > 0 && Float(note.totalFramesPlayed) > decayFrames && !note.released {
                    note.noteOff(0, releaseFrames: releaseFrames)
                }
                let frames = note.framesLeftForCurrentPeriod(releaseFrames: releaseFrames, period: period)
                oscillator.render(buffer, frames: frames, sampleRateHz: sampleRateHz, noiseSource: &noise)
                if note.released {
                    let done = Float(note.releaseFramesDone), desired = Float(releaseFrames)
                    for f in 0..<frames {
                        buffer[f] *= done + Float(f) < desired ? 1 - (done + Float(f)) / desired : 0
                    }
                }
                // InstrumentTrack::processAudioBuffer: the note's volume (its panning is centred).
                for f in 0..<frames { buffer[f] *= noteVolume }
            }
            note.endPeriod(framesThisPeriod, period: period)
            // The mixer drops a note that finished this period before mixing it.
            if note.isFinished(releaseFrames: releaseFrames) { break }
            // AudioPort: the track's volume and panning.
            for f in 0..<min(period, totalFrames - start) {
                left[start + f] = buffer[f] * gainLeft
                right[start + f] = buffer[f] * gainRight
            }
            start += period
        }
        return AudioBuffer(sampleRateHz: settings.sampleRateHz, channels: [left, right])
    }
}
