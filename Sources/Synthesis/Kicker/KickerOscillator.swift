// LMMS 1.2.2 Kicker's sweeping oscillator (plugins/kicker/KickerOsc.h) with its distortion
// (include/DspEffectLibrary.h `Distortion`), LMMS's `fastPow` (include/lmms_math.h) and the plugin's own
// `fast_rand` noise (`LMMSPluginNoise`).

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum KickerMath {
    /// lmms_math.h `fastPow`: a^b by rewriting the high word of a's IEEE bits (the low word cleared).
    @inline(__always) static func fastPow(_ a: Double, _ b: Double) -> Double {
        let bits = a.bitPattern
        let high = Int32(truncatingIfNeeded: Int64(bitPattern: bits) >> 32)
        let newHigh = Int32(truncatingIfNeeded: Int64(b * Double(high - 1_072_632_447) + 1_072_632_447))
        return Double(bitPattern: UInt64(UInt32(bitPattern: newHigh)) << 32)
    }

    /// DspEffectLibrary::Distortion::nextSample.
    @inline(__always) static func distort(_ x: Float, threshold: Float, gain: Float) -> Float {
        gain * (x * (abs(x) + threshold) / (x * x + (threshold - 1) * abs(x) + 1))
    }
}

/// KickerOsc<MonoToStereoAdaptor<Distortion>>: one note's sweep, mono (both channels carry the same samples).
struct KickerOscillator {
    private var phase: Float
    private let startHz: Float, endHz: Float, noise: Float, slope: Float, envelope: Float
    private let distortionStart: Float, distortionEnd: Float, hasDistortionEnvelope: Bool
    private let lengthFrames: Float
    private var threshold: Float
    private let gain: Float
    private var counter: UInt64 = 0
    private var frequencyHz: Double

    init(_ s: KickerSettings, noteFrequencyHz: Float, sampleRateHz: Float) {
        startHz = s.startFromNote ? noteFrequencyHz : s.startFrequencyHz
        endHz = s.endAtNote ? noteFrequencyHz : s.endFrequencyHz
        noise = s.noise * s.noise
        phase = s.click * 0.25
        slope = s.frequencySlope
        envelope = s.envelopeSlope
        distortionStart = s.distortionStart
        distortionEnd = s.distortionEnd
        hasDistortionEnvelope = s.distortionStart != s.distortionEnd
        lengthFrames = s.decayMs * sampleRateHz / 1000
        threshold = s.distortionStart
        gain = s.gain
        frequencyHz = Double(startHz)
    }

    /// KickerOsc::update for `frames` frames into `out`.
    mutating func render(_ out: UnsafeMutablePointer<Float>, frames: Int, sampleRateHz: Float, noiseSource: inout LMMSPluginNoise) {
        let twoPi = Float(2 * Double.pi)
        for f in 0..<frames {
            let within = Float(counter) < lengthFrames
            let position = Float(counter) / lengthFrames
            let level = 1 - KickerMath.fastPow(Double(within ? position : 1), Double(envelope))
            let tone = sinf(phase * twoPi) * (1 - noise)
            let s = Float(Double(tone) + Double(noiseSource.sample()) * level * level * Double(noise))
            var x = Float(Double(s) * level)
            if hasDistortionEnvelope && within {
                threshold = distortionStart + (distortionEnd - distortionStart) * position
            }
            x = KickerMath.distort(x, threshold: threshold, gain: gain)
            out[f] = x
            phase = Float(Double(phase) + frequencyHz / Double(sampleRateHz))
            let change = within ? Double(startHz - endHz) * (1 - KickerMath.fastPow(Double(position), Double(slope))) : 0
            frequencyHz = Double(endHz) + change
            counter += 1
        }
    }
}
