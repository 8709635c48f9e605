// SWH harmonic_gen_1220 "harmonicGen" as LMMS 1.2.2 bundles it (plugins/LadspaEffect/swh): a Chebyshev
// waveshaper that turns a sine into the first ten harmonics at the given magnitudes, then removes the DC it
// makes. Mono (LMMS runs one per channel). Ports: 0...9 magnitudes of harmonics 1...10 (-1...1), 10 in, 11 out.

struct SWHHarmonicGenerator: LADSPAMonoKernel {
    private var p = [Float](repeating: 0, count: 11)
    private var lastInput: Float = 0, lastOutput: Float = 0

    init(_ settings: LMMSEffectSettings, processor: Int) {
        var magnitudes = [Float](repeating: 0, count: 11)
        for h in 0..<10 { magnitudes[h + 1] = min(max(settings.port(h, processor: processor) ?? (h == 0 ? 1 : 0), -1), 1) }
        // Normalise so the magnitudes sum to at most 1.
        var sum: Float = 0
        for h in 1...10 { sum += abs(magnitudes[h]) }
        let fix: Float = sum < 1 ? 1 : 1 / sum
        for h in 0..<11 { magnitudes[h] *= fix }
        p = Self.chebyshevToPolynomial(magnitudes)
    }

    /// `chebpc` (Numerical Recipes): Chebyshev coefficients to power-series coefficients, in float.
    static func chebyshevToPolynomial(_ c: [Float]) -> [Float] {
        let n = c.count
        var d = [Float](repeating: 0, count: n), dd = [Float](repeating: 0, count: n)
        d[0] = c[n - 1]
        for j in stride(from: n - 2, through: 1, by: -1) {
            for k in stride(from: n - j, through: 1, by: -1) {
                let sv = d[k]
                d[k] = Float(2.0 * Double(d[k - 1]) - Double(dd[k]))
                dd[k] = sv
            }
            let sv = d[0]
            d[0] = -dd[0] + c[j]
            dd[0] = sv
        }
        for j in stride(from: n - 1, through: 1, by: -1) { d[j] = d[j - 1] - dd[j] }
        d[0] = Float(Double(-dd[0]) + 0.5 * Double(c[0]))
        return d
    }

    mutating func run(_ input: UnsafePointer<Float>, _ output: UnsafeMutablePointer<Float>, frames: Int) {
        for i in 0..<frames {
            let x = input[i]
            var y = p[10] * x
            for k in stride(from: 9, through: 1, by: -1) { y = (p[k] + y) * x }
            y = p[0] + y
            lastOutput = 0.999 * lastOutput + y - lastInput
            lastInput = y
            output[i] = lastOutput
        }
    }
}
