// amsynth's ADSR (ADSR.cpp): linear segments counted in whole samples; the sustain level is followed
// through the 0.005-per-sample smoother.

struct AmsynthEnvelope {
    enum Stage { case attack, decay, sustain, release, off }

    /// Segment times in seconds (control values, 0.0005 s at least) and the sustain level.
    var attack: Float = 0, decay: Float = 0, sustain: Float = 1, release: Float = 0

    private let sampleRate: Float
    private(set) var stage = Stage.off
    private var value: Float = 0
    private var increment: Float = 0
    private var framesLeft = UInt32.max
    private var sustainSmoother = AmsynthSmoother(z: 1)

    init(sampleRate: Int) { self.sampleRate = Float(sampleRate) }

    var isOff: Bool { stage == .off }

    private func frames(_ seconds: Float) -> UInt32 { UInt32(truncatingIfNeeded: Int32(seconds * sampleRate)) }

    mutating func noteOn() {
        stage = .attack
        framesLeft = frames(attack)
        // A decay of the minimum time attacks straight to the sustain level.
        let target: Float = decay <= 0.0005 ? sustain : 1
        increment = (target - value) / Float(framesLeft)
    }

    mutating func noteOff() {
        stage = .release
        framesLeft = frames(release)
        increment = (0 - value) / Float(framesLeft)
    }

    mutating func reset() {
        stage = .off
        value = 0
        increment = 0
        framesLeft = .max
    }

    /// Writes `count` envelope values (each the value before that sample's step).
    mutating func process(_ buffer: UnsafeMutablePointer<Float>, count: Int) {
        var written = 0
        var left = UInt32(count)
        while left > 0 {
            let n = min(left, framesLeft)
            if stage == .sustain && value == sustainSmoother.z
                && sustainSmoother.z + (sustain - sustainSmoother.z) * 0.005 == sustainSmoother.z {
                // The smoother's step rounds away: the level stays where it is.
                (buffer + written).update(repeating: value, count: Int(n))
            } else if stage == .sustain {
                for i in 0..<Int(n) {
                    buffer[written + i] = value
                    value = sustainSmoother.process(sustain)
                }
            } else {
                for i in 0..<Int(n) {
                    buffer[written + i] = value
                    value += increment
                }
            }
            written += Int(n)
            framesLeft -= n
            if framesLeft == 0 { advanceStage() }
            left -= n
        }
    }

    private mutating func advanceStage() {
        switch stage {
        case .attack:
            stage = .decay
            framesLeft = frames(decay)
            increment = (sustain - value) / Float(framesLeft)
        case .decay:
            sustainSmoother.z = value
            stage = .sustain
            framesLeft = .max
            increment = 0
        case .sustain:
            framesLeft = .max
        case .release, .off:
            stage = .off
            value = 0
            framesLeft = .max
            increment = 0
        }
    }
}
