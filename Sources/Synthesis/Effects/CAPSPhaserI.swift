// CAPS 0.4.5 "PhaserI": the shared phaser (CAPSPhaser) swept by the magnitude of a sine LFO stepped once per block.
// Ports: rate (Hz, 0...10), depth (0...1), spread (0...pi), feedback (0...0.999). Deterministic: the first run sets
// the LFO (activate forces it) at the phase a fresh DSP::Sine reports, 0.

/// PhaserI's sweep: 1 - |sin|, the LFO at max(.001, rate x 32) with CAPS's w = f x pi / fs.
struct CAPSSineSweep: CAPSPhaserSweep {
    private var lfo = CAPSSine()

    init(rateHz: Double, sampleRateHz: Double) {
        lfo.set(frequencyHz: max(0.001, rateHz * 32), sampleRateHz: sampleRateHz, phase: 0)
    }

    mutating func nextSweep() -> Double { 1 - abs(lfo.get()) }
}

typealias CAPSPhaserI = CAPSPhaser<CAPSSineSweep>

extension CAPSPhaser where Sweep == CAPSSineSweep {
    init(_ settings: LMMSEffectSettings, processor: Int, sampleRateHz fs: Double) {
        func port(_ i: Int, _ fallback: Float, _ high: Float) -> Double {
            settings.capsPort(i, processor: processor, fallback, high)
        }
        // Unsaved ports take LADSPA's hints: DEFAULT_1, and DEFAULT_HIGH / DEFAULT_LOW at 3/4 and 1/4 of the range.
        self.init(sweep: CAPSSineSweep(rateHz: port(1, 1, 10), sampleRateHz: fs), depth: port(2, 0.75, 1),
                  spread: 1 + port(3, Float(Double.pi * 0.25), Float(Double.pi)), feedback: port(4, 0.74925, 0.999),
                  sampleRateHz: fs)
    }
}
