// SWH fast_lookahead_limiter_1913 "fastLookaheadLimiter" as LMMS 1.2.2 bundles it (plugins/LadspaEffect/swh):
// a stereo limiter that looks 5 ms ahead in 0.5 ms chunks. Ports: 0 input gain (dB, -20...20), 1 limit (dB,
// -20...0), 2 release (s; LMMS shows ms), 3 attenuation (out), 4/5 in, 6/7 out, 8 latency (out).
// As in the plugin, the chunk counter and the gain slope are not kept from one run to the next (its run
// function never stores them back), so both restart at 0 every period.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

final class SWHFastLookaheadLimiter: LMMSEffectProcessor {
    let processorCount = 1
    private var buffer: [Float]
    private let bufferMask: Int, delay: Int, chunkSize: Int, rate: Float
    private var bufferPosition = 0, chunkPosition = 0
    private var chunks = [Float](repeating: 0, count: 16)
    private var peak: Float = 0, attenuation: Float = 1, smoothed: Float = 1
    private let maximum: Float, trim: Float, release: Float

    init(_ settings: LMMSEffectSettings, sampleRateHz: Float) {
        let fs = Int(sampleRateHz)
        rate = Float(fs)
        var length = 128
        while Double(length) < Double(fs) * 0.0053 * 2 { length *= 2 }
        buffer = [Float](repeating: 0, count: length)
        bufferMask = length - 1
        delay = Int(0.005 * Double(fs))
        chunkSize = fs / 2000
        func decibels(_ g: Float) -> Float { g > -90 ? powf(10, g * 0.05) : 0 }
        trim = decibels(min(max(settings.port(0) ?? 0, -20), 20))
        maximum = decibels(min(max(settings.port(1) ?? 0, -20), 0))
        release = min(max((settings.port(2) ?? 507.45) / 1000, 0.01), 2)
    }

    /// ladspa-util.h `round_to_zero`: add and subtract 1e-18 (flushes values far below it).
    @inline(__always) private static func roundToZero(_ x: Float) -> Float {
        Float(Double(Float(Double(x) + 1e-18)) - 1e-18)
    }

    func run(inLeft: UnsafePointer<Float>, inRight: UnsafePointer<Float>,
             outLeft: UnsafeMutablePointer<Float>, outRight: UnsafeMutablePointer<Float>, frames: Int) {
        var chunkNumber = 0
        var delta: Float = 0
        for pos in 0..<frames {
            let full = chunkPosition == chunkSize
            chunkPosition += 1
            if full {
                delta = Self.roundToZero((1 - attenuation) / (rate * release))
                for i in 0..<10 {
                    let p = (chunkNumber - 9 + i) & 15
                    let thisDelta = (maximum / chunks[p] - attenuation) / (Float(i + 1) * rate * 0.0005 + 1)
                    if thisDelta < delta { delta = thisDelta }
                }
                chunks[chunkNumber & 15] = peak
                chunkNumber += 1
                peak = 0
                chunkPosition = 0
            }
            let l = inLeft[pos], r = inRight[pos]
            buffer[(bufferPosition * 2) & bufferMask] = Float(Double(l * trim) + 1.0e-30)
            buffer[(bufferPosition * 2 + 1) & bufferMask] = Float(Double(r * trim) + 1.0e-30)
            var sig = abs(l) > abs(r) ? abs(l) : abs(r)
            sig = Float(Double(sig) + 1.0e-30)
            if sig * trim > peak { peak = sig * trim }
            attenuation += delta
            smoothed = attenuation * 0.1 + smoothed * 0.9
            if delta > 0 && attenuation > 1 {
                attenuation = 1
                delta = 0
            }
            var a = Self.roundToZero(buffer[(bufferPosition * 2 - delay * 2) & bufferMask] * smoothed)
            var b = Self.roundToZero(buffer[(bufferPosition * 2 - delay * 2 + 1) & bufferMask] * smoothed)
            if a < -maximum { a = -maximum } else if a > maximum { a = maximum }
            if b < -maximum { b = -maximum } else if b > maximum { b = maximum }
            outLeft[pos] = a
            outRight[pos] = b
            bufferPosition += 1
        }
    }
}
