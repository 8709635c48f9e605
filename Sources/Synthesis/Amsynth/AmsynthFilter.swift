// amsynth's filter (LowPassFilter.cpp): a bilinear-transform biquad in double precision, low-pass,
// high-pass, band-pass, notch or bypass, 12 dB/octave or the same biquad twice for 24 dB/octave.
// Coefficients are computed once per block.

struct AmsynthFilter {
    enum Kind: Int { case lowPass, highPass, bandPass, notch, bypass }

    private let rate: Float
    private let nyquist: Float
    private var d1 = 0.0, d2 = 0.0, d3 = 0.0, d4 = 0.0

    init(sampleRate: Int) {
        rate = Float(sampleRate)
        nyquist = rate / 2
    }

    mutating func reset() { d1 = 0; d2 = 0; d3 = 0; d4 = 0 }

    mutating func process(_ buffer: UnsafeMutablePointer<Float>, count: Int, cutoffHz: Float, resonance: Float,
                          kind: Kind, twoStages: Bool) {
        if kind == .bypass { return }
        // The filter is unstable at Nyquist.
        let cutoff = max(min(cutoffHz, nyquist * 0.99), 10)
        let w = Double(cutoff / rate)
        let r = max(0.001, 2 * (1 - Double(resonance)))   // 1/Q
        let k = CMath.tan(w * AmsynthOscillator.pi)
        let k2 = k * k
        let rk = r * k
        let bh = 1 + rk + k2
        let a0, a1, a2, b1: Double
        let b2 = (1 - rk + k2) / bh
        switch kind {
        case .lowPass:
            a0 = k2 / bh; a1 = a0 * 2; a2 = a0; b1 = (2 * (k2 - 1)) / bh
        case .highPass:
            a0 = 1 / bh; a1 = -2 / bh; a2 = a0; b1 = (2 * (k2 - 1)) / bh
        case .bandPass:
            a0 = rk / bh; a1 = 0; a2 = -rk / bh; b1 = (2 * (k2 - 1)) / bh
        case .notch, .bypass:
            a0 = (1 + k2) / bh; a1 = (2 * (k2 - 1)) / bh; a2 = a0; b1 = a1
        }
        if twoStages {
            for i in 0..<count {
                let x = Double(buffer[i])
                let y = a0 * x + d1
                d1 = d2 + a1 * x - b1 * y
                d2 = a2 * x - b2 * y
                let z = a0 * y + d3
                d3 = d4 + a1 * y - b1 * z
                d4 = a2 * y - b2 * z
                buffer[i] = Float(z)
            }
        } else {
            for i in 0..<count {
                let x = Double(buffer[i])
                let y = a0 * x + d1
                d1 = d2 + a1 * x - b1 * y
                d2 = a2 * x - b2 * y
                buffer[i] = Float(y)
            }
        }
    }
}
