// Calf "VintageDelay" as LMMS 1.2.2 bundles it (plugins/LadspaEffect/calf/src/modules.cpp, calf/inertia.h,
// calf/biquad.h, plugin.cpp): a tempo-based stereo delay whose feedback runs through a tape-like band-pass (and
// low-pass), with gains that glide in over 10 ms (amount, feedback) or 64 samples (dry, width) after start.
// Ports: 0/1 in, 2/3 out, 4 bpm, 5 subdivide, 6 time L, 7 time R, 8 feedback, 9 amount, 10 mix mode
// (0 stereo, 1 ping-pong, 2 L then R, 3 R then L), 11 medium (0 plain, 1 band-pass, 2 band-pass + low-pass),
// 12 dry, 13 width.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// calf `gain_smoothing` (inertia with a linear ramp): starts at 0 and glides to its target over `length` samples.
struct CalfGainSmoothing {
    private var value: Float = 0, target: Float = 0, delta: Float = 0
    private var count = 0
    private let length: Int
    /// linear_ramp's `mul`: 1.0f / length.
    private let step: Float

    init(length: Int) {
        self.length = length
        step = 1 / Float(length)
    }

    mutating func set(_ source: Float) {
        guard source != target else { return }
        delta = step * (source - value)
        count = length
        target = source
    }

    @inline(__always) mutating func get() -> Float {
        if count == 0 { return target }
        value += delta
        count -= 1
        if count == 0 { value = target }
        return value
    }

    @inline(__always) mutating func advance() { _ = get() }
}

/// calf `biquad_d2<float>`: direct form II, float state and coefficients.
struct CalfBiquad {
    var a0: Float = 1, a1: Float = 0, a2: Float = 0, b1: Float = 0, b2: Float = 0
    private var w1: Float = 0, w2: Float = 0

    /// `set_lp_rbj(float fc, float q, float sr)`.
    mutating func setLowPass(_ fc: Float, _ q: Float, _ sr: Float) {
        let omega = Float(2 * Double.pi * Double(fc) / Double(sr))
        let sn = Float(sin(Double(omega))), cs = Float(cos(Double(omega)))
        let alpha = sn / (2 * q)
        let inv = Float(1.0 / (1.0 + Double(alpha)))
        a0 = inv * (1 - cs) * 0.5
        a2 = a0
        a1 = a0 + a0
        b1 = -2 * cs * inv
        b2 = (1 - alpha) * inv
    }

    /// `set_bp_rbj(double fc, double q, double esr)`.
    mutating func setBandPass(_ fc: Double, _ q: Double, _ sr: Double) {
        let omega = Float(2 * Double.pi * fc / sr)
        let sn = Float(sin(Double(omega))), cs = Float(cos(Double(omega)))
        let alpha = Float(Double(sn) / (2 * q))
        let inv = Float(1.0 / (1.0 + Double(alpha)))
        a0 = Float(1.0 * Double(inv) * Double(alpha))
        a1 = 0
        a2 = Float(-1.0 * Double(inv) * Double(alpha))
        b1 = -2 * cs * inv
        b2 = (1 - alpha) * inv
    }

    /// calf `sanitize(float)`: below 2^-24 is zero.
    @inline(__always) static func sanitize(_ x: Float) -> Float { abs(x) < Float(1.0 / 16_777_216.0) ? 0 : x }

    @inline(__always) mutating func process(_ input: Float) -> Float {
        var x = input
        if x.isSubnormal { x = 0 }
        x = Self.sanitize(x)
        w1 = Self.sanitize(w1)
        w2 = Self.sanitize(w2)
        let tmp = x - w1 * b1 - w2 * b2
        let out = tmp * a0 + w1 * a1 + w2 * a2
        w2 = w1
        w1 = tmp
        return out
    }

    @inline(__always) mutating func processLowPass(_ input: Float) -> Float {
        let tmp = input - w1 * b1 - w2 * b2
        let out = (tmp + w2 + w1 * 2) * a0
        w2 = w1
        w1 = tmp
        return out
    }

    mutating func sanitizeState() {
        w1 = Self.sanitize(w1)
        w2 = Self.sanitize(w2)
    }
}

final class CalfVintageDelay: LMMSEffectProcessor {
    let processorCount = 1
    private static let maxDelay = 262_144, mask = 262_143
    private var buffers: [[Float]] = [[Float](repeating: 0, count: 262_144), [Float](repeating: 0, count: 262_144)]
    private var bufferPosition = 0, age = 0
    private let delayLeft: Int, delayRight: Int, mixMode: Int, medium: Int
    private var amountLeft: CalfGainSmoothing, amountRight: CalfGainSmoothing
    private var feedbackLeft: CalfGainSmoothing, feedbackRight: CalfGainSmoothing
    private var dry = CalfGainSmoothing(length: 64), channelMix = CalfGainSmoothing(length: 64)
    private var filters = [CalfBiquad](repeating: CalfBiquad(), count: 4)  // left low-pass, left band-pass, right ...

