// The DX7 LFO: six waves as a unipolar 0...1 signal, per sample, plus its onset delay. Wave shapes
// follow hexter 1.1.1 (saws and square with 6 ms ramps instead of jumps, sample-and-hold gliding to
// each new value over 6 ms); speed and delay from Jamie Bullock's TX7 measurements (FORMAT.md §4.8).
// Values are fixed point with 24 fractional bits, as in hexter, so that the pitch it produces
// (and the phase increments derived from it) match the reference renders to the last bit.

struct DX7LFO: Sendable {
    enum Wave: Int, Sendable { case triangle = 0, sawDown, sawUp, square, sine, sampleAndHold }
    static let one: Int32 = 1 << 24

    private let wave: Wave
    /// Current value, 0...1 in fixed point (for the sine: the phase in cycles).
    private var value: Int32 = 0
    private var increment: Int32 = 0
    private var samplesLeft = 0
    private var segment = 0
    private var firstSegmentSamples = 1, secondSegmentSamples = 1
    private var firstIncrement: Int32 = 0, secondIncrement: Int32 = 0
    private var holdTarget: Int32 = 0
    private var random: DX7Random
    /// The last sample written (used by the sine for its pitch value).
    private var lastOutput: Int32 = Self.one / 2
    /// The bipolar value (-1...1) the pitch modulation uses, updated at the end of every fill.
    private(set) var pitchValue: Double = 0
    /// The sine through the AVX2 loop (DX7VectorKernels), the same integers.
    private let vectorised: Bool

    init(speed: Int, wave waveNumber: Int, sampleRateHz: Double, seed: UInt64, vectorised: Bool = false) {
        wave = Wave(rawValue: waveNumber) ?? .triangle
        self.vectorised = vectorised
        random = DX7Random(seed: UInt32(truncatingIfNeeded: seed))
        let frequency = DX7Tables.lfoFrequencyHz[Swift.min(Swift.max(speed, 0), 99)]
        let period = Swift.max(Int((Float(sampleRateHz) / frequency).rounded(.toNearestOrEven)), 8)
        let ramp = Int((Float(sampleRateHz) * 0.006).rounded(.toNearestOrEven))
        switch wave {
        case .triangle:
            firstSegmentSamples = period / 2
            secondSegmentSamples = period - firstSegmentSamples
            firstIncrement = Self.one / Int32(firstSegmentSamples)
            secondIncrement = -firstIncrement
            samplesLeft = firstSegmentSamples
            increment = firstIncrement
        case .sawDown, .sawUp, .sampleAndHold:
            // A long ramp and a 6 ms return (3/4 and 1/4 of the period when that is too short).
            let long = period >= ramp * 4 ? period - ramp : period * 3 / 4
            let short = period - long
            firstSegmentSamples = wave == .sawUp ? short : long
            secondSegmentSamples = wave == .sawUp ? long : short
            firstIncrement = Self.one / Int32(firstSegmentSamples)
            secondIncrement = -Self.one / Int32(secondSegmentSamples)
            switch wave {
            case .sawUp:
                segment = 1
                value = Self.one
                samplesLeft = secondSegmentSamples
                increment = secondIncrement
            case .sampleAndHold:
                value = nextRandom()
                samplesLeft = firstSegmentSamples
            default:
                samplesLeft = firstSegmentSamples
                increment = firstIncrement
            }
        case .square:
            // Hold high, ramp down, hold low, ramp up; 6 ms ramps.
            firstSegmentSamples = period >= ramp * 6 ? period / 2 - ramp : period / 3
            secondSegmentSamples = Swift.max(period / 2 - firstSegmentSamples, 1)
            secondIncrement = Self.one / Int32(secondSegmentSamples)
            firstIncrement = -secondIncrement
            value = Self.one
            samplesLeft = firstSegmentSamples
        case .sine:
            value = Self.one / 4  // a quarter cycle into the cosine: the output starts mid-way
            increment = Self.one / Int32(period)
        }
        firstSegmentSamples = Swift.max(firstSegmentSamples, 1)
        secondSegmentSamples = Swift.max(secondSegmentSamples, 1)
        samplesLeft = Swift.max(samplesLeft, 1)
    }

    /// 24 random bits, as hexter takes them (`rand() & 0xFFFFFF`).
    private mutating func nextRandom() -> Int32 { random.next() & 0xFF_FFFF }

    /// Writes `count` unipolar fixed-point samples and updates `pitchValue` for the span's end.
    mutating func fill(_ output: UnsafeMutablePointer<Int32>, count: Int, cosine: UnsafePointer<Int32>) {
        guard wave != .sine else { return fillSine(output, count: count, cosine: cosine) }
        // Every other wave is a chain of straight segments: a segment's run at a time.
        var i = 0
        while i < count {
            let run = Swift.min(count - i, samplesLeft)
            var v = value
            for k in 0..<run {
                output[i + k] = v
                v &+= increment
            }
            value = v
            samplesLeft -= run
            i += run
            if samplesLeft == 0 { startNextSegment() }
        }
        switch wave {
        case .square: pitchValue = (segment == 0 || segment == 3) ? 1 : -1
        case .sampleAndHold: pitchValue = Double(holdTarget) / Double(Self.one) * 2 - 1
        default: pitchValue = Double(value) / Double(Self.one) * 2 - 1
        }
    }

