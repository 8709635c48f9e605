// CAPS 0.4.5 "AmpIII" (tube amp) and "AmpIV" (tube amp + tone controls) as bundled with LMMS 1.2.2
// (plugins/LadspaEffect/caps/Amp.cc, Amp.h, ToneControls.cc). Mono (LMMS runs one per channel).
// AmpIII ports: 0 in, 1 gain (0...10), 2 temperature (0.005...1), 3 drive (0.0001...1), 4 out, 5 latency.
// AmpIV ports: 0 in, 1 gain, 2 temperature, 3 bass, 4 mid, 5 treble, 6 hi (dB, -20...20), 7 drive, 8 out, 9 latency.

/// Plugin::getport: a saved control clamped to the port's range (infinities and NaN read as 0).
@inline(__always) func capsPort(_ settings: LMMSEffectSettings, _ port: Int, processor: Int,
                                default value: Float, range: ClosedRange<Float>) -> Float {
    var v = settings.port(port, processor: processor) ?? value
    if !v.isFinite { v = 0 }
    return min(max(v, range.lowerBound), range.upperBound)
}

/// The knobs both amps read: gain (port 1), temperature (port 2, scaled to the tube's input range) and drive.
struct CAPSAmpKnobs {
    let gain: Float, temperature: Float, drive: Float

    init(_ settings: LMMSEffectSettings, processor: Int, drivePort: Int) {
        gain = capsPort(settings, 1, processor: processor, default: 1, range: 0...10)
        temperature = capsPort(settings, 2, processor: processor, default: 0.5025, range: 0.005...1) * CAPSTwelveAX7.scale
        drive = capsPort(settings, drivePort, processor: processor, default: 1, range: 0.0001...1)
    }
}

/// AmpIII: tube transfer at the chosen temperature, a 200 Hz low shelf (-3 dB), then the power stage.
struct CAPSAmpIII: LADSPAMonoKernel {
    private var stage: CAPSAmpStage
    private var shelf: CAPSBiQuad
    private let knobs: CAPSAmpKnobs

    init(_ settings: LMMSEffectSettings, processor: Int, sampleRateHz fs: Double) {
        stage = CAPSAmpStage(sampleRateHz: fs)
        shelf = CAPSBiQuad(lowShelfAt: 200 / fs, q: 0.2, decibels: -3)
        knobs = CAPSAmpKnobs(settings, processor: processor, drivePort: 3)
    }

    mutating func run(_ input: UnsafePointer<Float>, _ output: UnsafeMutablePointer<Float>, frames: Int) {
        var (g, gf) = stage.startBlock(knobs, frames: frames)
        for i in 0..<frames {
            var a = Float(g * Double(CAPSTwelveAX7.transfer(input[i] * knobs.temperature)))
            a = shelf.process(a + stage.normal)
            output[i] = stage.powerStage(a)
            g *= gf
        }
        stage.endBlock(gain: g)
    }
}

/// AmpIV: AmpIII with four band-pass tone controls (80, 300, 1200, 4800 Hz) in place of the shelf.
struct CAPSAmpIV: LADSPAMonoKernel {
    /// ToneControls::bands: centre (Hz), Q, gain adjustment; float constants.
    private static let bands: [(centerHz: Float, q: Float, adjust: Float)] = [
        (80, 1.20, 1.61), (300, 1.10, 1.10), (1200, 1.14, 1.07), (4800, 0.80, 1.06)]
    private var stage: CAPSAmpStage
    private var tone: CAPSBandPassBank
    private let knobs: CAPSAmpKnobs

    init(_ settings: LMMSEffectSettings, processor: Int, sampleRateHz fs: Double) {
        stage = CAPSAmpStage(sampleRateHz: fs)
        tone = CAPSBandPassBank(bandCount: 4, bands: Self.bands.map { (2 * Double($0.centerHz) * Double.pi / fs, Double($0.q)) })
        // ToneControls::activate: the band gains from the raw (unclamped) ports; they never change afterwards.
        for (i, band) in Self.bands.enumerated() {
            let decibels = settings.port(3 + i, processor: processor) ?? 0
            tone.gain[i] = Float(Double(band.adjust) * Foundation_pow(10, Double(decibels) * 0.05))
        }
        knobs = CAPSAmpKnobs(settings, processor: processor, drivePort: 7)
    }

    mutating func run(_ input: UnsafePointer<Float>, _ output: UnsafeMutablePointer<Float>, frames: Int) {
        var (g, gf) = stage.startBlock(knobs, frames: frames)
        for i in 0..<frames {
            var a = input[i] + stage.normal
            a = Float(g * Double(CAPSTwelveAX7.transfer(a * knobs.temperature)))
            a = tone.process(a)
            output[i] = stage.powerStage(a)
            g *= gf
        }
        stage.endBlock(gain: g)
    }
}
