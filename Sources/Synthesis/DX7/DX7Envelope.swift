// The DX7 operator envelope: four rate/level stages moving linearly in output-level units (0-99,
// logarithmic in amplitude), with stage times from TX7 measurements and the attack compensation
// of rises that start at or below level 31. Behaviour as hexter 1.1.1 models it (FORMAT.md §4.2),
// including its number format: levels are fixed point with 24 fractional bits and increments are
// truncating integer divisions, so a rise ends a hair below its target (which decides the level
// the next stage's time is measured from) exactly as in the reference renders.

/// Running state of one operator envelope. Levels and rates are already scaled for the note
/// (keyboard level/rate scaling, output level, velocity).
struct DX7Envelope: Sendable {
    enum Mode: Sendable { case running, sustaining, finished, constant }

    /// Stage rates 1-4 (0-99) and target levels 1-4 (0-99) for this note.
    var rates: (Int, Int, Int, Int) = (99, 99, 99, 99)
    var levels: (Int, Int, Int, Int) = (99, 99, 99, 0)
    private(set) var mode: Mode = .finished
    private(set) var stage = 0
    /// One output-level unit in the fixed-point format.
    static let one: Int32 = 1 << 24
    /// Current level in output-level units, fixed point (24 fractional bits).
    private(set) var fixedValue: Int32 = 0
    private var increment: Int32 = 0
    private var target: Int32 = 0
    /// Samples left in the current move (-1 when not moving).
    private var remaining = -1
    private var inAttackCompensation = false
    private var afterCompensationSamples = 0
    private var afterCompensationIncrement: Int32 = 0
    /// Fastest allowed movement per sample (fixed point): the full-range rise at rate 99.
    private let maxSlewPerSample: Int32
    private let sampleRateHz: Float

    init(sampleRateHz: Double) {
        self.sampleRateHz = Float(sampleRateHz)
        let fastestRiseSeconds = DX7Tables.riseSecondsFullRange[99] * (DX7Tables.risePosition[99] - DX7Tables.risePosition[0])
        maxSlewPerSample = Int32((99 / (fastestRiseSeconds * Float(sampleRateHz)) * Float(Self.one)).rounded(.toNearestOrEven))
    }


    private func rate(_ stage: Int) -> Int {
        switch stage { case 0: rates.0; case 1: rates.1; case 2: rates.2; default: rates.3 }
    }
    private func level(_ stage: Int) -> Int {
        switch stage { case 0: levels.0; case 1: levels.1; case 2: levels.2; default: levels.3 }
    }

    /// Note-on: start from level 4 and head for level 1 (a constant if all four levels are equal).
    mutating func start() {
        fixedValue = Int32(levels.3) << 24
        stage = 0
        if levels.0 == levels.1, levels.1 == levels.2, levels.2 == levels.3 {
            mode = .constant
            increment = 0
            remaining = -1
        } else {
            mode = .running
            beginStage()
        }
    }

    /// Note-off: head for level 4 from wherever the envelope is.
    mutating func release() {
        stage = 3
        guard mode != .constant else { return }
        mode = .running
        beginStage()
    }

    /// Writes the level of the next `count` samples to `output` and advances past them: the same
    /// values a per-sample loop would give (each sample: use the level, add the increment, count down
    /// to the next stage), as straight runs of adds between stage changes. Returns whether the span
    /// is one straight run (its extremes are then its first and last samples).
    /// The next `count` samples' start level and per-sample slope when they are one straight run (no
    /// stage change begins inside them: `fill` would make one run), else nil.
    func run(of count: Int) -> (start: Int32, slope: Int32)? {
        remaining <= 0 || remaining >= count ? (fixedValue, increment) : nil
    }

    /// `output` nil: advances without writing (the caller computes from `run(of:)`).
    @discardableResult
    mutating func fill(_ output: UnsafeMutablePointer<Int32>?, count: Int) -> Bool {
        var s = 0
        var runs = 0
        while s < count {
            // Samples until the next stage change (none pending when `remaining` is negative).
            let run = remaining > 0 ? Swift.min(count - s, remaining) : count - s
            let start = fixedValue, slope = increment
            // A running sum, not start + k·slope: the same wrapping values, and the vector loop then
            // needs no 32-bit multiply (which baseline x86-64 SSE2 lacks).
            if let output {
                var value = start
                for k in 0..<run { output[s + k] = value; value &+= slope }
                fixedValue = value
            } else {
                fixedValue = start &+ Int32(truncatingIfNeeded: run) &* slope  // the same wrapping sum
            }
            runs += 1
            s += run
            guard remaining > 0 else { remaining -= run; continue }
            remaining -= run
            if remaining == 0 {
                guard mode == .running else { remaining = -1; continue }
                if inAttackCompensation {
                    inAttackCompensation = false
                    remaining = afterCompensationSamples
                    increment = afterCompensationIncrement
                } else {
                    nextStage()
                }
            }
        }
        return runs == 1
    }

