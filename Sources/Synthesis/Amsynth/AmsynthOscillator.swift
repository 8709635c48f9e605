// One amsynth oscillator (Oscillator.cpp): sine, pulse with crossing-point anti-aliasing, saw/triangle
// with a shape control and a slope limit, white noise and sample-and-hold noise, hard sync. The LFO is
// the same oscillator at a low frequency.

/// amsynth's oscillator. Frequencies ramp linearly across each block from the previous block's value.
struct AmsynthOscillator {
    enum Waveform: Int { case sine, pulse, saw, noise, random }

    static let twoPi = 6.28318530717958647692
    static let pi = 3.14159265358979323846

    var waveform: Waveform = .sine
    /// +1 or −1: the LFO's "sawtooth down" is the "up" saw negated.
    var polarity: Float = 1
    var syncEnabled = false

    private let rate: Int32
    private let twoPiOverRate: Float
    private var rads: Float = 0
    private var frequency = AmsynthLerper()
    private var syncRads: Double = 0
    private var held: Float = 0
    private var heldCount: Int32 = 0

    init(sampleRate: Int) {
        rate = Int32(sampleRate)
        twoPiOverRate = Float(Self.twoPi) / Float(sampleRate)
    }

    /// Phase back to 0 (a voice that starts from silence).
    mutating func reset() { rads = 0 }

    /// Fills `buffer[0..<count]`. `syncHz` is the master oscillator's frequency when sync is on. A sine
    /// writes only the first `samplesRead` values (the phase still advances `count` samples): the
    /// caller reads no others, and sinf is most of the cost.
    mutating func process(_ buffer: UnsafeMutablePointer<Float>, count: Int, hz: Float, pulseWidth: Float,
                          syncHz: Float = 0, noise: inout AmsynthNoise, samplesRead: Int = .max) {
        frequency.configure(from: frequency.finalValue, to: min(hz, Float(rate) / 2), steps: UInt32(count))
        switch waveform {
        case .sine: sine(buffer, count, syncHz, min(samplesRead, count))
        case .pulse: pulse(buffer, count, pulseWidth, syncHz)
        case .saw: saw(buffer, count, pulseWidth, syncHz)
        case .noise: for i in 0..<count { buffer[i] = noise.next() }
        case .random: sampleAndHold(buffer, count, &noise)
        }
    }

    /// Advances the sync master's phase; true when it wraps (the slave's phase restarts at 0).
    @inline(__always) private mutating func syncWrapped(_ syncHz: Float) -> Bool {
        guard syncEnabled else { return false }
        syncRads += Double(twoPiOverRate * syncHz)
        if syncRads >= Self.twoPi {
            syncRads -= Self.twoPi
            return true
        }
        return false
    }

    /// x − y·trunc(x / y) in float, as amsynth's ffmodf.
    @inline(__always) static func wrap(_ x: Float) -> Float {
        let y = Float(twoPi)
        return x - y * Float(Int32(truncatingIfNeeded: Int64(x / y)))
    }

    private mutating func sine(_ buffer: UnsafeMutablePointer<Float>, _ count: Int, _ syncHz: Float, _ written: Int) {
        for i in 0..<written {
            if syncWrapped(syncHz) { rads = 0 }
            rads += twoPiOverRate * frequency.next()
            buffer[i] = CMath.sinf(rads)
        }
        for _ in written..<count {
            if syncWrapped(syncHz) { rads = 0 }
            rads += twoPiOverRate * frequency.next()
        }
        rads = Self.wrap(rads)
    }

