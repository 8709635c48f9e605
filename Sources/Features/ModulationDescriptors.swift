// Rate and depth of a periodic modulation in a control signal sampled at the frame rate: vibrato (f0 in
// cents), tremolo (level in dB), filter movement (spectral centroid in octaves). The series is
// detrended (least-squares line removed, so a slow decay is not read as modulation), Hann-windowed, and
// its spectrum scanned over 0.5-20 Hz; the strongest rate wins and its amplitude is read from the
// window-corrected spectral peak (a sine of amplitude A gives |X| = A Σw / 2).
import Foundation

public struct Modulation: Sendable, Equatable {
    /// Modulation frequency in Hz (0 when the series is too short to tell).
    public var rateHz: Float
    /// Amplitude of the modulating sine, in the series' unit (cents, dB, octaves): ± depth around the mean.
    public var depth: Float

    public static let none = Modulation(rateHz: 0, depth: 0)

    public init(rateHz: Float, depth: Float) {
        self.rateHz = rateHz
        self.depth = depth
    }

    /// - Parameters: series the control values; framesPerSecond their rate; minRateHz...maxRateHz the scan.
    public init(series: [Float], framesPerSecond: Double, minRateHz: Double = 0.5, maxRateHz: Double = 20) {
        let n = series.count
        let duration = Double(n) / framesPerSecond
        // At least two cycles of the slowest rate, and a Nyquist above the fastest.
        let lowest = max(minRateHz, 2 / max(duration, 1e-9))
        let highest = min(maxRateHz, framesPerSecond / 2 * 0.9)
        guard n >= 8, lowest < highest else { self = .none; return }
        // Least-squares line through (i, x_i).
        var sumX: Double = 0, sumI: Double = 0, sumII: Double = 0, sumIX: Double = 0
        for i in 0..<n {
            let x = Double(series[i]), t = Double(i)
            sumX += x; sumI += t; sumII += t * t; sumIX += t * x
        }
        let count = Double(n)
        let slope = (count * sumIX - sumI * sumX) / max(count * sumII - sumI * sumI, 1e-12)
        let intercept = (sumX - slope * sumI) / count
        var windowed = [Double](repeating: 0, count: n)
        var windowSum: Double = 0
        for i in 0..<n {
            let w = 0.5 - 0.5 * cos(2 * Double.pi * (Double(i) + 0.5) / count)
            windowed[i] = (Double(series[i]) - intercept - slope * Double(i)) * w
            windowSum += w
        }
        // Scan in steps of a tenth of the resolution 1/duration.
        let step = 0.1 / duration
        var rates: [Double] = []
        var rate = lowest
        while rate <= highest {
            rates.append(rate)
            rate += step
        }
        var bestRate = 0.0, bestMagnitude = 0.0
        // Eight rates at a time, one per SIMD lane: each lane does exactly the arithmetic of its rate alone
        // (the DFT at one rate, the phasor advanced by complex multiplication, no trig per sample), so the
        // result is the scalar scan's, bit for bit, while the lanes hide each other's dependency chains.
        windowed.withUnsafeBufferPointer { x in
            var group = 0
            while group < rates.count {
                let lanes = min(8, rates.count - group)
                var stepRe = SIMD8<Double>(repeating: 1), stepIm = SIMD8<Double>(repeating: 0)
                for lane in 0..<lanes {
                    let omega = 2 * Double.pi * rates[group + lane] / framesPerSecond
                    stepRe[lane] = cos(omega)
                    stepIm[lane] = -sin(omega)
                }
                var phasorRe = SIMD8<Double>(repeating: 1), phasorIm = SIMD8<Double>(repeating: 0)
                var re = SIMD8<Double>(repeating: 0), im = SIMD8<Double>(repeating: 0)
                for i in 0..<n {
                    let value = SIMD8<Double>(repeating: x[i])
                    re += value * phasorRe
                    im += value * phasorIm
                    let nextRe = phasorRe * stepRe - phasorIm * stepIm
                    phasorIm = phasorRe * stepIm + phasorIm * stepRe
                    phasorRe = nextRe
                }
                let magnitude = (re * re + im * im).squareRoot()
                for lane in 0..<lanes where magnitude[lane] > bestMagnitude {
                    bestMagnitude = magnitude[lane]
                    bestRate = rates[group + lane]
                }
                group += lanes
            }
        }
        rateHz = Float(bestRate)
        depth = Float(2 * bestMagnitude / max(windowSum, 1e-12))
    }
}