    /// Once per control block: re-aim long moves at their target so rounding never accumulates.
    mutating func correctDrift() {
        if remaining > 60, mode == .running { increment = (target &- fixedValue) / Int32(truncatingIfNeeded: remaining) }
    }

    private mutating func beginStage() {
        setMove(rate: rate(stage), level: level(stage))
        // A move that has nothing to do is skipped at once.
        if remaining == 1, increment == 0 { nextStage() }
    }

    private mutating func nextStage() {
        switch stage {
        case 0, 1:
            stage += 1
            beginStage()
        case 2:
            mode = .sustaining
            increment = 0
            remaining = -1
        default:
            mode = .finished
            increment = 0
            remaining = -1
        }
    }

    private static func ceilDivide(_ numerator: Int32, _ denominator: Int32) -> Int {
        Int((Int64(numerator) + Int64(denominator) - 1) / Int64(denominator))
    }

    /// Aims the envelope at `level` with the stage time of `rate` for the distance to travel.
    private mutating func setMove(rate: Int, level newLevel: Int) {
        let currentLevel = Swift.min(Swift.max(Int(fixedValue >> 24), 0), 99)
        target = Int32(newLevel) << 24
        let thirtyOne: Int32 = 31 << 24
        var seconds: Float
        var compensate = false
        let rise = DX7Tables.riseSecondsFullRange[rate], decay = DX7Tables.decaySecondsFullRange[rate]
        if fixedValue <= target {
            if fixedValue <= thirtyOne {
                if newLevel > 31 {
                    // Attack compensation: jump (at the maximum slope) to 31, then continue.
                    compensate = true
                    seconds = rise * (DX7Tables.risePosition[newLevel] - DX7Tables.risePosition[currentLevel])
                } else if newLevel - currentLevel > 9 {
                    seconds = 0  // large rises within the bottom region are instant on the hardware
                } else {
                    // Small rises within the bottom region take a proportional delay (used by
                    // some ROM voices, e.g. "WATER GDN").
                    seconds = rise * Float(newLevel - currentLevel) / 100
                }
            } else {
                seconds = rise * (DX7Tables.risePosition[newLevel] - DX7Tables.risePosition[currentLevel])
            }
        } else {
            seconds = decay * (DX7Tables.decayPosition[currentLevel] - DX7Tables.decayPosition[newLevel])
        }
        let samples = (seconds * sampleRateHz).rounded(.toNearestOrEven)
        remaining = Swift.max(Int(Swift.min(Swift.max(samples, 0), 1e9)), 1)
        inAttackCompensation = false
        if compensate {
            let compensationSamples = Self.ceilDivide(thirtyOne &- fixedValue, maxSlewPerSample)
            if compensationSamples >= remaining || compensationSamples < 1 {
                if compensationSamples >= remaining { remaining = compensationSamples }
                increment = (target &- fixedValue) / Int32(remaining)
                if increment > maxSlewPerSample {
                    remaining = Self.ceilDivide(target &- fixedValue, maxSlewPerSample)
                    increment = (target &- fixedValue) / Int32(remaining)
                }
            } else {
                afterCompensationSamples = remaining - compensationSamples
                remaining = compensationSamples
                increment = (thirtyOne &- fixedValue) / Int32(compensationSamples)
                afterCompensationIncrement = (target &- thirtyOne) / Int32(afterCompensationSamples)
                if afterCompensationIncrement > maxSlewPerSample {
                    afterCompensationSamples = Self.ceilDivide(target &- thirtyOne, maxSlewPerSample)
                    afterCompensationIncrement = (target &- thirtyOne) / Int32(afterCompensationSamples)
                }
                inAttackCompensation = true
            }
        } else {
            increment = (target &- fixedValue) / Int32(remaining)
            if Swift.abs(increment) > maxSlewPerSample {
                remaining = Self.ceilDivide(Swift.abs(target &- fixedValue), maxSlewPerSample)
                increment = (target &- fixedValue) / Int32(remaining)
            }
        }
    }
}
