// The DX7 pitch envelope: one per voice, four rate/level stages in semitones, stepped once per
// 64-sample control block. Level -> semitones from TX7 measurements; stage time is hexter 1.1.1's
// regression of published TX7 timings, e^((70.34 - rate)/25.58) seconds per 96 semitones (FORMAT.md §4.6).

struct DX7PitchEnvelope: Sendable {
    var rates: [Int] = [99, 99, 99, 99]
    var levels: [Int] = [50, 50, 50, 50]
    private var running = false
    private var isConstant = false
    private var stage = 0
    /// Current shift in semitones (0 at level 50).
    private(set) var semitones: Double = 0
    private var increment: Double = 0
    private var target: Double = 0
    private var remainingBlocks = 0
    /// Control blocks per second.
    let blocksPerSecond: Double

    init(blocksPerSecond: Double) { self.blocksPerSecond = blocksPerSecond }

    mutating func start() {
        semitones = DX7Tables.pitchLevelSemitones[levels[3]]
        stage = 0
        isConstant = levels[0] == levels[1] && levels[1] == levels[2] && levels[2] == levels[3]
        running = !isConstant
        if running { setMove() }
    }

    mutating func release() {
        stage = 3
        guard !isConstant else { return }
        running = true
        setMove()
    }

    private mutating func setMove() {
        target = DX7Tables.pitchLevelSemitones[levels[stage]]
        let seconds = DX7Math.exp((Double(rates[stage]) - 70.337897) / -25.580953) * abs(target - semitones) / 96
        remainingBlocks = Int((seconds * blocksPerSecond).rounded(.toNearestOrEven))
        if remainingBlocks > 1 {
            increment = (target - semitones) / Double(remainingBlocks)
        } else {
            remainingBlocks = 1
            increment = target - semitones
        }
    }

    /// Advances one control block.
    mutating func step() {
        guard running else { return }
        semitones += increment
        remainingBlocks -= 1
        if remainingBlocks == 1 {
            increment = target - semitones  // land exactly on the target
        } else if remainingBlocks == 0 {
            switch stage {
            case 0, 1:
                stage += 1
                setMove()
            default:
                running = false  // sustaining after stage 3, finished after stage 4
            }
        }
    }
}
