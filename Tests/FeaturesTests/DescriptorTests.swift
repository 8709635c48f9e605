// Sound-designer descriptors measured on synthetic notes whose answers are known by construction.
import Foundation
import Testing
@testable import Features

@Suite struct DescriptorTests {
    let sr = Synthetic.sr

    @Test(arguments: [55.0, 110.0, 261.63, 440.0, 1046.5])
    func yinFindsTheFundamental(_ f0: Double) throws {
        let signal = Synthetic.tone(seconds: 0.5, partials: Synthetic.harmonics(f0, count: 10))
        let frames = try PitchYIN(sr: sr).track(signal)
        let estimates = frames.compactMap(\.f0Hz)
        #expect(estimates.count == frames.count && !frames.isEmpty)
        for hz in estimates { #expect(abs(Double(hz) / f0 - 1) < 0.002, "\(hz) Hz for \(f0) Hz") }
        #expect(frames.allSatisfy { $0.periodicity > 0.95 })
    }

    @Test func yinCallsNoiseUnvoiced() throws {
        let frames = try PitchYIN(sr: sr).track(Synthetic.noise(seconds: 0.5))
        let voiced = frames.filter { $0.f0Hz != nil }.count
        #expect(Double(voiced) < 0.2 * Double(frames.count), "\(voiced) of \(frames.count) noise frames voiced")
    }

    /// 8 ms linear attack, exponential decay (tau 50 ms) to a sustain of 0.5, note-off at 1 s, release tau 100 ms.
    @Test func envelopeTimesOfAKnownADSR() {
        let attack = 0.008, decayTau = 0.05, sustain = 0.5, noteOff = 1.0, releaseTau = 0.1
        let signal = Synthetic.tone(seconds: 2, partials: [(440, 0.5)], envelope: { t in
            if t < attack { return t / attack }
            if t < noteOff { return sustain + (1 - sustain) * exp(-(t - attack) / decayTau) }
            let atOff = sustain + (1 - sustain) * exp(-(noteOff - attack) / decayTau)
            return atOff * exp(-(t - noteOff) / releaseTau)
        })
        let adsr = EnvelopeDescriptors(envelope: AmplitudeEnvelope(signal: signal, sr: sr), noteOnSeconds: 0, noteOffSeconds: noteOff)
        // A linear ramp rises from 10 % to 90 % in 0.8 of its length (6.4 ms); the envelope's 5.8 ms RMS
        // window adds about 2 ms (documented in AmplitudeEnvelope).
        #expect(abs(Double(adsr.attackSeconds) - (0.8 * attack + 0.002)) < 0.0015, "attack \(adsr.attackSeconds) s")
        #expect(abs(Double(adsr.sustainFraction) - sustain) < 0.02, "sustain \(adsr.sustainFraction)")
        // Within 10 % of (peak - sustain) of sustain: exp(-t/tau) = 0.1.
        #expect(abs(Double(adsr.decaySeconds) - decayTau * log(10)) < 0.01, "decay \(adsr.decaySeconds) s")
        #expect(abs(Double(adsr.releaseSeconds) - releaseTau * log(10)) < 0.01, "release \(adsr.releaseSeconds) s")
        #expect(abs(Double(adsr.peakDecibels) - 20 * log10(0.5 / 2.0.squareRoot())) < 0.5)
    }

    /// Attack times of 2, 8, 30 and 100 ms come out in order, each near 0.8 of the ramp (+ the window's smear).
    @Test func attackTimesRankAndScale() {
        var previous = -1.0
        for attack in [0.002, 0.008, 0.03, 0.1] {
            let signal = Synthetic.tone(seconds: 1, partials: [(330, 0.5)], envelope: { t in min(1, t / attack) })
            let adsr = EnvelopeDescriptors(envelope: AmplitudeEnvelope(signal: signal, sr: sr), noteOnSeconds: 0, noteOffSeconds: 0.8)
            let measured = Double(adsr.attackSeconds)
            #expect(measured > previous)
            #expect(abs(measured - 0.8 * attack) < 0.003 + 0.05 * attack, "attack \(measured) s for a \(attack) s ramp")
            previous = measured
        }
    }

    @Test func inharmonicityOfAStiffString() throws {
        // Stiff-string partials f_h = h f0 sqrt(1 + B h^2) (Fletcher 1964), amplitudes 1/h.
        let f0 = 220.0, stiffness = 5e-4
        let partials = (1...10).map { h in (Double(h) * f0 * (1 + stiffness * Double(h * h)).squareRoot(), 0.3 / Double(h)) }
        var weighted = 0.0, total = 0.0
        for (h, p) in partials.enumerated() {
            weighted += abs(p.0 - Double(h + 1) * f0) * p.1 * p.1
            total += p.1 * p.1
        }
        let expected = 2 / f0 * weighted / total
        let stretched = HarmonicDescriptors(powerSpectrum: try meanPowerSpectrum(Synthetic.tone(seconds: 1, partials: partials)),
                                            sr: sr, nFFT: 2048, f0Hz: Float(f0))
        let harmonic = HarmonicDescriptors(powerSpectrum: try meanPowerSpectrum(Synthetic.tone(seconds: 1, partials: Synthetic.harmonics(f0, count: 10))),
                                           sr: sr, nFFT: 2048, f0Hz: Float(f0))
        #expect(abs(Double(stretched.inharmonicity) - expected) < 0.15 * expected, "inharmonicity \(stretched.inharmonicity), expected \(expected)")
        #expect(harmonic.inharmonicity < 0.2 * stretched.inharmonicity)
        #expect(harmonic.harmonicEnergyRatio > 0.9)
        let noise = HarmonicDescriptors(powerSpectrum: try meanPowerSpectrum(Synthetic.noise(seconds: 1)), sr: sr, nFFT: 2048, f0Hz: 220)
        #expect(noise.harmonicEnergyRatio < 0.5, "noise harmonic ratio \(noise.harmonicEnergyRatio)")
    }

    func meanPowerSpectrum(_ signal: [Float]) throws -> [Float] {
        let power = try ShortTimeFourierTransform().power(signal)
        var mean = [Float](repeating: 0, count: power.binCount)
        for t in 2..<(power.frameCount - 2) { for k in 0..<power.binCount { mean[k] += power[t, k] } }
        return mean
    }

    @Test func spectralFluxMarksTheOnsetOnly() throws {
        let signal = [Float](repeating: 0, count: 22_050) + Synthetic.tone(seconds: 1, partials: Synthetic.harmonics(220, count: 5))
        let f = try LibrosaFeatures(signal: signal, sr: sr)
        let flux = SpectralFlux.positiveLogMelFlux(f.logMel, frames: f.power.frameCount, nMels: f.nMels)
        let onsetFrame = 22_050 / 512
        #expect(flux[(onsetFrame - 2)...(onsetFrame + 2)].max()! > 10)
        #expect(flux[(onsetFrame + 10)..<(flux.count - 10)].allSatisfy { $0 < 0.5 })
    }

    @Test func modulationRateAndDepthOfASine() {
        let fps = 86.13
        let series = (0..<200).map { Float(20 + 0.05 * Double($0) + 3 * sin(2 * Double.pi * 6 * Double($0) / fps)) }
        let m = Modulation(series: series, framesPerSecond: fps)
        #expect(abs(m.rateHz - 6) < 0.2)
        #expect(abs(m.depth - 3) < 0.3, "depth \(m.depth); the slope must not leak in")
        #expect(Modulation(series: [1, 2, 3], framesPerSecond: fps) == .none)
    }
}
