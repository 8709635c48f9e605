// LMMS 1.2.2's effect-chain bookkeeping (wet/dry, auto-quit) and physical checks of the emulated plugins.
import Foundation
import Testing
@testable import Synthesis

@Suite struct LMMSEffectChainTests {
    static let period = 256

    /// Runs `periods` periods of `input` (nil: silence, as a port with no note) through `chain`.
    static func run(_ chain: LMMSEffectChain, periods: Int, input: ((Int) -> Float)?) -> (left: [Float], right: [Float], running: [Bool]) {
        var left: [Float] = [], right: [Float] = [], running: [Bool] = []
        let l = UnsafeMutablePointer<Float>.allocate(capacity: period), r = UnsafeMutablePointer<Float>.allocate(capacity: period)
        defer { l.deallocate(); r.deallocate() }
        for p in 0..<periods {
            for f in 0..<period { l[f] = input?(p * period + f) ?? 0; r[f] = input.map { 0.5 * $0(p * period + f) } ?? 0 }
            if input != nil { chain.startRunning() }
            running.append(chain.process(left: l, right: r, frames: period, hasInput: input != nil))
            left += (0..<period).map { l[$0] }
            right += (0..<period).map { r[$0] }
        }
        return (left, right, running)
    }

    @Test func encodedChainsRoundTrip() {
        let chain = LMMSEffectChainSettings(enabled: true, effects: [
            LMMSEffectSettings(name: "ladspaeffect", plugin: "Plate2x2", wet: 0.88, autoQuitMs: 8000,
                               controls: ["02": 0.99897, "03": 0.49434]),
            LMMSEffectSettings(name: "stereomatrix", enabled: false, wet: -0.5, gate: 0.1, controls: ["l-r": -0.5])])
        #expect(LMMSEffectChainSettings(encoded: chain.encoded) == chain)
        #expect(LMMSEffectChainSettings(encoded: "not a chain") == nil)
    }

    @Test func wetDryMixesTheEffectWithItsInput() {
        // A matrix that swaps the channels, 25 % wet: out = 0.75 in + 0.25 swapped.
        let swap = LMMSEffectSettings(name: "stereomatrix", wet: 0.25, controls: ["l-l": 0, "r-l": 1, "l-r": 1, "r-r": 0])
        let chain = LMMSEffectChain(LMMSEffectChainSettings(enabled: true, effects: [swap]), sampleRateHz: 44_100, periodFrames: Self.period)
        let out = Self.run(chain, periods: 1, input: { _ in 0.8 })
        #expect(abs(out.left[10] - (0.75 * 0.8 + 0.25 * 0.4)) < 1e-6)
        #expect(abs(out.right[10] - (0.75 * 0.4 + 0.25 * 0.8)) < 1e-6)
    }

    @Test func autoQuitStopsAfterTheTimeoutInQuietPeriods() {
        // Effect::timeout = 1 + int(44100 * ms / 1000) / 256 periods: 1 for 1 ms, 1379 for 8000 ms; the effect stops
        // on the first quiet period past it, and a switched-off chain never runs.
        for (ms, timeout) in [(Float(1), 1), (8000, 1379)] {
            let effect = LMMSEffectSettings(name: "stereomatrix", autoQuitMs: ms)
            let chain = LMMSEffectChain(LMMSEffectChainSettings(enabled: true, effects: [effect]), sampleRateHz: 44_100,
                                        periodFrames: Self.period)
            _ = Self.run(chain, periods: 1, input: { _ in 0.5 })
            let quiet = Self.run(chain, periods: timeout + 2, input: nil).running
            #expect(quiet.prefix(timeout).allSatisfy { $0 }, "\(ms) ms")
            #expect(quiet[timeout] == false, "\(ms) ms")
        }
        let off = LMMSEffectChain(LMMSEffectChainSettings(enabled: false, effects: [LMMSEffectSettings(name: "stereomatrix")]),
                                  sampleRateHz: 44_100, periodFrames: Self.period)
        #expect(Self.run(off, periods: 1, input: { _ in 0.5 }).running == [false])
    }

    /// Amplitude of the last `count` samples' sine (RMS x sqrt 2).
    static func amplitude(_ x: [Float], last count: Int) -> Float {
        let tail = x.suffix(count)
        var sum: Float = 0
        for v in tail { sum += v * v }
        let meanSquare: Float = sum / Float(tail.count)
        return meanSquare.squareRoot() * Float(2).squareRoot()
    }

    @Test func flatEqPassesAToneAndACutBandRemovesIt() {
        let tone: (Int) -> Float = { 0.5 * Float(sin(2 * Double.pi * 1000 * Double($0) / 44_100)) }
        func eq(_ decibelsAt1k: Float) -> Float {
            var controls: [String: Float] = [:]
            for band in 2...11 { controls["0\(band)"] = 0 }
            controls["07"] = decibelsAt1k  // port 7 = the 1 kHz band
            let chain = LMMSEffectChain(LMMSEffectChainSettings(enabled: true, effects: [
                LMMSEffectSettings(name: "ladspaeffect", plugin: "Eq2x2", controls: controls)]), sampleRateHz: 44_100,
                periodFrames: Self.period)
            return Self.amplitude(Self.run(chain, periods: 40, input: tone).left, last: 4410)
        }
        // CAPS adjusts each band so that 0 dB everywhere is flat (within about 1 dB); -48 dB at 1 kHz cuts the
        // tone by well over 10 dB (neighbouring bands still pass some).
        #expect(abs(20 * log10(eq(0) / 0.5)) < 1)
        #expect(20 * log10(eq(-48) / 0.5) < -10)
    }

    @Test func clipperHoldsLoudTonesNearItsThreshold() {
        let tone: (Int) -> Float = { 0.5 * Float(sin(2 * Double.pi * 220 * Double($0) / 44_100)) }
        func peak(gainDecibels: Float) -> Float {
            let chain = LMMSEffectChain(LMMSEffectChainSettings(enabled: true, effects: [
                LMMSEffectSettings(name: "ladspaeffect", plugin: "Clip", controls: ["01": gainDecibels, "11": gainDecibels])]),
                sampleRateHz: 44_100, periodFrames: Self.period)
            return Self.run(chain, periods: 20, input: tone).left.suffix(4410).map(abs).max() ?? 0
        }
        // 0 dB: the tone passes (the oversampling filters ripple a little); +24 dB (x15.8): clipped at 0.9 plus the
        // filters' overshoot.
        #expect(abs(peak(gainDecibels: 0) - 0.5) < 0.02)
        let loud = peak(gainDecibels: 24)
        #expect(loud > 0.85 && loud < 1.05)
    }
}
