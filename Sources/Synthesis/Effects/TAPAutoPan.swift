// TAP "tap_autopan" as LMMS 1.2.2 bundles it (plugins/LadspaEffect/tap/tap_autopan.c): both channels amplitude-
// modulated by a 1024-entry cosine table, the right channel half a cycle later. Ports: 0 frequency (0...20 Hz),
// 1 depth (0...100 %), 2 gain (-70...20 dB), 3/4 in, 5/6 out. The phase restarts every run from the last
// sample's phase (as TAP does), so it steps slightly once per period.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

final class TAPAutoPan: LMMSEffectProcessor {
    let processorCount = 1
    private static let cosine: [Float] = (0..<1024).map { cosf(Float($0) * Float.pi / 512) }
    private let frequency: Float, depth: Float, gain: Float, sampleRate: Float
    private var phase: Float = 0

    init(_ settings: LMMSEffectSettings, sampleRateHz: Float) {
        func limit(_ v: Float, _ low: Float, _ high: Float) -> Float { v < low ? low : (v > high ? high : v) }
        frequency = limit(settings.port(0) ?? 0, 0, 20)
        depth = limit(settings.port(1) ?? 0, 0, 100)
        let decibels = limit(settings.port(2) ?? 0, -70, 20)
        gain = decibels > -90 ? powf(10, decibels * 0.05) : 0
        sampleRate = Float(Int(sampleRateHz))
    }

    func run(inLeft: UnsafePointer<Float>, inRight: UnsafePointer<Float>,
             outLeft: UnsafeMutablePointer<Float>, outRight: UnsafeMutablePointer<Float>, frames: Int) {
        var phaseLeft: Float = 0
        let half = 0.5 * Double(depth) / 100
        for i in 0..<frames {
            phaseLeft = 1024 * frequency * Float(i) / sampleRate + phase
            while phaseLeft >= 1024 { phaseLeft -= 1024 }
            var phaseRight = phaseLeft + 512
            while phaseRight >= 1024 { phaseRight -= 1024 }
            outLeft[i] = Float(Double(inLeft[i] * gain) * (1 - half + half * Double(Self.cosine[Int(phaseLeft)])))
            outRight[i] = Float(Double(inRight[i] * gain) * (1 - half + half * Double(Self.cosine[Int(phaseRight)])))
        }
        phase = phaseLeft
        while phase >= 1024 { phase -= 1024 }
    }
}
