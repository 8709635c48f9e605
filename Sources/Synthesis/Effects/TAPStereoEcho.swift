// TAP "tap_stereo_echo" (Tom Szilagyi's TAP plugins as bundled with LMMS 1.2.2, plugins/LadspaEffect/tap/tap_echo.c):
// two feedback delay lines, optional cross mode, Haas effect and swapped outputs. Ports: 0 L delay (ms, 0...2000),
// 1 L feedback (%), 2 R delay, 3 R feedback, 4 L echo level (dB), 5 R echo level, 6 dry level (dB), 7 cross mode,
// 8 Haas, 9 swap outputs (toggles), 10 in L, 11 out L, 12 in R, 13 out R.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

final class TAPStereoEcho: LMMSEffectProcessor {
    let processorCount = 1
    private let lengthLeft: Int, lengthRight: Int
    private let feedbackLeft: Float, feedbackRight: Float
    private let strengthLeft: Float, strengthRight: Float, dryLevel: Float
    private let crossMode: Bool, haas: Bool, swapOutputs: Bool
    private var ringLeft: [Float], ringRight: [Float]
    private var positionLeft = 0, positionRight = 0
    private var delayedLeft: Float = 0, delayedRight: Float = 0

    init(_ settings: LMMSEffectSettings, sampleRateHz: Float) {
        func port(_ i: Int, _ fallback: Float) -> Float { settings.port(i) ?? fallback }
        func limit(_ v: Float, _ low: Float, _ high: Float) -> Float { v < low ? low : (v > high ? high : v) }
        /// tap_utils.h `db2lin`, in float.
        func decibelsToGain(_ x: Float) -> Float { x > -90 ? powf(10, x * 0.05) : 0 }
        let delayLeft = limit(port(0, 100), 0, 2000), delayRight = limit(port(2, 100), 0, 2000)
        feedbackLeft = Float(min(max(Double(port(1, 0)) / 100.0, 0), 100))
        feedbackRight = Float(min(max(Double(port(3, 0)) / 100.0, 0), 100))
        strengthLeft = decibelsToGain(limit(port(4, 0), -70, 10))
        strengthRight = decibelsToGain(limit(port(5, 0), -70, 10))
        dryLevel = decibelsToGain(limit(port(6, 0), -70, 10))
        crossMode = limit(port(7, 0), -2, 2) > 0
        haas = limit(port(8, 0), -2, 2) > 0
        swapOutputs = limit(port(9, 0), -2, 2) > 0
        // buflen = delay * rate / 1000 in float, truncated; the rings hold MAX_DELAY (2 s).
        let rate = Int(sampleRateHz)
        lengthLeft = Int(delayLeft * Float(rate) / 1000)
        lengthRight = Int(delayRight * Float(rate) / 1000)
        ringLeft = [Float](repeating: 0, count: max(2000 * rate / 1000, 1))
        ringRight = ringLeft
    }

    /// tap_echo.c `M`: values within 1e-8 of zero become zero.
    @inline(__always) private static func flush(_ x: Float) -> Float { x > 0.00000001 || x < -0.00000001 ? x : 0 }

    /// tap_utils.h `push_buffer`: read the oldest sample, write the new one, wrap at `length`.
    @inline(__always) private static func push(_ x: Float, _ ring: inout [Float], _ length: Int, _ position: inout Int) -> Float {
        let out = ring[position]
        ring[position] = x
        position += 1
        if position >= length { position = 0 }
        return out
    }

    func run(inLeft: UnsafePointer<Float>, inRight: UnsafePointer<Float>,
             outLeft: UnsafeMutablePointer<Float>, outRight: UnsafeMutablePointer<Float>, frames: Int) {
        for i in 0..<frames {
            let l = inLeft[i]
            var r = inRight[i]
            let outL = l * dryLevel + delayedLeft * strengthLeft
            let outR = r * dryLevel + delayedRight * strengthRight
            if haas { r = 0 }
            if !crossMode {
                delayedLeft = Self.flush(Self.push(l + delayedLeft * feedbackLeft, &ringLeft, lengthLeft, &positionLeft))
                delayedRight = Self.flush(Self.push(r + delayedRight * feedbackRight, &ringRight, lengthRight, &positionRight))
            } else {
                delayedRight = Self.flush(Self.push(l + delayedLeft * feedbackLeft, &ringLeft, lengthLeft, &positionLeft))
                delayedLeft = Self.flush(Self.push(r + delayedRight * feedbackRight, &ringRight, lengthRight, &positionRight))
            }
            outLeft[i] = swapOutputs ? outR : outL
            outRight[i] = swapOutputs ? outL : outR
        }
    }
}
