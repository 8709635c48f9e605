// The DX7 LFO: six waves as a unipolar 0...1 signal, per sample, plus its onset delay. Wave shapes
// follow hexter 1.1.1 (saws and square with 6 ms ramps instead of jumps, sample-and-hold gliding to
// each new value over 6 ms); speed and delay from Jamie Bullock's TX7 measurements (FORMAT.md §4.8).

struct DX7LFO: Sendable {
    enum Wave: Int, Sendable { case triangle = 0, sawDown, sawUp, square, sine, sampleAndHold }

    private let wave: Wave
    /// Current value 0...1.
    private var value: Double = 0
    private var increment: Double = 0
    private var samplesLeft = 0
    private var segment = 0
    private var firstSegmentSamples = 1, secondSegmentSamples = 1
    private var firstIncrement: Double = 0, secondIncrement: Double = 0
    private var holdTarget: Double = 0
    private var random: UInt64
    /// The bipolar value (-1...1) the pitch modulation uses, updated once per block.
    private(set) var pitchValue: Double = 0

    init(speed: Int, wave waveNumber: Int, sampleRateHz: Double, seed: UInt64) {
        wave = Wave(rawValue: waveNumber) ?? .triangle
        random = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        let period = Swift.max(Int((sampleRateHz / Double(DX7Tables.lfoFrequencyHz[speed])).rounded(.toNearestOrEven)), 8)
        let ramp = Int((sampleRateHz * 0.006).rounded(.toNearestOrEven))
        switch wave {
        case .triangle:
            firstSegmentSamples = period / 2
            secondSegmentSamples = period - firstSegmentSamples
            firstIncrement = 1 / Double(firstSegmentSamples)
            secondIncrement = -firstIncrement
            value = 0
            segment = 0
            samplesLeft = firstSegmentSamples
            increment = firstIncrement
        case .sawDown, .sawUp, .sampleAndHold:
            // A long ramp and a 6 ms return (3/4 and 1/4 of the period when that is too short).
            let long = period >= ramp * 4 ? period - ramp : period * 3 / 4
            let short = period - long
            if wave == .sawUp {
                firstSegmentSamples = short
                secondSegmentSamples = long
            } else {
                firstSegmentSamples = long
                secondSegmentSamples = short
            }
            firstIncrement = 1 / Double(firstSegmentSamples)
            secondIncrement = -1 / Double(secondSegmentSamples)
            switch wave {
            case .sawUp:
                segment = 1
                value = 1
                samplesLeft = secondSegmentSamples
                increment = secondIncrement
            case .sampleAndHold:
                segment = 0
                value = 0
                value = nextRandom()
                samplesLeft = firstSegmentSamples
                increment = 0
            default:
                segment = 0
                value = 0
                samplesLeft = firstSegmentSamples
                increment = firstIncrement
            }
        case .square:
            // Hold high, ramp down, hold low, ramp up; 6 ms ramps.
            firstSegmentSamples = period >= ramp * 6 ? period / 2 - ramp : period / 3
            secondSegmentSamples = Swift.max(period / 2 - firstSegmentSamples, 1)
            secondIncrement = 1 / Double(secondSegmentSamples)
            firstIncrement = -secondIncrement
            segment = 0
            value = 1
            samplesLeft = firstSegmentSamples
            increment = 0
        case .sine:
            value = 0.25  // phase in cycles; the output starts at the middle, rising as a cosine
            increment = 1 / Double(period)
        }
        firstSegmentSamples = Swift.max(firstSegmentSamples, 1)
        secondSegmentSamples = Swift.max(secondSegmentSamples, 1)
        samplesLeft = Swift.max(samplesLeft, 1)
    }

    private mutating func nextRandom() -> Double {
        // xorshift64*: deterministic per seed.
        random ^= random >> 12
        random ^= random << 25
        random ^= random >> 27
        return Double((random &* 0x2545_F491_4F6C_DD1D) >> 11) / Double(1 << 53)
    }

    /// Writes `output.count` unipolar samples and updates `pitchValue` for the block's end.
    mutating func fill(_ output: UnsafeMutableBufferPointer<Float>) {
        switch wave {
        case .triangle, .sawDown, .sawUp:
            for i in 0..<output.count {
                output[i] = Float(value)
                value += increment
                samplesLeft -= 1
                if samplesLeft == 0 {
                    if segment == 1 {
                        segment = 0; value = 0; samplesLeft = firstSegmentSamples; increment = firstIncrement
                    } else {
                        segment = 1; value = 1; samplesLeft = secondSegmentSamples; increment = secondIncrement
                    }
                }
            }
            pitchValue = value * 2 - 1
        case .square:
            for i in 0..<output.count {
                output[i] = Float(value)
                value += increment
                samplesLeft -= 1
                if samplesLeft == 0 {
                    switch segment {
                    case 0: segment = 1; samplesLeft = secondSegmentSamples; increment = firstIncrement
                    case 1: segment = 2; value = 0; samplesLeft = firstSegmentSamples; increment = 0
                    case 2: segment = 3; samplesLeft = secondSegmentSamples; increment = secondIncrement
                    default: segment = 0; value = 1; samplesLeft = firstSegmentSamples; increment = 0
                    }
                }
            }
            pitchValue = (segment == 0 || segment == 3) ? 1 : -1
        case .sine:
            var last: Float = 0.5
            for i in 0..<output.count {
                last = (DX7Math.cosineOfCycles(Float(value)) + 1) / 2
                output[i] = last
                value += increment
                if value > 1 { value -= 1 }
            }
            pitchValue = Double(last) * 2 - 1
        case .sampleAndHold:
            for i in 0..<output.count {
                output[i] = Float(value)
                value += increment
                samplesLeft -= 1
                if samplesLeft == 0 {
                    if segment == 1 {
                        segment = 0; value = holdTarget; samplesLeft = firstSegmentSamples; increment = 0
                    } else {
                        segment = 1; samplesLeft = secondSegmentSamples; holdTarget = nextRandom()
                        increment = (holdTarget - value) / Double(secondSegmentSamples)
                    }
                }
            }
            pitchValue = holdTarget * 2 - 1
        }
    }
}

/// The LFO's fade-in after note-on: 0 during the delay, then a linear ramp to 1 (Bullock's
/// regression of TX7 measurements, as hexter uses it).
struct DX7LFODelay: Sendable {
    private(set) var value: Double
    private var increment: Double = 0
    private var samplesLeft = 0
    private var rampSamples = 0
    private var inDelay = false

    init(delay: Int, sampleRateHz: Double) {
        guard delay > 0 else { value = 1; return }
        let d = Double(delay)
        let onsetSamples = Int((sampleRateHz * (0.00175338 * DX7Math.pow(d, 3.10454) + 1.344) / 1000).rounded(.toNearestOrEven))
        let fullSamples = Int((sampleRateHz * (0.321877 * DX7Math.pow(d, 2.01163) + 326.201) / 1000).rounded(.toNearestOrEven))
        value = 0
        rampSamples = Swift.max(fullSamples - onsetSamples, 1)
        samplesLeft = onsetSamples
        inDelay = true
        if samplesLeft <= 0 { startRamp() }
    }

    private mutating func startRamp() {
        inDelay = false
        value = 0
        increment = 1 / Double(rampSamples)
        samplesLeft = rampSamples
    }

    /// Advances one sample.
    @inline(__always) mutating func step() {
        guard samplesLeft > 0 else { return }
        value += increment
        samplesLeft -= 1
        if samplesLeft == 0 {
            if inDelay { startRamp() } else { value = 1; increment = 0 }
        }
    }
}
