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
}
