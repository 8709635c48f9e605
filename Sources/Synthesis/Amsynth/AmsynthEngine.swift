// The plugin around one voice (VoiceAllocationUnit.cpp + Synthesizer.cpp): keyboard modes and
// portamento at note-on, the block partition (host blocks of 64 split at the note-off), the master
// section (distortion, reverb, limiter) and amsynth's shared noise generator.

struct AmsynthEngine {
    private let values: AmsynthParameterValues
    private let sampleRate: Int
    private var voice: AmsynthVoice
    private var distortion: AmsynthDistortion
    private let reverb: AmsynthReverb
    private var limiter: AmsynthLimiter
    private var noise: AmsynthNoise

    init(values: AmsynthParameterValues, sampleRate: Int, seed: UInt64) {
        self.values = values
        self.sampleRate = sampleRate
        voice = AmsynthVoice(values: values, sampleRate: sampleRate)
        distortion = AmsynthDistortion(crunch: values[.distortionCrunch])
        reverb = AmsynthReverb(sampleRate: sampleRate, roomSize: values[.reverbRoomSize], damp: values[.reverbDamp],
                               wet: values[.reverbWet], width: values[.reverbWidth])
        limiter = AmsynthLimiter(sampleRate: sampleRate)
        noise = AmsynthNoise(seed: seed)
    }

    /// The pitch of a MIDI note in amsynth's default tuning (A4 = 440 Hz, 12-TET).
    static func pitchHz(note: Int) -> Float {
        Float(440 * Foundation_pow(2, Double(note - 69) / 12))
    }

    /// Renders a note from frame 0, released at `noteOffFrame`.
    mutating func render(left: UnsafeMutablePointer<Float>, right: UnsafeMutablePointer<Float>, frameCount: Int,
                         note: Int, velocity: Int, noteOffFrame: Int) {
        noteOn(note: note, velocity: velocity)
        var active = true, released = false
        var frame = 0
        // The frames the limiter has yet to process: the previous block's (see AmsynthSerialChains).
        var behind = 0..<0
        while frame < frameCount {
            if !released && frame >= noteOffFrame {
                voice.noteOff()
                released = true
            }
            var count = min(Amsynth.hostBlock - frame % Amsynth.hostBlock, frameCount - frame)
            if !released { count = min(count, noteOffFrame - frame) }
            if active && voice.isSilent { active = false }
            renderBlock(left: left + frame, right: right + frame, count: count, voiceActive: active,
                        limiterLeft: left + behind.lowerBound, limiterRight: right + behind.lowerBound,
                        limiterCount: behind.count)
            behind = frame..<(frame + count)
            frame += count
        }
        var last = limiter.chain(left: left + behind.lowerBound, right: right + behind.lowerBound)
        for i in 0..<behind.count { last.step(i) }
        limiter.settle(last)
    }

    /// One host block: the voice (mono, rendered and distorted in the left channel, then copied
    /// right) and the reverb, with the limiter on the previous block's frames stepped alongside.
    private mutating func renderBlock(left: UnsafeMutablePointer<Float>, right: UnsafeMutablePointer<Float>,
                                      count: Int, voiceActive: Bool, limiterLeft: UnsafeMutablePointer<Float>,
                                      limiterRight: UnsafeMutablePointer<Float>, limiterCount: Int) {
        left.update(repeating: 0, count: count)
        var damping = reverb.beginBlock(count: count)
        var peaks = limiter.chain(left: limiterLeft, right: limiterRight)
        if voiceActive {
            var filter = voice.beginBlock(into: left, count: count, masterVolume: values.masterVolume, noise: &noise)
            if var chain = damping {
                AmsynthSerialChains.step(&filter, &chain, count: count, &peaks, cCount: limiterCount)
                damping = chain
            } else {
                var idle = AmsynthIdleChain()
                AmsynthSerialChains.step(&filter, &idle, count: count, &peaks, cCount: limiterCount)
            }
            voice.endBlock(filter)
            distortion.process(left, count: count)
        } else {
            // A silent voice stays silent (one note), and the distortion maps +0 to +0 (|0|^c = 0 for
            // c ≥ 0.01): its exponent, which only shapes later samples, need not move on.
            var idle = AmsynthIdleChain(), alsoIdle = AmsynthIdleChain()
            if var chain = damping {
                AmsynthSerialChains.step(&chain, &idle, count: count, &peaks, cCount: limiterCount)
                damping = chain
            } else {
                AmsynthSerialChains.step(&idle, &alsoIdle, count: count, &peaks, cCount: limiterCount)
            }
        }
        limiter.settle(peaks)
        right.update(from: left, count: count)
        reverb.endBlock(damping, left: left, right: right, count: count)
    }

    /// Poly mode plays the note at its pitch. Mono and legato modes use one voice whose frequency
    /// starts at 0 on a fresh instance: with portamento "always" the first note glides up from 0 Hz.
    private mutating func noteOn(note: Int, velocity: Int) {
        let hz = Self.pitchHz(note: note)
        let poly = values.choice(.keyboardMode) == 0
        // portamento_mode 1 ("legato") glides only when another key is held: never for a single note.
        let glide = (poly || Int(values[.portamentoMode]) == 1) ? 0 : values[.portamentoTime]
        voice.noteOn(startHz: poly ? hz : 0, hz: hz, glideSeconds: glide, velocity: Float(velocity) / 127)
    }
}
