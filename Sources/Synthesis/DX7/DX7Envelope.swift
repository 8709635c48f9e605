// The DX7 operator envelope: four rate/level stages moving linearly in output-level units (0-99,
// logarithmic in amplitude), with stage times from TX7 measurements and the attack compensation
// of rises that start at or below level 31. Behaviour as hexter 1.1.1 models it (FORMAT.md §4.2).

/// Running state of one operator envelope. Levels and rates are already scaled for the note
/// (keyboard level/rate scaling, output level, velocity).
struct DX7Envelope: Sendable {
    enum Mode: Sendable { case running, sustaining, finished, constant }

    /// Stage rates 1-4 (0-99) and target levels 1-4 (0-99) for this note.
    var rates: (Int, Int, Int, Int) = (99, 99, 99, 99)
    var levels: (Int, Int, Int, Int) = (99, 99, 99, 0)
    private(set) var mode: Mode = .finished
    private(set) var stage = 0
    /// Current level in output-level units.
    private(set) var value: Double = 0
    private var increment: Double = 0
    private var target: Double = 0
    /// Samples left in the current move (-1 when not moving).
    private var remaining = -1
    private var inAttackCompensation = false
    private var afterCompensationSamples = 0
    private var afterCompensationIncrement: Double = 0
    /// Fastest allowed movement in levels per sample: the full-range rise at rate 99.
    private let maxSlewPerSample: Double
    private let sampleRateHz: Double

    init(sampleRateHz: Double) {
        self.sampleRateHz = sampleRateHz
        let fastestRiseSeconds = Double(DX7Tables.riseSecondsFullRange[99])
            * Double(DX7Tables.risePosition[99] - DX7Tables.risePosition[0])
        maxSlewPerSample = 99 / (fastestRiseSeconds * sampleRateHz)
    }

    private func rate(_ stage: Int) -> Int {
        switch stage { case 0: rates.0; case 1: rates.1; case 2: rates.2; default: rates.3 }
    }
    private func level(_ stage: Int) -> Int {
        switch stage { case 0: levels.0; case 1: levels.1; case 2: levels.2; default: levels.3 }
    }

    /// Note-on: start from level 4 and head for level 1 (a constant if all four levels are equal).
    mutating func start() {
        value = Double(levels.3)
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

    /// Advances one sample (call after using `value` for this sample).
    @inline(__always) mutating func step() {
        value += increment
        remaining -= 1
        if remaining == 0 {
            guard mode == .running else { remaining = -1; return }
            if inAttackCompensation {
                inAttackCompensation = false
                remaining = afterCompensationSamples
                increment = afterCompensationIncrement
            } else {
                nextStage()
            }
        }
    }

    /// Once per control block: re-aim long moves at their target so rounding never accumulates.
    mutating func correctDrift() {
        if remaining > 60, mode == .running { increment = (target - value) / Double(remaining) }
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

    private static func ceilDivide(_ numerator: Double, _ denominator: Double) -> Int {
        Int((numerator / denominator).rounded(.up))
    }

    /// Aims the envelope at `level` with the stage time of `rate` for the distance to travel.
    private mutating func setMove(rate: Int, level newLevel: Int) {
        let currentLevel = Swift.min(Swift.max(Int(value.rounded(.down)), 0), 99)
        target = Double(newLevel)
        var seconds: Double
        var compensate = false
        let rise = DX7Tables.riseSecondsFullRange[rate], decay = DX7Tables.decaySecondsFullRange[rate]
        if value <= target {
            if value <= 31 {
                if newLevel > 31 {
                    // Attack compensation: jump (at the maximum slope) to 31, then continue.
                    compensate = true
                    seconds = Double(rise * (DX7Tables.risePosition[newLevel] - DX7Tables.risePosition[currentLevel]))
                } else if newLevel - currentLevel > 9 {
                    seconds = 0  // large rises within the bottom region are instant on the hardware
                } else {
                    // Small rises within the bottom region take a proportional delay (used by
                    // some ROM voices, e.g. "WATER GDN").
                    seconds = Double(rise) * Double(newLevel - currentLevel) / 100
                }
            } else {
                seconds = Double(rise * (DX7Tables.risePosition[newLevel] - DX7Tables.risePosition[currentLevel]))
            }
        } else {
            seconds = Double(decay * (DX7Tables.decayPosition[currentLevel] - DX7Tables.decayPosition[newLevel]))
        }
        seconds = Swift.max(seconds, 0)
        remaining = Swift.max(Int((seconds * sampleRateHz).rounded(.toNearestOrEven)), 1)
        inAttackCompensation = false
        if compensate {
            let compensationSamples = Self.ceilDivide(31 - value, maxSlewPerSample)
            if compensationSamples >= remaining || compensationSamples < 1 {
                if compensationSamples >= remaining { remaining = compensationSamples }
                increment = (target - value) / Double(remaining)
                if increment > maxSlewPerSample {
                    remaining = Self.ceilDivide(target - value, maxSlewPerSample)
                    increment = (target - value) / Double(remaining)
                }
            } else {
                afterCompensationSamples = remaining - compensationSamples
                remaining = compensationSamples
                increment = (31 - value) / Double(compensationSamples)
                afterCompensationIncrement = (target - 31) / Double(afterCompensationSamples)
                if afterCompensationIncrement > maxSlewPerSample {
                    afterCompensationSamples = Self.ceilDivide(target - 31, maxSlewPerSample)
                    afterCompensationIncrement = (target - 31) / Double(afterCompensationSamples)
                }
                inAttackCompensation = true
            }
        } else {
            increment = (target - value) / Double(remaining)
            if abs(increment) > maxSlewPerSample {
                remaining = Self.ceilDivide(abs(target - value), maxSlewPerSample)
                increment = (target - value) / Double(remaining)
            }
        }
    }
}
