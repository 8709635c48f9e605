// LMMS 1.2.2's instrument filter (include/BasicFilters.h): the 22 filter types of the ENV/LFO tab, stereo,
// with LMMS's coefficient formulas, clamps and oversampling, so a preset's filter sounds as in LMMS.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// LMMS `BasicFilters::FilterTypes`, in file order (the `ftype` index of a preset).
public enum LMMSFilterType: Int, Sendable, CaseIterable {
    case lowPass = 0, hiPass, bandPassCSG, bandPassCZPG, notch, allPass, moog, doubleLowPass,
         lowpassRC12, bandpassRC12, highpassRC12, lowpassRC24, bandpassRC24, highpassRC24,
         formant, doubleMoog, lowpassSV, bandpassSV, highpassSV, notchSV, fastFormant, tripole
}

@inline(__always) private func bound(_ lo: Float, _ x: Float, _ hi: Float) -> Float { min(max(x, lo), hi) }

/// One filter stage's coefficients and the state of one channel (LMMS keeps a second stage for the "2x" types).
struct LMMSFilterStage {
    var type: LMMSFilterType = .lowPass
    // Biquad (LMMS `BiQuad`, transposed direct form II).
    var a1: Float = 0, a2: Float = 0, b0: Float = 0, b1: Float = 0, b2: Float = 0
    var z1 = Float(0), z2 = Float(0)
    // Moog / tripole.
    var r: Float = 0, p: Float = 0, k: Float = 0
    var y1 = Float(0), y2 = Float(0), y3 = Float(0), y4 = Float(0)
    var oldx = Float(0), oldy1 = Float(0), oldy2 = Float(0), oldy3 = Float(0)
    var last = Float(0)
    // RC filters.
    var rca: Float = 0, rcb: Float = 0, rcc: Float = 0, rcq: Float = 0
    var rcbp0 = Float(0), rclp0 = Float(0), rchp0 = Float(0), rclast0 = Float(0)
    var rcbp1 = Float(0), rclp1 = Float(0), rchp1 = Float(0), rclast1 = Float(0)
    // Formant filters: two band groups of three RC band-passes, per channel.
    var vfa = (Float(0), Float(0)), vfb = (Float(0), Float(0)), vfc = (Float(0), Float(0)), vfq: Float = 0
    var vfbp = [Float](repeating: 0, count: 6)
    var vfhp = [Float](repeating: 0, count: 6)
    var vflast = [Float](repeating: 0, count: 6)
    // State-variable filters.
    var svf1: Float = 0, svf2: Float = 0, svq: Float = 0
    var d1 = Float(0), d2 = Float(0), d3 = Float(0), d4 = Float(0)

    /// Takes every coefficient (not the state) of `other`: the right channel follows the left one's settings.
    mutating func copyCoefficients(from o: LMMSFilterStage) {
        type = o.type
        a1 = o.a1; a2 = o.a2; b0 = o.b0; b1 = o.b1; b2 = o.b2
        r = o.r; p = o.p; k = o.k
        rca = o.rca; rcb = o.rcb; rcc = o.rcc; rcq = o.rcq
        vfa = o.vfa; vfb = o.vfb; vfc = o.vfc; vfq = o.vfq
        svf1 = o.svf1; svf2 = o.svf2; svq = o.svq
    }
}


/// A stereo LMMS instrument filter: `setType`, then `setCoefficients(cutoffHz:q:)` whenever they change,
/// then `process` sample by sample per channel.
struct LMMSFilter {
    // Left channel stages hold the coefficients LMMS computes; the right ones copy them.
    private var main = LMMSFilterStage()
    private var sub = LMMSFilterStage()
    private var mainRight = LMMSFilterStage()
    private var subRight = LMMSFilterStage()
    private var isDouble = false
    private let sampleRatio: Float

    init(type: LMMSFilterType, sampleRateHz: Float) {
        sampleRatio = 1 / sampleRateHz
        isDouble = type == .doubleLowPass || type == .doubleMoog
        let stageType: LMMSFilterType = type == .doubleLowPass ? .lowPass : (type == .doubleMoog ? .moog : type)
        main.type = stageType
        sub.type = stageType
        mainRight.type = stageType
        subRight.type = stageType
    }

