// One BitInvader note (plugins/bit_invader/bit_invader.cpp `bSynth`): the wave, scaled by the normalising gain,
// read at a float position that advances by points-per-sample each frame; both channels carry the same sample.
// Deterministic: every note starts at point 0.

struct BitInvaderVoice: LMMSNoteVoice {
    /// bit_invader.h `desiredReleaseFrames()`: a released note fades out over 64 frames.
    static let desiredReleaseFrames = 64

    /// BitInvader as an `LMMSInstrument` on the track renderer (envelopes, filter, chords, effects): each note
    /// owns its voice.
    static func instrument(_ s: BitInvaderSettings, sampleRateHz: Float) -> LMMSVoiceInstrument<BitInvaderVoice> {
        LMMSVoiceInstrument(desiredReleaseFrames: desiredReleaseFrames) { BitInvaderVoice(s, frequencyHz: $0, sampleRateHz: sampleRateHz) }
    }

    private let points: [Float]
    private let step: Float
    private let interpolation: Bool
    private var position: Float = 0

    init(_ s: BitInvaderSettings, frequencyHz: Float, sampleRateHz: Float) {
        let gain = s.gain
        points = s.wave.map { $0 * gain }
        // sample_length / (sample_rate / frequency), all in float.
        step = Float(points.count) / (sampleRateHz / frequencyHz)
        interpolation = s.interpolation
    }

    /// bSynth::nextStringSample per frame.
    mutating func play(left: UnsafeMutablePointer<Float>, right: UnsafeMutablePointer<Float>, frames: Int) {
        let count = Float(points.count), last = points.count - 1
        points.withUnsafeBufferPointer { p in
            for f in 0..<frames {
                while position >= count { position -= count }
                let index = Int(position)
                let sample: Float
                if interpolation {
                    let next = index < last ? index + 1 : 0
                    let fraction = position - Float(index)
                    sample = fraction * (p[next] - p[index]) + p[index]
                } else {
                    sample = p[index]
                }
                position += step
                left[f] = sample
                right[f] = sample
            }
        }
    }
}
