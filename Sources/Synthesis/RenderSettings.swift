// The probe: how a patch is played to turn it into audio (note, velocity, timing, tempo, seed).

/// How one note of a patch is rendered. The defaults are the LMMS reference settings.
public struct RenderSettings: Sendable, Equatable {
    /// MIDI note number (69 = A4 = 440 Hz).
    public var note: Int
    /// MIDI velocity 1...127.
    public var velocity: Int
    /// Seconds from note-on to note-off.
    public var holdSeconds: Double
    /// Seconds rendered after note-off (release tail).
    public var tailSeconds: Double
    public var sampleRateHz: Double
    /// Song tempo, for tempo-synced LFOs and arpeggiators.
    public var tempoBPM: Double
    /// Seed of every random source (noise oscillators, random LFO shapes): same patch + seed = same samples.
    public var seed: UInt64

    public init(note: Int = 69, velocity: Int = 100, holdSeconds: Double = 1.0, tailSeconds: Double = 3.0,
                sampleRateHz: Double = 44_100, tempoBPM: Double = 120, seed: UInt64 = 1) {
        self.note = note
        self.velocity = velocity
        self.holdSeconds = holdSeconds
        self.tailSeconds = tailSeconds
        self.sampleRateHz = sampleRateHz
        self.tempoBPM = tempoBPM
        self.seed = seed
    }

    /// Frames from note-on to note-off.
    public var holdFrames: Int { Int((holdSeconds * sampleRateHz).rounded()) }
    /// Frames rendered in all.
    public var totalFrames: Int { Int(((holdSeconds + tailSeconds) * sampleRateHz).rounded()) }
}
