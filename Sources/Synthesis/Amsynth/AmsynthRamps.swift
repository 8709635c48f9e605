// amsynth's small smoothing and ramping helpers (Synth--.h): a linear ramp over a block, the
// 0.005-per-sample one-pole parameter smoother, and the one-pole low-pass on the VCA gain.

/// A linear ramp from a start value to a final value in a number of steps, then held.
struct AmsynthLerper {
    private var start: Float = 0
    private(set) var finalValue: Float = 0
    private var increment: Float = 0
    private var steps: UInt32 = 0
    private var position: UInt32 = 0

    mutating func configure(from startValue: Float, to target: Float, steps numberOfSteps: UInt32) {
        start = startValue
        finalValue = target
        steps = numberOfSteps
        if steps > 0 {
            increment = (finalValue - start) / Float(steps)
        } else {
            increment = 0
            start = target
        }
        position = 0
    }

    var value: Float { start + increment * Float(position) }

    @inline(__always) mutating func next() -> Float {
        let y = value
        position = min(position + 1, steps)
        return y
    }

    /// Moves on as `n` calls of `next()` would.
    mutating func skip(_ n: Int) {
        position = UInt32(min(Int(position) + max(n, 0), Int(steps)))
    }
}

/// One-pole smoother that moves 0.5 % of the way to its input each sample.
struct AmsynthSmoother {
    var z: Float

    @inline(__always) mutating func process(_ x: Float) -> Float {
        z += (x - z) * 0.005
        return z
    }
}

/// First-order low-pass (amsynth's IIRFilterFirstOrder in low-pass mode) on the VCA gain, 4 kHz.
struct AmsynthVCALowPass {
    private let a0: Float
    private let b1: Float
    private(set) var z: Float = 0

    init(sampleRateHz: Float, cutoffHz: Float = 4000) {
        let e: Float = 2.7182818284590452354
        let x = CMath.powf(e, -Float.pi / 2 * min(cutoffHz / sampleRateHz, 0.5))
        a0 = 1 - x
        b1 = x
    }

    @inline(__always) mutating func process(_ x: Float) -> Float {
        let y = x * a0 + z
        z = y * b1
        return y
    }
}