    /// `BasicFilters::calcFilterCoeffs`: clamps as LMMS does (RC: 50...20000 Hz, others 5...20000 Hz, Q >= 0.01).
    mutating func setCoefficients(cutoffHz: Float, q qIn: Float) {
        defer {
            mainRight.copyCoefficients(from: main)
            subRight.copyCoefficients(from: sub)
        }
        let q = max(qIn, 0.01)
        var freq = cutoffHz
        switch main.type {
        case .lowpassRC12, .bandpassRC12, .highpassRC12, .lowpassRC24, .bandpassRC24, .highpassRC24:
            freq = bound(50, freq, 20000)
            let sr = sampleRatio * 0.25
            let f = 1 / (freq * 6.28318530717958647692)
            main.rca = 1 - sr / (f + sr)
            main.rcb = 1 - main.rca
            main.rcc = f / (f + sr)
            main.rcq = q * 0.25
            return
        case .formant, .fastFormant:
            freq = bound(5, freq, 20000)
            // Vowel formant pairs (Hz) from BasicFilters.h. Above 17.5 kHz LMMS reads one row past its table; the
            // seventh row is what Debian's LMMS 1.2.2 binary holds there (the next constants in its .rodata:
            // 14000 and 1/(100 pi)), found by searching the binary for the table. Checked: TB303 with the fast
            // formant held at 20 kHz renders within 2e-6 of LMMS's own output.
            let table: [(Float, Float)] = [(1000, 1400), (500, 2300), (320, 3200), (500, 1000), (320, 800), (1000, 1400),
                                           (14000, 0.003_183_098_7)]
            main.vfq = q * 0.25
            let vowelf = freq * (4 / 14000)
            var vowel = Int(vowelf)
            var fract = vowelf - Float(vowel)
            if vowel > 5 { vowel = 5; fract = 1 }
            let lo = table[vowel], hi = table[vowel + 1]
            let f0 = 1 / ((lo.0 + (hi.0 - lo.0) * fract) * 6.28318530717958647692)
            let f1 = 1 / ((lo.1 + (hi.1 - lo.1) * fract) * 6.28318530717958647692)
            let sr = main.type == .fastFormant ? sampleRatio : sampleRatio * 0.25
            main.vfa.0 = 1 - sr / (f0 + sr); main.vfb.0 = 1 - main.vfa.0; main.vfc.0 = f0 / (f0 + sr)
            main.vfa.1 = 1 - sr / (f1 + sr); main.vfb.1 = 1 - main.vfa.1; main.vfc.1 = f1 / (f1 + sr)
            return
        case .moog:
            let f = bound(5, freq, 20000) * sampleRatio
            main.p = (3.6 - 3.2 * f) * f
            main.k = 2 * main.p - 1
            main.r = q * powf(2.71828182845904523536, (1 - main.p) * 1.386249)
            if isDouble { sub.r = main.r; sub.p = main.p; sub.k = main.k }
            return
        case .tripole:
            let f = bound(20, freq, 20000) * sampleRatio * 0.25
            main.p = (3.6 - 3.2 * f) * f
            main.k = 2 * main.p - 1
            main.r = q * 0.1 * powf(2.71828182845904523536, (1 - main.p) * 1.386249)
            return
        case .lowpassSV, .bandpassSV, .highpassSV, .notchSV:
            let f = sinf(max(5, freq) * sampleRatio * 3.14159265358979323846)
            main.svf1 = min(f, 0.825)
            main.svf2 = min(f * 2, 0.825)
            main.svq = max(0.0001, 2 - q * 0.1995)
            return
        default:
            break
        }
        // RBJ-style biquads as LMMS computes them (in Float).
        freq = bound(5, freq, 20000)
        let omega = 6.28318530717958647692 * freq * sampleRatio
        let tsin = sinf(omega) * 0.5
        let tcos = cosf(omega)
        let alpha = tsin / q
        let a0 = 1 / (1 + alpha)
        let a1 = -2 * tcos * a0
        let a2 = (1 - alpha) * a0
        switch main.type {
        case .lowPass:
            let b1 = (1 - tcos) * a0
            setBiquad(a1, a2, b1 * 0.5, b1, b1 * 0.5)
        case .hiPass:
            let b1 = (-1 - tcos) * a0
            setBiquad(a1, a2, b1 * -0.5, b1, b1 * -0.5)
        case .bandPassCSG:
            let b0 = tsin * a0
            setBiquad(a1, a2, b0, 0, -b0)
        case .bandPassCZPG:
            let b0 = alpha * a0
            setBiquad(a1, a2, b0, 0, -b0)
        case .notch:
            setBiquad(a1, a2, a0, a1, a0)
        case .allPass:
            setBiquad(a1, a2, a2, a1, 1)
        default:
            break
        }
    }

