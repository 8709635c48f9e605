// The one audibility rule, checked on constructed signals whose levels follow from arithmetic alone.
import Foundation
import Testing
@testable import Features

@Suite struct AudibilityTests {
    static let sr = 44_100.0

    static func sine(rmsDecibels: Double, seconds: Double, hz: Double = 440) -> [Float] {
        let amplitude = 2.0.squareRoot() * pow(10, rmsDecibels / 20)
        return (0..<Int(seconds * sr)).map { Float(amplitude * sin(2 * Double.pi * hz * Double($0) / sr)) }
    }

    @Test func aSteadySineReadsItsRMS() {
        // A full-scale sine has RMS 1/sqrt(2): -3.01 dBFS.
        #expect(abs(Audibility.levelDecibels(Self.sine(rmsDecibels: -3.0103, seconds: 1), sampleRateHz: Self.sr) + 3.0103) < 0.01)
    }

    @Test func theThresholdIsMinus50DecibelsOfShortTermRMS() {
        #expect(Audibility.isAudible(Self.sine(rmsDecibels: -49.5, seconds: 2), sampleRateHz: Self.sr))
        #expect(!Audibility.isAudible(Self.sine(rmsDecibels: -50.5, seconds: 2), sampleRateHz: Self.sr))
    }

    @Test func aShortBurstIsMeasuredOverItsWindowNotTheWholeRender() {
        // 50 ms at -20 dBFS RMS in 4 s of silence: the whole render is -20 + 10 log10(0.05 / 4) = -39.0 dBFS,
        // the loudest 400 ms window -20 + 10 log10(0.05 / 0.4) = -29.03 dBFS.
        var signal = [Float](repeating: 0, count: Int(4 * Self.sr))
        let burst = Self.sine(rmsDecibels: -20, seconds: 0.05, hz: 1000)
        signal.replaceSubrange(Int(1.2 * Self.sr)..<(Int(1.2 * Self.sr) + burst.count), with: burst)
        #expect(abs(Audibility.levelDecibels(signal, sampleRateHz: Self.sr) + 29.03) < 0.1)
    }

    @Test func aSoundOnlyInTheLastWindowCounts() {
        // Silence, then 0.1 s at -30 dBFS at the very end (a release-triggered sound): the last window,
        // which ends at the last sample, holds it: -30 + 10 log10(0.1 / 0.4) = -36.0 dBFS.
        let signal = [Float](repeating: 0, count: Int(1.95 * Self.sr)) + Self.sine(rmsDecibels: -30, seconds: 0.1)
        #expect(abs(Audibility.levelDecibels(signal, sampleRateHz: Self.sr) + 36.02) < 0.1)
    }

    @Test func silenceAndAConstantOffsetAreInaudible() {
        #expect(Audibility.levelDecibels([], sampleRateHz: Self.sr) == Audibility.floorDecibels)
        #expect(Audibility.levelDecibels([Float](repeating: 0, count: 1000), sampleRateHz: Self.sr) == Audibility.floorDecibels)
        #expect(!Audibility.isAudible([Float](repeating: 0.5, count: 44_100), sampleRateHz: Self.sr))
    }

    @Test func aRenderShorterThanOneWindowIsMeasuredWhole() {
        // 0.1 s at -40 dBFS, shorter than 400 ms: -40 dBFS, not diluted by absent samples.
        #expect(abs(Audibility.levelDecibels(Self.sine(rmsDecibels: -40, seconds: 0.1), sampleRateHz: Self.sr) + 40) < 0.05)
    }

    @Test func everyWindowIsItsOwnMeanRemovedRMSWhateverTheHop() {
        // A rate whose window (493 samples) is not a whole number of hops (123), a length that leaves part of
        // a hop at the end, an offset and a loudness that changes: the level must be the loudest window's
        // mean-removed RMS computed here the slow way (two passes over each window).
        let sr = 1234.0
        var state: UInt64 = 7
        let signal: [Float] = (0..<5_001).map { i in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let noise = Float(state >> 40) / Float(1 << 24) - 0.5
            return 0.3 + noise * Float(1 + (i / 700) % 3)
        }
        let window = Int(0.4 * sr), hop = Int(0.1 * sr)
        var loudest = 0.0
        for start in Array(stride(from: 0, to: signal.count - window, by: hop)) + [signal.count - window] {
            let part = signal[start..<(start + window)].map(Double.init)
            let mean = part.reduce(0, +) / Double(window)
            loudest = max(loudest, part.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(window))
        }
        #expect(abs(Audibility.levelDecibels(signal, sampleRateHz: sr) - 10 * log10(loudest)) < 1e-6)
    }
}