    private mutating func pulse(_ buffer: UnsafeMutablePointer<Float>, _ count: Int, _ width: Float, _ syncHz: Float) {
        let radsPerSample = twoPiOverRate * frequency.finalValue
        // Narrower pulses at high pitch reduce aliasing.
        let widthScale: Float = radsPerSample < 0.3 ? 1 : 1 - ((radsPerSample - 0.3) / 2)
        let switchRads = Float(Self.pi + Double(widthScale) * Self.pi * Double(min(width, 0.9)))
        var last = rads
        for i in 0..<count {
            if syncWrapped(syncHz) { last = 0 }
            let increment = twoPiOverRate * frequency.next()
            var next = last + increment
            let y: Float
            if Double(next) >= Self.twoPi {
                // −1 → 1 within this sample: the value at the crossing point.
                next = Float(Double(next) - Self.twoPi)
                y = 2 * (next / increment) - 1
            } else if next <= switchRads {
                y = 1
            } else if last <= switchRads {
                y = 1 - 2 * ((next - switchRads) / increment)
            } else {
                y = -1
            }
            buffer[i] = y
            last = next
        }
        rads = last
    }

    private mutating func saw(_ buffer: UnsafeMutablePointer<Float>, _ count: Int, _ width: Float, _ syncHz: Float) {
        // The slope is limited to reduce aliasing in high octaves: shape − 2·f/rate at most.
        let shape = min(width, width - 2 * frequency.finalValue / Float(rate))
        let a = (shape + 1) / 2
        // The phases first (a serial chain of adds), then the waveform, whose divisions are
        // independent per frame, 4 frames at a time.
        for i in 0..<count {
            if syncWrapped(syncHz) { rads = 0 }
            rads += twoPiOverRate * frequency.next()
            buffer[i] = rads
        }
        var i = 0
        while i + 4 <= count {
            let phases = UnsafeRawPointer(buffer + i).loadUnaligned(as: SIMD4<Float>.self)
            let values = Self.sawValues(phases, a) * polarity
            UnsafeMutableRawPointer(buffer + i).storeBytes(of: values, as: SIMD4<Float>.self)
            i += 4
        }
        while i < count {
            buffer[i] = Self.sawValue(buffer[i], a) * polarity
            i += 1
        }
        rads = Self.wrap(rads)
    }

    /// `sawValue` of 4 phases: every branch's value, then selects; the same operations per lane.
    @inline(__always) static func sawValues(_ phases: SIMD4<Float>, _ a: Float) -> SIMD4<Float> {
        let y = Float(twoPi)
        let q = phases / y
        // trunc(q) for 0 ≤ q < 2^22: adding and subtracting 2^23 rounds to an integer, at most 1 too
        // high. Other phases (none arise from non-negative frequencies) go lane by lane.
        guard all(q .>= 0 .& q .< 0x1p22) else {
            return SIMD4(sawValue(phases[0], a), sawValue(phases[1], a), sawValue(phases[2], a), sawValue(phases[3], a))
        }
        var whole = (q + 0x1p23) - 0x1p23
        whole.replace(with: whole - 1, where: whole .> q)
        let t = (phases - y * whole) / y
        var v = (1 - 2 * t) / (1 - a)
        v.replace(with: (2 * t - 2) / a, where: t .> 1 - a / 2)
        v.replace(with: 2 * t / a, where: t .< a / 2)
        return v
    }

    /// Rises 0 → 1 over the first a/2 of the cycle, falls 1 → −1, rises −1 → 0 over the last a/2.
    @inline(__always) static func sawValue(_ phase: Float, _ a: Float) -> Float {
        let t = wrap(phase) / Float(twoPi)
        if t < a / 2 { return 2 * t / a }
        if t > 1 - a / 2 { return (2 * t - 2) / a }
        return (1 - 2 * t) / (1 - a)
    }

    private mutating func sampleAndHold(_ buffer: UnsafeMutablePointer<Float>, _ count: Int, _ noise: inout AmsynthNoise) {
        // (int)(rate / f): x86 turns an out-of-range quotient (f = 0) into INT_MIN: a new value every sample.
        let quotient = Float(rate) / frequency.finalValue
        let period: Int32 = (quotient.isFinite && abs(quotient) < 2_147_483_520) ? Int32(quotient) : .min
        for i in 0..<count {
            if heldCount > period {
                heldCount = 0
                held = noise.next()
            }
            heldCount &+= 1
            buffer[i] = held
        }
    }
}