    private mutating func setBiquad(_ a1: Float, _ a2: Float, _ b0: Float, _ b1: Float, _ b2: Float) {
        main.a1 = a1; main.a2 = a2; main.b0 = b0; main.b1 = b1; main.b2 = b2
        if isDouble { sub.a1 = a1; sub.a2 = a2; sub.b0 = b0; sub.b1 = b1; sub.b2 = b2 }
    }

    /// One sample of channel `c` (0 left, 1 right) through the filter (`BasicFilters::update`).
    @inline(__always) mutating func process(_ x: Float, channel c: Int) -> Float {
        if c == 0 {
            let out = Self.update(&main, x)
            return isDouble ? Self.update(&sub, out) : out
        }
        let out = Self.update(&mainRight, x)
        return isDouble ? Self.update(&subRight, out) : out
    }

    /// `count` stereo frames in place with the current coefficients. Same result as `process` frame by frame
    /// (the second stage of a "2x" filter only reads the first's output), with the common types run as tight
    /// per-type loops.
    mutating func processBlock(left: UnsafeMutablePointer<Float>, right: UnsafeMutablePointer<Float>, count: Int) {
        guard count > 0 else { return }
        switch main.type {
        case .lowPass, .hiPass, .bandPassCSG, .bandPassCZPG, .notch, .allPass:
            Self.biquadBlock(&main, left, count)
            Self.biquadBlock(&mainRight, right, count)
            if isDouble { Self.biquadBlock(&sub, left, count); Self.biquadBlock(&subRight, right, count) }
        case .moog:
            Self.moogBlock(&main, left, count)
            Self.moogBlock(&mainRight, right, count)
            if isDouble { Self.moogBlock(&sub, left, count); Self.moogBlock(&subRight, right, count) }
        default:
            for i in 0..<count {
                left[i] = Self.update(&main, left[i])
                right[i] = Self.update(&mainRight, right[i])
            }
        }
    }

    /// LMMS `BiQuad::update` over a block (transposed direct form II).
    private static func biquadBlock(_ s: inout LMMSFilterStage, _ x: UnsafeMutablePointer<Float>, _ count: Int) {
        let (a1, a2, b0, b1, b2) = (s.a1, s.a2, s.b0, s.b1, s.b2)
        var z1 = s.z1, z2 = s.z2
        for i in 0..<count {
            let input = x[i]
            let out = z1 + b0 * input
            z1 = b1 * input + z2 - a1 * out
            z2 = b2 * input - a2 * out
            x[i] = out
        }
        s.z1 = z1; s.z2 = z2
    }

    /// LMMS's Moog ladder over a block.
    private static func moogBlock(_ s: inout LMMSFilterStage, _ x: UnsafeMutablePointer<Float>, _ count: Int) {
        let (r, p, k) = (s.r, s.p, s.k)
        var (y1, y2, y3, y4) = (s.y1, s.y2, s.y3, s.y4)
        var (oldx, oldy1, oldy2, oldy3) = (s.oldx, s.oldy1, s.oldy2, s.oldy3)
        for i in 0..<count {
            let input = x[i] - r * y4
            y1 = bound(-10, (input + oldx) * p - k * y1, 10)
            y2 = bound(-10, (y1 + oldy1) * p - k * y2, 10)
            y3 = bound(-10, (y2 + oldy2) * p - k * y3, 10)
            y4 = bound(-10, (y3 + oldy3) * p - k * y4, 10)
            oldx = input; oldy1 = y1; oldy2 = y2; oldy3 = y3
            x[i] = y4 - y4 * y4 * y4 * (1 / 6)
        }
        (s.y1, s.y2, s.y3, s.y4) = (y1, y2, y3, y4)
        (s.oldx, s.oldy1, s.oldy2, s.oldy3) = (oldx, oldy1, oldy2, oldy3)
    }

    /// One stereo frame, in place.
    @inline(__always) mutating func process(left: inout Float, right: inout Float) {
        left = process(left, channel: 0)
        right = process(right, channel: 1)
    }

