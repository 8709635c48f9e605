// amsynth's filter (LowPassFilter.cpp): a bilinear-transform biquad in double precision, low-pass,
// high-pass, band-pass, notch or bypass, 12 dB/octave or the same biquad twice for 24 dB/octave.
// Coefficients are computed once per block; the voice steps the filter a sample at a time inside its
// VCA loop, so the biquad's serial chain and the VCA low-pass's overlap.

struct AmsynthFilter {
    enum Kind: Int { case lowPass, highPass, bandPass, notch, bypass }

    /// One block's biquad coefficients (direct form II transposed).
    struct Coefficients {
        let a0: Double, a1: Double, a2: Double, b1: Double, b2: Double
    }

    private let rate: Float
    private let nyquist: Float
    private var d1 = 0.0, d2 = 0.0, d3 = 0.0, d4 = 0.0

    init(sampleRate: Int) {
        rate = Float(sampleRate)
        nyquist = rate / 2
    }

    mutating func reset() { d1 = 0; d2 = 0; d3 = 0; d4 = 0 }

    /// The block's coefficients; nil when the filter is bypassed (the signal passes unchanged).
    func coefficients(cutoffHz: Float, resonance: Float, kind: Kind) -> Coefficients? {
        if kind == .bypass { return nil }
        // The filter is unstable at Nyquist.
        let cutoff = max(min(cutoffHz, nyquist * 0.99), 10)
        let w = Double(cutoff / rate)
        let r = max(0.001, 2 * (1 - Double(resonance)))   // 1/Q
        let k = CMath.tan(w * AmsynthOscillator.pi)
        let k2 = k * k
        let rk = r * k
        let bh = 1 + rk + k2
        let b2 = (1 - rk + k2) / bh
        switch kind {
        case .lowPass:
            let a0 = k2 / bh
            return Coefficients(a0: a0, a1: a0 * 2, a2: a0, b1: (2 * (k2 - 1)) / bh, b2: b2)
        case .highPass:
            return Coefficients(a0: 1 / bh, a1: -2 / bh, a2: 1 / bh, b1: (2 * (k2 - 1)) / bh, b2: b2)
        case .bandPass:
            return Coefficients(a0: rk / bh, a1: 0, a2: -rk / bh, b1: (2 * (k2 - 1)) / bh, b2: b2)
        case .notch, .bypass:
            let a1 = (2 * (k2 - 1)) / bh
            return Coefficients(a0: (1 + k2) / bh, a1: a1, a2: (1 + k2) / bh, b1: a1, b2: b2)
        }
    }

    /// One sample through the first biquad.
    @inline(__always) mutating func firstStage(_ x: Double, _ c: Coefficients) -> Double {
        let y = c.a0 * x + d1
        d1 = d2 + c.a1 * x - c.b1 * y
        d2 = c.a2 * x - c.b2 * y
        return y
    }

    /// One sample through the second biquad (24 dB/octave), fed by the first's output.
    @inline(__always) mutating func secondStage(_ y: Double, _ c: Coefficients) -> Double {
        let z = c.a0 * y + d3
        d3 = d4 + c.a1 * y - c.b1 * z
        d4 = c.a2 * y - c.b2 * z
        return z
    }
}
