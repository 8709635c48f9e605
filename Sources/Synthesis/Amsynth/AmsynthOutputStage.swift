// What amsynth does to the summed voices before they leave the plugin: the distortion (a power-law
// waveshaper whose exponent glides in from 1), the reverb, and the soft limiter on |L| + |R|.

/// y = sign(x)·|x|^max(0.01, c), c smoothed from 1 towards 1 − crunch.
struct AmsynthDistortion {
    private var exponent = AmsynthSmoother(z: 1)
    private let target: Float

    init(crunch: Float) { target = 1 - crunch }

    mutating func process(_ buffer: UnsafeMutablePointer<Float>, count: Int) {
        // No crunch: the exponent starts at 1 and stays there, and |x|^1 = x.
        if target == 1 && exponent.z == 1 { return }
        for i in 0..<count {
            let c = exponent.process(target)
            if c == 1 { continue }   // |x|^1 = x exactly
            let x = buffer[i]
            let sign: Float = x < 0 ? -1 : 1
            buffer[i] = CMath.powf(x * sign, c < 0.01 ? 0.01 : c) * sign
        }
    }
}

/// amsynth's SoftLimiter: a peak follower on |L| + |R| (attack 0.1 ms, release 0.5 s) and gain
/// 0.9 / peak above 0.9, in double precision. amsynth computes the gain as exp(−(log(peak) − log 0.9));
/// here it is e^(log 0.9) / peak, the same value to a few double ulps (no difference once rounded to
/// float), without a logarithm and an exponential per loud sample.
struct AmsynthLimiter {
    private var peak = 0.0
    /// 1 − release and attack, the follower's two coefficients.
    private let decay: Double
    private let attack: Double
    /// e^threshold with amsynth's threshold log(0.9) rounded to float: just above 0.9.
    private let ceiling: Double

    init(sampleRate: Int) {
        attack = 1 - CMath.exp(-2.2 / (0.0001 * Double(Float(sampleRate))))
        let release = 1 - CMath.exp(-2.2 / (0.5 * Double(Float(sampleRate))))
        decay = 1 - release
        ceiling = CMath.exp(Double(Float(CMath.log(0.9))))
    }

    /// The follower over frames of `left` and `right`, from the peak reached so far.
    func chain(left: UnsafeMutablePointer<Float>, right: UnsafeMutablePointer<Float>) -> Chain {
        Chain(peak: peak, decay: decay, attack: attack, ceiling: ceiling, left: left, right: right)
    }

    /// Takes up the peak a chain reached.
    mutating func settle(_ chain: Chain) { peak = chain.peak }

    struct Chain: AmsynthSerialChain {
        fileprivate(set) var peak: Double
        let decay: Double, attack: Double, ceiling: Double
        let left: UnsafeMutablePointer<Float>, right: UnsafeMutablePointer<Float>

        @inline(__always) mutating func step(_ i: Int) {
            let x = Double(abs(left[i]) + abs(right[i]))
            // A branch, not a select: most samples decay, and a predicted branch leaves only the
            // multiplication on the serial chain from one sample's peak to the next (a select waits
            // for the rise's subtraction, multiplication and addition too). Measured: the whole
            // engine 9 % faster, though every rise mispredicts.
            let decayed = decay * peak
            if _slowPath(x > peak) {
                peak = decayed + attack * (x - peak)
            } else {
                peak = decayed
            }
            // At or below the ceiling the gain is exactly 1.
            guard peak > ceiling else { return }
            let gain = ceiling / peak
            left[i] = Float(Double(left[i]) * gain)
            right[i] = Float(Double(right[i]) * gain)
        }
    }
}
