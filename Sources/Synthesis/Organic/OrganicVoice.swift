// One Organic note (organic.cpp `playNote`): the eight oscillators of each channel mixed, each from a random start
// phase, then the waveshaper and the instrument's volume. LMMS draws the phases from the C library's rand(),
// seeded from the clock, so no render repeats; ours come from the render's seed.

struct OrganicVoice: LMMSNoteVoice {
    private var left: LMMSOscillatorChain, right: LMMSOscillatorChain
    private var context = WaveContext(random: LMMSRandom(seed: 1))
    private let frequencyHz: Float
    private let shaping: Float, volume: Float

    /// `random`: the render's phase source, shared by its notes as LMMS's rand() is.
    init(_ s: OrganicSettings, frequencyHz: Float, sampleRateHz: Float, random: inout SplitMix64) {
        // LMMS draws the phases from the last oscillator to the first, left before right, in [0, 1).
        var phasesLeft = [Float](repeating: 0, count: OrganicSettings.oscillatorCount), phasesRight = phasesLeft
        for i in stride(from: OrganicSettings.oscillatorCount - 1, through: 0, by: -1) {
            phasesLeft[i] = Float(random.nextUnit())
            phasesRight[i] = Float(random.nextUnit())
        }
        left = LMMSOscillatorChain(settings: s.channel(left: true, sampleRateHz: sampleRateHz, phases: phasesLeft),
                                   sampleRateHz: sampleRateHz)
        right = LMMSOscillatorChain(settings: s.channel(left: false, sampleRateHz: sampleRateHz, phases: phasesRight),
                                    sampleRateHz: sampleRateHz)
        self.frequencyHz = frequencyHz
        // waveshape(): k = 2a / (1 - a).
        shaping = 2 * s.foldback / (1 - s.foldback)
        volume = s.volume
    }

    mutating func play(left outLeft: UnsafeMutablePointer<Float>, right outRight: UnsafeMutablePointer<Float>, frames: Int) {
        left.render(outLeft, frames: frames, frequencyHz: frequencyHz, context: &context)
        right.render(outRight, frames: frames, frequencyHz: frequencyHz, context: &context)
        for f in 0..<frames {
            outLeft[f] = shape(outLeft[f]) * volume / 100
            outRight[f] = shape(outRight[f]) * volume / 100
        }
    }

    @inline(__always) private func shape(_ x: Float) -> Float { (1 + shaping) * x / (1 + shaping * abs(x)) }
}
