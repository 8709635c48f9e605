// LMMS 1.2.2 Kicker's knobs (plugins/kicker/kicker.cpp), as its loadSettings leaves them: presets saved before
// "distend" existed take the start distortion for both ends, before version 1 never start from the note, and
// presets without any version (LMMS < 1.1) get a longer decay and a plain envelope, slope and click.

public struct KickerSettings: Sendable, Equatable {
    public var startFrequencyHz: Float = 150
    public var endFrequencyHz: Float = 40
    /// Length of the sweep and envelope, ms (tempo sync off).
    public var decayMs: Float = 440
    public var distortionStart: Float = 0.8
    public var distortionEnd: Float = 0.8
    public var gain: Float = 1
    /// Envelope slope: the amplitude falls as 1 - t^env over the decay.
    public var envelopeSlope: Float = 0.163
    public var noise: Float = 0
    public var click: Float = 0.4
    /// Frequency slope: the pitch falls as 1 - t^slope over the decay.
    public var frequencySlope: Float = 0.06
    public var startFromNote = true
    public var endAtNote = false

    public init() {}

    /// The `<kicker>` element's attributes (numbers as LMMS saved them).
    public init(saved a: [String: Float]) {
        startFrequencyHz = a["startfreq"] ?? startFrequencyHz
        endFrequencyHz = a["endfreq"] ?? endFrequencyHz
        decayMs = a["decay"] ?? decayMs
        distortionStart = a["dist"] ?? distortionStart
        distortionEnd = a["distend"] ?? distortionStart
        gain = a["gain"] ?? gain
        envelopeSlope = a["env"] ?? envelopeSlope
        noise = a["noise"] ?? noise
        click = a["click"] ?? click
        frequencySlope = a["slope"] ?? frequencySlope
        startFromNote = a["startnote"].map { $0 != 0 } ?? startFromNote
        endAtNote = a["endnote"].map { $0 != 0 } ?? endAtNote
        let version = a["version"]
        if (version ?? 0) < 1 { startFromNote = false }
        if version == nil {
            decayMs *= 1.33
            envelopeSlope = 1
            frequencySlope = 1
            click = 0
        }
    }
}
