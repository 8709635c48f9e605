// amsynth 1.13.2 as a `SynthModel`: renders one note of an `amsynth` patch (schema: Synths/amsynth.xml)
// the way a fresh amsynth plugin instance does when a host runs it in blocks of 64 frames: stereo,
// voice → distortion → reverb → soft limiter.

/// Nick Dowell's two-oscillator subtractive synth, modelled on amsynth 1.13.2's DSP.
public struct Amsynth: SynthModel {
    public static let schemaID = "amsynth"
    /// The host block size of the reference renders; amsynth also splits at every MIDI event.
    public static let hostBlock = 64

    public let schema: SynthSchema

    public init(schema: SynthSchema) { self.schema = schema }

    public func render(_ patch: Patch, settings: RenderSettings) throws -> AudioBuffer {
        guard settings.sampleRateHz.isFinite, settings.sampleRateHz >= 8_000, settings.sampleRateHz <= 192_000,
              settings.sampleRateHz == settings.sampleRateHz.rounded() else {
            throw RenderError("amsynth: sample rate \(settings.sampleRateHz) Hz must be a whole number in 8,000...192,000")
        }
        guard settings.holdSeconds.isFinite, settings.tailSeconds.isFinite,
              settings.holdSeconds >= 0, settings.tailSeconds >= 0,
              settings.holdSeconds + settings.tailSeconds <= 600 else {
            throw RenderError("amsynth: hold \(settings.holdSeconds) s + tail \(settings.tailSeconds) s must be finite, >= 0 and at most 600 s")
        }
        guard (0...127).contains(settings.note), (1...127).contains(settings.velocity) else {
            throw RenderError("amsynth: note \(settings.note) / velocity \(settings.velocity) outside MIDI 0...127 / 1...127")
        }
        let rate = Int(settings.sampleRateHz)
        let values = AmsynthParameterValues(patch: patch, schema: schema)
        var engine = AmsynthEngine(values: values, sampleRate: rate, seed: settings.seed)
        let frameCount = settings.totalFrames
        var left = [Float](repeating: 0, count: frameCount), right = left
        left.withUnsafeMutableBufferPointer { l in
            right.withUnsafeMutableBufferPointer { r in
                engine.render(left: l.baseAddress!, right: r.baseAddress!, frameCount: frameCount,
                              note: settings.note, velocity: settings.velocity, noteOffFrame: settings.holdFrames)
            }
        }
        return AudioBuffer(sampleRateHz: settings.sampleRateHz, channels: [left, right])
    }
}
