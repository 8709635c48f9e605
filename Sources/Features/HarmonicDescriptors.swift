// Harmonicity and inharmonicity of a sustained spectrum with known f0. Inharmonicity follows the
// Timbre Toolbox / CUIDADO definition (Peeters, "A large set of audio features", 2004, sec. 6.2.3):
// 2/f0 * Σ_h |f_h - h f0| a_h^2 / Σ_h a_h^2 over the partial peaks f_h found nearest to h f0, so 0 for a
// harmonic tone and growing as partials stretch. Harmonicity here is the share of spectral energy that
// lies within ±1 bin of those partial peaks (1 = only partials, near 0 = noise).
import Foundation

public struct HarmonicDescriptors: Sendable, Equatable {
    public var inharmonicity: Float
    /// 0...1.
    public var harmonicEnergyRatio: Float

    public static let none = HarmonicDescriptors(inharmonicity: 0, harmonicEnergyRatio: 0)

    public init(inharmonicity: Float, harmonicEnergyRatio: Float) {
        self.inharmonicity = inharmonicity
        self.harmonicEnergyRatio = harmonicEnergyRatio
    }

    /// - Parameters: powerSpectrum one averaged power spectrum (n_fft/2+1 bins); sr, nFFT of that spectrum;
    ///   f0Hz the fundamental; harmonicCount how many partials to look for.
    public init(powerSpectrum: [Float], sr: Double, nFFT: Int, f0Hz: Float, harmonicCount: Int = 20) {
        let bins = powerSpectrum.count
        let binHz = Float(sr) / Float(nFFT)
        guard f0Hz > 0, f0Hz.isFinite, bins > 4 else { self = .none; return }
        var total: Double = 0
        for p in powerSpectrum { total += Double(p) }
        guard total > 0 else { self = .none; return }
        var weightedDeviation: Double = 0, weights: Double = 0, harmonicEnergy: Double = 0
        var lastCounted = -1
        for h in 1...harmonicCount {
            let expectedHz = Float(h) * f0Hz
            // Search the partial within ±f0/2 of h f0 (at least ±1 bin).
            let lo = max(1, Int(((expectedHz - f0Hz / 2) / binHz).rounded(.down)))
            let hi = min(bins - 2, Int(((expectedHz + f0Hz / 2) / binHz).rounded(.up)))
            guard lo <= hi, lo < bins - 2 else { break }
            var peak = lo
            for k in lo...hi where powerSpectrum[k] > powerSpectrum[peak] { peak = k }
            // Parabolic interpolation on log power refines the peak to a fraction of a bin.
            let a = log(max(powerSpectrum[peak - 1], 1e-20)), b = log(max(powerSpectrum[peak], 1e-20))
            let c = log(max(powerSpectrum[peak + 1], 1e-20))
            let denominator = a - 2 * b + c
            let offset: Float = denominator < 0 ? 0.5 * (a - c) / denominator : 0
            let peakHz = (Float(peak) + offset) * binHz
            let amplitudeSquared = Double(powerSpectrum[peak])
            weightedDeviation += Double(abs(peakHz - expectedHz)) * amplitudeSquared
            weights += amplitudeSquared
            // ±1 bin around the peak, not counting bins already counted for the previous partial.
            let from = max(peak - 1, lastCounted + 1)
            if from <= peak + 1 { for k in from...(peak + 1) { harmonicEnergy += Double(powerSpectrum[k]) } }
            lastCounted = max(lastCounted, peak + 1)
        }
        inharmonicity = weights > 0 ? Float(2 / Double(f0Hz) * weightedDeviation / weights) : 0
        harmonicEnergyRatio = Float(min(1, harmonicEnergy / total))
    }
}