    @inline(__always) private static func update(_ s: inout LMMSFilterStage, _ input: Float) -> Float {
        switch s.type {
        case .moog:
            let x = input - s.r * s.y4
            let y1 = bound(-10, (x + s.oldx) * s.p - s.k * s.y1, 10)
            let y2 = bound(-10, (y1 + s.oldy1) * s.p - s.k * s.y2, 10)
            let y3 = bound(-10, (y2 + s.oldy2) * s.p - s.k * s.y3, 10)
            let y4 = bound(-10, (y3 + s.oldy3) * s.p - s.k * s.y4, 10)
            s.y1 = y1; s.y2 = y2; s.y3 = y3; s.y4 = y4
            s.oldx = x; s.oldy1 = y1; s.oldy2 = y2; s.oldy3 = y3
            return y4 - y4 * y4 * y4 * (1 / 6)
        case .tripole:
            var out: Float = 0
            var ip: Float = 0
            let last = s.last
            for _ in 0..<4 {
                ip += 0.25
                let x = last + (input - last) * ip - s.r * s.y3
                let y1 = bound(-10, (x + s.oldx) * s.p - s.k * s.y1, 10)
                let y2 = bound(-10, (y1 + s.oldy1) * s.p - s.k * s.y2, 10)
                let y3 = bound(-10, (y2 + s.oldy2) * s.p - s.k * s.y3, 10)
                s.y1 = y1; s.y2 = y2; s.y3 = y3
                s.oldx = x; s.oldy1 = y1; s.oldy2 = y2
                out += y3 - y3 * y3 * y3 * (1 / 6)
            }
            s.last = input
            return out * 0.25
        case .lowpassSV, .bandpassSV:
            var d1 = s.d1, d2 = s.d2, d3 = s.d3, d4 = s.d4
            for _ in 0..<2 {  // 2x oversampled
                d2 = d2 + s.svf1 * d1
                var hp = input - d2 - s.svq * d1
                d1 = s.svf1 * hp + d1
                d4 = d4 + s.svf2 * d3
                hp = d2 - d4 - s.svq * d3
                d3 = s.svf2 * hp + d3
            }
            s.d1 = d1; s.d2 = d2; s.d3 = d3; s.d4 = d4
            return s.type == .lowpassSV ? d4 : d3
        case .highpassSV:
            var d1 = s.d1, d2 = s.d2
            var hp: Float = 0
            for _ in 0..<2 {
                d2 = d2 + s.svf1 * d1
                hp = input - d2 - s.svq * d1
                d1 = s.svf1 * hp + d1
            }
            s.d1 = d1; s.d2 = d2
            return hp
        case .notchSV:
            var d1 = s.d1, d2 = s.d2, d3 = s.d3, d4 = s.d4
            var hp1: Float = 0
            for _ in 0..<2 {
                d2 = d2 + s.svf1 * d1
                hp1 = input - d2 - s.svq * d1
                d1 = s.svf1 * hp1 + d1
                d4 = d4 + s.svf2 * d3
                let hp2 = d2 - d4 - s.svq * d3
                d3 = s.svf2 * hp2 + d3
            }
            s.d1 = d1; s.d2 = d2; s.d3 = d3; s.d4 = d4
            return d4 + hp1
        case .lowpassRC12:
            var lp: Float = 0
            for _ in 0..<4 {
                let inp = bound(-1, input + s.rcbp0 * s.rcq, 1)
                lp = bound(-1, inp * s.rcb + s.rclp0 * s.rca, 1)
                let hp = bound(-1, s.rcc * (s.rchp0 + inp - s.rclast0), 1)
                let bp = bound(-1, hp * s.rcb + s.rcbp0 * s.rca, 1)
                s.rclast0 = inp; s.rclp0 = lp; s.rchp0 = hp; s.rcbp0 = bp
            }
            return lp
        case .highpassRC12, .bandpassRC12:
            var hp: Float = 0, bp: Float = 0
            for _ in 0..<4 {
                let inp = bound(-1, input + s.rcbp0 * s.rcq, 1)
                hp = bound(-1, s.rcc * (s.rchp0 + inp - s.rclast0), 1)
                bp = bound(-1, hp * s.rcb + s.rcbp0 * s.rca, 1)
                s.rclast0 = inp; s.rchp0 = hp; s.rcbp0 = bp
            }
            return s.type == .highpassRC12 ? hp : bp
        case .lowpassRC24:
            var lp: Float = 0
            for _ in 0..<4 {
                var inp = bound(-1, input + s.rcbp0 * s.rcq, 1)
                lp = bound(-1, inp * s.rcb + s.rclp0 * s.rca, 1)
                var hp = bound(-1, s.rcc * (s.rchp0 + inp - s.rclast0), 1)
                var bp = bound(-1, hp * s.rcb + s.rcbp0 * s.rca, 1)
                s.rclast0 = inp; s.rclp0 = lp; s.rcbp0 = bp; s.rchp0 = hp
                inp = bound(-1, lp + s.rcbp1 * s.rcq, 1)
                lp = bound(-1, inp * s.rcb + s.rclp1 * s.rca, 1)
                hp = bound(-1, s.rcc * (s.rchp1 + inp - s.rclast1), 1)
                bp = bound(-1, hp * s.rcb + s.rcbp1 * s.rca, 1)
                s.rclast1 = inp; s.rclp1 = lp; s.rcbp1 = bp; s.rchp1 = hp
            }
            return lp
        case .highpassRC24, .bandpassRC24:
            var hp: Float = 0, bp: Float = 0
            for _ in 0..<4 {
                var inp = bound(-1, input + s.rcbp0 * s.rcq, 1)
                hp = bound(-1, s.rcc * (s.rchp0 + inp - s.rclast0), 1)
                bp = bound(-1, hp * s.rcb + s.rcbp0 * s.rca, 1)
                s.rclast0 = inp; s.rchp0 = hp; s.rcbp0 = bp
                inp = bound(-1, (s.type == .highpassRC24 ? hp : bp) + s.rcbp1 * s.rcq, 1)
                hp = bound(-1, s.rcc * (s.rchp1 + inp - s.rclast1), 1)
                bp = bound(-1, hp * s.rcb + s.rcbp1 * s.rca, 1)
                s.rclast1 = inp; s.rchp1 = hp; s.rcbp1 = bp
            }
            return s.type == .highpassRC24 ? hp : bp
        case .formant, .fastFormant:
            // LMMS skips near-silence here (a performance shortcut that also shapes the output).
            if abs(input) < 1e-10, abs(s.vflast[0]) < 1e-10 { return 0 }
            var out: Float = 0
            let oversampling = s.type == .fastFormant ? 1 : 4
            for _ in 0..<oversampling {
                out += formantBand(&s, input, stages: (0, 2, 4), a: s.vfa.0, b: s.vfb.0, cc: s.vfc.0)
                out += formantBand(&s, input, stages: (1, 3, 5), a: s.vfa.1, b: s.vfb.1, cc: s.vfc.1)
            }
            return s.type == .fastFormant ? out * 2 : out * 0.5
        case .lowPass, .hiPass, .bandPassCSG, .bandPassCZPG, .notch, .allPass, .doubleLowPass, .doubleMoog:
            let z1 = s.z1, z2 = s.z2
            let out = z1 + s.b0 * input
            s.z1 = s.b1 * input + z2 - s.a1 * out
            s.z2 = s.b2 * input - s.a2 * out
            return out
        }
    }

    /// Three RC band-passes in series (one formant), as the formant filter's unrolled loop in BasicFilters.h.
    /// Each band's first stage feeds back from stage 0's band-pass, as LMMS does for both bands.
    @inline(__always) private static func formantBand(_ s: inout LMMSFilterStage, _ input: Float,
                                                      stages: (Int, Int, Int), a: Float, b: Float, cc: Float) -> Float {
        var inp = bound(-1, input + s.vfbp[0] * s.vfq, 1)
        var bp: Float = 0
        for n in 0..<3 {
            let stage = n == 0 ? stages.0 : (n == 1 ? stages.1 : stages.2)
            if n > 0 { inp = bound(-1, bp + s.vfbp[stage] * s.vfq, 1) }
            let hp = bound(-1, cc * (s.vfhp[stage] + inp - s.vflast[stage]), 1)
            bp = bound(-1, hp * b + s.vfbp[stage] * a, 1)
            s.vflast[stage] = inp
            s.vfhp[stage] = hp
            s.vfbp[stage] = bp
        }
        return bp
    }
}
