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
    /// Note length in beats instead of `holdSeconds`: frames as LMMS counts them for a note of that many beats.
    public var holdBeats: Double?

    public init(note: Int = 69, velocity: Int = 100, holdSeconds: Double = 1.0, tailSeconds: Double = 3.0,
                sampleRateHz: Double = 44_100, tempoBPM: Double = 120, seed: UInt64 = 1, holdBeats: Double? = nil) {
        self.note = note
        self.velocity = velocity
        self.holdSeconds = holdSeconds
        self.tailSeconds = tailSeconds
        self.sampleRateHz = sampleRateHz
        self.tempoBPM = tempoBPM
        self.seed = seed
        self.holdBeats = holdBeats
    }

    /// The atlas's probe and `presetatlas render`'s defaults (one place, so a single render sounds like
    /// the atlas's point): middle C, velocity 100, 1 s held, 1 s of release.
    public static let probe = RenderSettings(note: 60, velocity: 100, holdSeconds: 1.0, tailSeconds: 1.0)

    /// Frames from note-on to note-off.
    public var holdFrames: Int {
        guard let holdBeats else { return Int((holdSeconds * sampleRateHz).rounded()) }
        return Self.lmmsNoteFrames(beats: holdBeats, sampleRateHz: sampleRateHz, tempoBPM: tempoBPM)
    }
    /// Frames rendered in all.
    public var totalFrames: Int {
        guard holdBeats != nil else { return Int(((holdSeconds + tailSeconds) * sampleRateHz).rounded()) }
        return holdFrames + Int((tailSeconds * sampleRateHz).rounded())
    }

    /// LMMS 1.2.2 `MidiTime::frames`: 48 ticks a beat, times `Engine::framesPerTick()` (a float:
    /// rate * 60 * 4 / 192 / tempo), truncated to whole frames.
    public static func lmmsNoteFrames(beats: Double, sampleRateHz: Double, tempoBPM: Double) -> Int {
        let ticks = Float((max(beats, 0) * 48).rounded())
        let framesPerTick: Float = Float(sampleRateHz) * 60 * 4 / 192 / Float(tempoBPM)
        let frames = ticks * framesPerTick
        return frames.isFinite ? Int(min(frames, 1e9)) : 0
    }
}
