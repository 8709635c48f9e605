// The parts of an LMMS 1.2.2 instrument track every instrument's note passes through when the track adds no
// sound shaping or effects: its base note and pitch (NotePlayHandle::updateFrequency) and its volume and
// panning (the AudioPort's per-channel gain).

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An instrument track's base note, pitch (cents), volume and panning (percent), as saved in `<instrumenttrack>`.
public struct LMMSInstrumentTrack: Sendable, Equatable {
    public var baseNote: Int, pitchCents: Float, volume: Float, panning: Float

    public init(baseNote: Int = 57, pitchCents: Float = 0, volume: Float = 100, panning: Float = 0) {
        self.baseNote = baseNote
        self.pitchCents = pitchCents
        self.volume = volume
        self.panning = panning
    }

    /// NotePlayHandle::updateFrequency in single precision: 440 Hz at the base note, the track's pitch on top.
    func frequencyHz(ofKey key: Int) -> Float {
        440 * powf(2, Float(key - baseNote) / 12 + pitchCents / 1200)
    }

    /// The AudioPort's gains: the far side falls linearly with the panning, both scaled by the volume.
    var channelGains: (left: Float, right: Float) {
        let volume = self.volume * 0.01, pan = panning * 0.01
        return ((pan <= 0 ? 1 : 1 - pan) * volume, (pan >= 0 ? 1 : 1 + pan) * volume)
    }
}
