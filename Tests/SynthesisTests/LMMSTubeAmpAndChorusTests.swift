// Physical checks of CAPS AmpIII/AmpIV (tube amps) and Calf MultiChorus as LMMS runs them; their fidelity to
// LMMS's own renders is checked on factory presets in AtlasTests/LMMSFactoryTests.
import Foundation
import Testing
@testable import Synthesis

@Suite struct LMMSTubeAmpAndChorusTests {
    typealias Chain = LMMSEffectChainTests

    static func chain(_ plugin: String, _ controls: [String: Float]) -> LMMSEffectChain {
        LMMSEffectChain(LMMSEffectChainSettings(enabled: true, effects: [
            LMMSEffectSettings(name: "ladspaeffect", plugin: plugin, controls: controls)]),
            sampleRateHz: 44_100, periodFrames: Chain.period)
    }

    static func sine(_ hz: Double, _ amplitude: Float) -> (Int) -> Float {
        { amplitude * Float(sin(2 * Double.pi * hz * Double($0) / 44_100)) }
    }

    /// Amplitude of the `hz` component of the last 44,100 samples (an integer number of cycles for whole Hz).
    static func component(_ x: [Float], _ hz: Double) -> Double {
        let tail = Array(x.suffix(44_100))
        var re = 0.0, im = 0.0
        for (i, v) in tail.enumerated() {
            let w = 2 * Double.pi * hz * Double(i) / 44_100
            re += Double(v) * cos(w)
            im += Double(v) * sin(w)
        }
        return 2 * (re * re + im * im).squareRoot() / Double(tail.count)
    }

    /// Harmonics 2...5 relative to the fundamental.
    static func distortion(_ x: [Float], _ hz: Double) -> Double {
        let harmonics = (2...5).map { component(x, hz * Double($0)) }
        return (harmonics.map { $0 * $0 }.reduce(0, +)).squareRoot() / component(x, hz)
    }

    @Test func tubeCurveIsTheSampled12AX7() {
        // r12ax7.h: 0 V in at index 566 gives 0 V out; the curve inverts and is steeper on the positive side.
        #expect(CAPSTwelveAX7.transfer(0) == 0)
        #expect(abs(CAPSTwelveAX7.transfer(-CAPSTwelveAX7.scale) - 0.277279436588) < 1e-6)
        #expect(abs(CAPSTwelveAX7.transfer(1) - -0.6094525456428528) < 1e-6)
        #expect(CAPSTwelveAX7.transfer(0.1) < 0 && CAPSTwelveAX7.transfer(-0.1) > 0)
    }

    @Test func ampIIIDistortsMoreAtHigherGain() {
        func run(gain: Float) -> [Float] {
            let amp = Self.chain("AmpIII", ["01": gain, "02": 0.5, "03": 1, "11": gain, "12": 0.5, "13": 1])
            return Chain.run(amp, periods: 200, input: Self.sine(220, 0.5)).left
        }
        let quiet = run(gain: 0.05), loud = run(gain: 6)
        let clean = Self.distortion(quiet, 220), driven = Self.distortion(loud, 220)
        #expect(clean < 0.2, "quiet input: harmonics \(clean) of the fundamental")
        #expect(driven > 2 * clean, "driven: \(driven) against \(clean)")
        #expect(loud.allSatisfy { $0.isFinite })
    }

    @Test func ampIVBassControlBoostsLowTones() {
        func level(bassDecibels: Float) -> Double {
            let amp = Self.chain("AmpIV", ["01": 0.05, "02": 0.5, "03": bassDecibels, "04": 0, "05": 0, "06": 0, "07": 0.0001])
            return Self.component(Chain.run(amp, periods: 200, input: Self.sine(80, 0.2)).left, 80)
        }
        // The 80 Hz band: +20 dB against -20 dB; the other bands still pass some, so well over 12 dB apart.
        #expect(20 * log10(level(bassDecibels: 20) / level(bassDecibels: -20)) > 12)
    }

    @Test func multiChorusWithNoWetPassesTheInputAfterItsGainRamp() {
        var controls: [String: Float] = ["04": 5, "05": 6, "06": 0.5, "07": 180, "08": 4, "09": 64, "010": 0, "011": 1,
                                         "012": 100, "013": 5000, "014": 0.125, "015": 0.75]
        let input = Self.sine(440, 0.5)
        let dry = Chain.run(Self.chain("MultiChorus", controls), periods: 4, input: input).left
        // calf's gain_smoothing glides from 0 to the dry level over 64 samples, then holds it.
        #expect(abs(dry[10] - input(10)) > 1e-4)
        #expect((64..<1024).allSatisfy { abs(dry[$0] - input($0)) < 1e-6 })
        controls["010"] = 1
        controls["011"] = 0
        let wet = Chain.run(Self.chain("MultiChorus", controls), periods: 200, input: input)
        // Wet only: the delayed, band-passed voices carry the tone; the right LFO runs half a cycle ahead.
        #expect(Self.component(wet.left, 440) > 0.01)
        let difference = zip(wet.left.suffix(44_100), wet.right.suffix(44_100)).map { abs($0 - $1) }.max() ?? 0
        #expect(difference > 1e-3)
    }
}