    init(_ settings: LMMSEffectSettings, sampleRateHz: Float) {
        func port(_ i: Int, _ fallback: Float) -> Float { settings.port(i) ?? fallback }
        let rate = Int(sampleRateHz)
        amountLeft = CalfGainSmoothing(length: rate / 100)
        amountRight = amountLeft
        feedbackLeft = amountLeft
        feedbackRight = amountLeft
        // params_changed (every run; the values never change within a render)
        let bpmTimesDivide: Float = port(4, 120) * port(5, 4)
        let unit = Float(60.0 * Double(rate) / Double(bpmTimesDivide))
        let timeLeft = port(6, 3), timeRight = port(7, 5)
        delayLeft = Int((unit * timeLeft).rounded(.toNearestOrEven))
        delayRight = Int((unit * timeRight).rounded(.toNearestOrEven))
        let feedback = port(8, 0.5), amount = port(9, 0.25)
        mixMode = Int(port(10, 1).rounded(.toNearestOrEven))
        medium = Int(port(11, 1).rounded(.toNearestOrEven))
        dry.set(port(12, 1))
        let delaySum = delayLeft + delayRight
        feedbackLeft.set(feedback)
        switch mixMode {
        case 0:
            feedbackRight.set(Float(pow(Double(feedback), Double(timeRight / timeLeft))))
            amountLeft.set(amount)
            amountRight.set(amount)
        case 2:
            feedbackRight.set(feedback)
            amountLeft.set(amount)
            amountRight.set(Float(Double(amount) * pow(Double(feedback), 1.0 * Double(delayRight) / Double(delaySum))))
        case 3:
            feedbackRight.set(feedback)
            amountLeft.set(Float(Double(amount) * pow(Double(feedback), 1.0 * Double(delayLeft) / Double(delaySum))))
            amountRight.set(amount)
        default:
            feedbackRight.set(feedback)
            amountLeft.set(amount)
            amountRight.set(amount)
        }
        channelMix.set((1 - port(13, 1)) * 0.5)
        // calc_filters: 6 kHz low-pass and 4.5 kHz band-pass ("tape"), the same for both channels.
        filters[0].setLowPass(6000, 0.707, Float(rate))
        filters[1].setBandPass(4500, 0.250, Double(rate))
        filters[2] = filters[0]
        filters[3] = filters[1]
    }

    /// `delayline_impl` / `delayline2_impl`: silence until the line has filled once.
    @inline(__always) private static func tap(_ age: Int, _ delay: Int, _ input: Float, _ delayed: Float,
                                              _ delayedForFeedback: Float, _ amount: inout CalfGainSmoothing,
                                              _ feedback: inout CalfGainSmoothing, sanitizeDelayedFirst: Bool) -> (Float, Float) {
        if age <= delay {
            amount.advance()
            feedback.advance()
            return (0, input)
        }
        if sanitizeDelayedFirst {
            let d = CalfBiquad.sanitize(delayed)
            return (d * amount.get(), input + d * feedback.get())
        }
        let out = delayed * amount.get()
        let line = input + delayedForFeedback * feedback.get()
        return (CalfBiquad.sanitize(out), CalfBiquad.sanitize(line))
    }

    func run(inLeft: UnsafePointer<Float>, inRight: UnsafePointer<Float>,
             outLeft: UnsafeMutablePointer<Float>, outRight: UnsafeMutablePointer<Float>, frames: Int) {
        // The LADSPA wrapper hands the module at most 256 samples at a time; one LMMS period is 256.
        let start = bufferPosition
        let m = Self.mask
        let singleTap = mixMode == 0 || mixMode == 1
        let v = (mixMode == 1 || mixMode == 3) ? 1 : 0
        let delaySum = delayLeft + delayRight
        let leftRead = singleTap ? delayLeft : (mixMode == 3 ? delaySum : delayLeft)
        let rightRead = singleTap ? delayRight : (mixMode == 2 ? delaySum : delayRight)
        for i in 0..<frames {
            let p = bufferPosition
            let (l, dl) = Self.tap(age, delayLeft, inLeft[i], buffers[v][(p - leftRead) & m],
                                   buffers[v][(p - delaySum) & m], &amountLeft, &feedbackLeft, sanitizeDelayedFirst: singleTap)
            let (r, dr) = Self.tap(age, delayRight, inRight[i], buffers[1 - v][(p - rightRead) & m],
                                   buffers[1 - v][(p - delaySum) & m], &amountRight, &feedbackRight, sanitizeDelayedFirst: singleTap)
            // delay_mix
            let dryGain = dry.get(), mix = channelMix.get()
            let mixedLeft = l + (r - l) * mix
            let mixedRight = r + (l - r) * mix
            outLeft[i] = inLeft[i] * dryGain + mixedLeft
            outRight[i] = inRight[i] * dryGain + mixedRight
            age += 1
            buffers[0][p] = dl
            buffers[1][p] = dr
            bufferPosition = (p + 1) & m
        }
        if age >= Self.maxDelay { age = Self.maxDelay }
        guard medium > 0 else { return }
        var p = start
        for _ in 0..<frames {
            if medium == 2 {
                buffers[0][p] = filters[0].processLowPass(filters[1].process(buffers[0][p]))
                buffers[1][p] = filters[2].processLowPass(filters[3].process(buffers[1][p]))
            } else {
                buffers[0][p] = filters[1].process(buffers[0][p])
                buffers[1][p] = filters[3].process(buffers[1][p])
            }
            p = (p + 1) & m
        }
        if medium == 2 { filters[0].sanitizeState(); filters[2].sanitizeState() }
        filters[1].sanitizeState()
        filters[3].sanitizeState()
    }
}
