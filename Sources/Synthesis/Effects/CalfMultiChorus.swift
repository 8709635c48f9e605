// Calf "MultiChorus" as LMMS 1.2.2 bundles it (plugins/LadspaEffect/calf/src/modules.cpp, calf/multichorus.h,
// calf/audio_fx.h, calf/delay.h, calf/fixed_point.h): per channel, up to 8 taps into a 4,096-sample delay line,
// each swept by its own phase of one sine LFO (fixed-point phase, 12.20 bits, a 4,096-entry integer sine table),
// summed, band-passed by two parallel filters and mixed with the dry signal through 64-sample gain ramps.
// The right channel's LFO runs `stereo` degrees ahead. Ports: 0/1 in, 2/3 out, 4 min delay (ms), 5 mod depth (ms),
// 6 rate (Hz), 7 stereo (deg), 8 voices, 9 voice phase (deg), 10 amount (wet), 11 dry, 12 centre 1 (Hz),
// 13 centre 2 (Hz), 14 Q, 15 overlap.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The settings both channels share, computed as `params_changed` computes them.
struct CalfMultiChorusSettings {
    var sampleRate: Int
    var dry: Float, wet: Float
    var phaseStep: UInt32, voicePhaseStep: UInt32, stereoPhase: UInt32
    var voices: Int, voiceOffset: Int32, voiceDepth: UInt32, scale: Float
    var minDelaySamples: Int32, modDepthSamples: Int32
    var frequency1: Float, frequency2: Float, q: Float

    /// fixed_point<unsigned int, 20> from a double: the value times 2^20, truncated.
    static func phase(_ v: Double) -> UInt32 { UInt32(truncatingIfNeeded: Int64(v * 1_048_576.0)) }

    init(_ settings: LMMSEffectSettings, sampleRateHz: Float) {
        func port(_ i: Int, _ fallback: Float) -> Float { settings.port(i) ?? fallback }
        sampleRate = Int(sampleRateHz)
        dry = port(11, 1)
        wet = port(10, 1)
        let rate = port(6, 0.5)
        phaseStep = Self.phase(Double(rate / Float(sampleRate) * 4096))
        let minDelay = Float(Double(port(4, 5)) / 1000.0), modDepth = Float(Double(port(5, 6)) / 1000.0)
        minDelaySamples = Int32(truncatingIfNeeded: Int64(Double(minDelay) * 65536.0 * Double(sampleRate)))
        modDepthSamples = Int32(truncatingIfNeeded: Int64(Double(modDepth) * 32.0 * Double(sampleRate)))
        voices = max(1, Int(port(8, 4)))
        scale = Float(sqrt(1.0 / Double(voices)))
        // sine_multi_lfo::set_overlap
        let overlap = port(15, 0.75)
        let range = 1 + (1 - overlap) * Float(voices - 1)
        let scaling = 1 / range
        voiceOffset = Int32(Float(131_072) * (1 - overlap) / range)
        voiceDepth = UInt32(Double(1 << 30) * 1.0 * Double(scaling))
        let voicePhase = port(9, 64) * (1 / 360)
        voicePhaseStep = Self.phase(Double(voicePhase * Float(4096 / max(voices - 1, 1))))
        stereoPhase = Self.phase(Double(port(7, 180) * (1 / 360) * 4096))
        frequency1 = port(12, 100)
        frequency2 = port(13, 5000)
        q = port(14, 0.125)
    }
}

/// One channel: `multichorus<float, sine_multi_lfo<float, 8>, filter_sum<biquad_d2, biquad_d2>, 4096>`.
struct CalfMultiChorusChannel {
    /// sine_table<int, 4096, 65535>: 4,097 entries, truncated toward zero.
    static let sine: [Int32] = (0...4096).map { Int32(65535 * sin(Double($0) * 2 * Double.pi * (1.0 / 4096))) }
    private let s: CalfMultiChorusSettings
    private var delay = [Float](repeating: 0, count: 4096), position = 0
    private var phase: UInt32
    private var dryGain = CalfGainSmoothing(length: 64), wetGain = CalfGainSmoothing(length: 64)
    private var band1 = CalfBiquad(), band2 = CalfBiquad()

    init(_ settings: CalfMultiChorusSettings, phase: UInt32) {
        s = settings
        self.phase = phase
        dryGain.set(settings.dry)
        wetGain.set(settings.wet)
        band1.setBandPass(Double(settings.frequency1), Double(settings.q), Double(settings.sampleRate))
        band2.setBandPass(Double(settings.frequency2), Double(settings.q), Double(settings.sampleRate))
    }

    /// sine_multi_lfo::get_value: the voice's sweep, about -65535...65535 within its band.
    @inline(__always) private func lfoValue(_ voice: Int) -> Int32 {
        let voicePhase = phase &+ s.voicePhaseStep &* UInt32(voice)
        let i = Int(voicePhase >> 20)
        let fraction = Int32((voicePhase & 0xFFFFF) >> 6)
        let v1 = Self.sine[i], v2 = Self.sine[i + 1]
        let interpolated = v1 &+ (((v2 &- v1) &* fraction) >> 14)
        let swept = ((s.voiceDepth >> 17) &* UInt32(bitPattern: 65536 &+ interpolated)) >> 13
        return Int32(bitPattern: UInt32(bitPattern: -65535) &+ UInt32(voice) &* UInt32(bitPattern: s.voiceOffset) &+ swept)
    }

    mutating func process(_ input: UnsafePointer<Float>, _ output: UnsafeMutablePointer<Float>, frames: Int) {
        let mds = s.minDelaySamples &+ s.modDepthSamples &* 1024 &+ 2 * 65536
        let depth = s.modDepthSamples >> 2
        for i in 0..<frames {
            let x = input[i]
            delay[position] = x
            position = (position + 1) & 4095
            var sum: Float = 0
            for v in 0..<s.voices {
                let dv = mds &+ ((depth &* lfoValue(v)) >> 4)
                let whole = Int(dv >> 16)
                let fraction = Float(Double(dv & 0xFFFF) * (1.0 / 65536.0))
                let p = (position + 4096 - whole) & 4095, pp = (p + 4095) & 4095
                sum += delay[p] + (delay[pp] - delay[p]) * fraction
            }
            let filtered = band2.process(sum) + band1.process(sum)
            output[i] = x * dryGain.get() + filtered * wetGain.get() * s.scale
            phase &+= s.phaseStep
        }
        band1.sanitizeState()
        band2.sanitizeState()
    }
}

final class CalfMultiChorus: LMMSEffectProcessor {
    let processorCount = 1
    private var left: CalfMultiChorusChannel, right: CalfMultiChorusChannel

    init(_ settings: LMMSEffectSettings, sampleRateHz: Float) {
        let shared = CalfMultiChorusSettings(settings, sampleRateHz: sampleRateHz)
        left = CalfMultiChorusChannel(shared, phase: 0)
        right = CalfMultiChorusChannel(shared, phase: shared.stereoPhase)
    }

    func run(inLeft: UnsafePointer<Float>, inRight: UnsafePointer<Float>,
             outLeft: UnsafeMutablePointer<Float>, outRight: UnsafeMutablePointer<Float>, frames: Int) {
        // The LADSPA wrapper hands the module at most 256 samples at a time (its sanitize step follows each).
        var start = 0
        while start < frames {
            let n = min(256, frames - start)
            left.process(inLeft + start, outLeft + start, frames: n)
            right.process(inRight + start, outRight + start, frames: n)
            start += n
        }
    }
}