    /// The segment after the one just ended.
    private mutating func startNextSegment() {
        switch wave {
        case .triangle, .sawDown, .sawUp:
            if segment == 1 {
                segment = 0; value = 0; samplesLeft = firstSegmentSamples; increment = firstIncrement
            } else {
                segment = 1; value = Self.one; samplesLeft = secondSegmentSamples; increment = secondIncrement
            }
        case .square:
            switch segment {
            case 0: segment = 1; samplesLeft = secondSegmentSamples; increment = firstIncrement
            case 1: segment = 2; value = 0; samplesLeft = firstSegmentSamples; increment = 0
            case 2: segment = 3; samplesLeft = secondSegmentSamples; increment = secondIncrement
            default: segment = 0; value = Self.one; samplesLeft = firstSegmentSamples; increment = 0
            }
        case .sampleAndHold:
            if segment == 1 {
                segment = 0; value = holdTarget; samplesLeft = firstSegmentSamples; increment = 0
            } else {
                segment = 1; samplesLeft = secondSegmentSamples; holdTarget = nextRandom()
                increment = (holdTarget &- value) / Int32(secondSegmentSamples)
            }
        case .sine:
            break
        }
    }

    /// The sine: a cosine-table read per sample.
    private mutating func fillSine(_ output: UnsafeMutablePointer<Int32>, count: Int, cosine: UnsafePointer<Int32>) {
        if vectorised, count > 0 {
            value = DX7VectorKernels.lfoSine(phase: value, increment: increment, table: cosine, into: output, count: count)
            lastOutput = output[count - 1]
            pitchValue = Double(lastOutput) / Double(Self.one) * 2 - 1
            return
        }
        for i in 0..<count {
            let index = Int((UInt32(bitPattern: value) >> 12) & 4095)
            // hexter's "interpolation" shifts the product right by FP_SHIFT + 12 = 36 bits, so it only ever adds
            // 0, or -1 (an arithmetic shift of a negative product) where the table falls between entries.
            var out = cosine[index]
            let step = Int64(cosine[(index + 1) & 4095]) - Int64(out)
            out &+= Int32(truncatingIfNeeded: (step * Int64(value & 4095)) >> 36)
            lastOutput = (out &+ Self.one) >> 1
            output[i] = lastOutput
            value &+= increment
        }
        pitchValue = Double(lastOutput) / Double(Self.one) * 2 - 1
    }
}

/// The LFO's fade-in after note-on: 0 during the delay, then a linear ramp to 1 (Bullock's
/// regression of TX7 measurements, as hexter uses it). Fixed point, 24 fractional bits.
struct DX7LFODelay: Sendable {
    private(set) var value: Int32
    private var increment: Int32 = 0
    private var samplesLeft = 0
    private var rampSamples = 0
    private var inDelay = false

    init(delay: Int, sampleRateHz: Double) {
        guard delay > 0 else { value = DX7LFO.one; return }
        // hexter evaluates these in double precision from single-precision constants, then rounds
        // through a float; mirrored here so the onset lands on the same sample.
        let d = Double(delay)
        let rate = Double(Float(sampleRateHz))
        let onsetMs = Double(Float(0.00175338)) * DX7Math.pow(d, Double(Float(3.10454))) + Double(Float(169.344)) - 168
        let fullMs = Double(Float(0.321877)) * DX7Math.pow(d, 2.01163) + Double(Float(494.201)) - 168
        let onsetSamples = Int(Float(rate * onsetMs / 1000).rounded(.toNearestOrEven))
        let fullSamples = Int(Float(rate * fullMs / 1000).rounded(.toNearestOrEven))
        value = 0
        rampSamples = Swift.max(fullSamples - onsetSamples, 1)
        samplesLeft = onsetSamples
        inDelay = true
        if samplesLeft <= 0 { startRamp() }
    }

    /// The value as a fraction 0...1.
    var fraction: Double { Double(value) / Double(DX7LFO.one) }

    private mutating func startRamp() {
        inDelay = false
        value = 0
        increment = DX7LFO.one / Int32(rampSamples)
        samplesLeft = rampSamples
    }

    /// Advances `count` samples (the same as `count` calls of `step()`).
    mutating func advance(_ count: Int) {
        var left = count
        while left > 0 { left -= takeRun(upTo: left).count }
    }

    /// The next run of at most `limit` samples whose values are `value`, `value + increment`, ...
    /// (wrapping), and advances past it: the same values and state as that many calls of `step()`.
    /// A run ends where the delay turns into the ramp or the ramp reaches full depth; while the delay
    /// runs, value and increment are both 0 (no amplitude modulation at all).
    mutating func takeRun(upTo limit: Int) -> (count: Int, value: Int32, increment: Int32) {
        guard samplesLeft > 0 else { return (limit, value, 0) }
        let count = Swift.min(limit, samplesLeft)
        let run = (count: count, value: value, increment: increment)
        value &+= Int32(truncatingIfNeeded: count) &* increment
        samplesLeft -= count
        if samplesLeft == 0 {
            if inDelay { startRamp() } else { value = DX7LFO.one; increment = 0 }
        }
        return run
    }

    /// Whether the delay is over: `value` no longer changes and `step()` does nothing.
    var isSettled: Bool { samplesLeft <= 0 }

    /// Advances one sample.
    @inline(__always) mutating func step() {
        guard samplesLeft > 0 else { return }
        value &+= increment
        samplesLeft -= 1
        if samplesLeft == 0 {
            if inDelay { startRamp() } else { value = DX7LFO.one; increment = 0 }
        }
    }
}
