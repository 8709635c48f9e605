// LMMS 1.2.2 Kicker's knobs (plugins/kicker/kicker.cpp), read through Synths/kicker.xml. The length knob is a
// TempoSyncKnobModel (scale 5000 ms): with a sync mode it follows the tempo. The reader has already applied
// Kicker's loadSettings rules for old presets (Formats/LMMS).

public struct KickerSettings: Sendable, Equatable {
    public var startFrequencyHz: Float = 150
    public var endFrequencyHz: Float = 40
    /// Length of the sweep and envelope, ms.
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

    /// The `kicker.*` ids of a patch (unknown ids are recorded in `values`).
    init(_ values: SchemaValues, tempoBPM: Float) {
        func f(_ id: String) -> Float { Float(values.value("kicker.\(id)")) }
        startFrequencyHz = f("startfreq")
        endFrequencyHz = f("endfreq")
        decayMs = f("decay")
        if let factor = LMMSTrackSettings.syncFactor(mode: Int(f("decay_syncmode").rounded()),
                                                     numerator: Double(f("decay_numerator")),
                                                     denominator: Double(f("decay_denominator"))) {
            decayMs = min(max(LMMSTrackSettings.tempoSyncedValue(tempoBPM: tempoBPM, factor: factor, scale: 5000,
                                                                 maximum: 5000), 5), 5000)
        }
        distortionStart = f("dist")
        distortionEnd = f("distend")
        gain = f("gain")
        envelopeSlope = f("env")
        noise = f("noise")
        click = f("click")
        frequencySlope = f("slope")
        startFromNote = f("startnote") >= 0.5
        endAtNote = f("endnote") >= 0.5
    }
}
