// CAPS 0.4.5 "PhaserII" (dsp/Lorenz.h): the shared phaser (CAPSPhaser) swept by a Lorenz attractor. Ports: rate
// (0...1), depth (0...1), spread (0...pi/2), feedback (0...0.999).
//
// Not deterministic in LMMS: each instance starts the attractor at x = 0.1 - 0.1 * rand() / RAND_MAX, from the
// process's C random generator, which LMMS does not seed reproducibly (three LMMS renders of PMbass differ by up
// to 0.49 in a sample). Here the start is drawn uniformly from the same range with the render's seed, so the
// spread of outcomes matches LMMS's, and the same seed gives the same samples.

/// DSP::Lorenz, in double; `get` returns a float, as CAPS's sample_t.
struct CAPSLorenz {
    private var x = (0.0, 0.0), y = (0.0, 0.0), z = (0.0, 0.0)
    private var current = 0
    private var h = 0.001
    private let a = 10.0, b = 28.0, c = 8.0 / 3.0

    /// `init(.001, 0)` with `frandom()` = `unit`: 10,000 steps to settle on the attractor.
    init(unit: Double) {
        x.0 = 0.1 + 0 - unit * 0.1
        h = 0.001
        for _ in 0..<10_000 { step() }
        h = 0.001
    }

    mutating func setRate(_ r: Double) { h = max(0.0000001, r * 0.015) }

    private mutating func step() {
        let (xi, yi, zi) = current == 0 ? (x.0, y.0, z.0) : (x.1, y.1, z.1)
        let nx = xi + h * a * (yi - xi)
        let ny = yi + h * (xi * (b - zi) - yi)
        let nz = zi + h * (xi * yi - c * zi)
        if current == 0 { x.1 = nx; y.1 = ny; z.1 = nz; current = 1 } else { x.0 = nx; y.0 = ny; z.0 = nz; current = 0 }
    }

    mutating func get() -> Float {
        step()
        let (yi, zi) = current == 0 ? (y.0, z.0) : (y.1, z.1)
        return Float(0.5 * (0.018 * (yi - 0.172)) + 0.019 * (zi - 25.43))
    }
}

/// PhaserII's sweep: 0.3 x the attractor's output.
struct CAPSLorenzSweep: CAPSPhaserSweep {
    var lorenz: CAPSLorenz
    mutating func nextSweep() -> Double { 0.3 * Double(lorenz.get()) }
}

typealias CAPSPhaserII = CAPSPhaser<CAPSLorenzSweep>

extension CAPSPhaser where Sweep == CAPSLorenzSweep {
    init(_ settings: LMMSEffectSettings, processor: Int, sampleRateHz fs: Double, seed: UInt64) {
        func port(_ i: Int, _ fallback: Float, _ high: Float) -> Double {
            settings.capsPort(i, processor: processor, fallback, high)
        }
        var random = SplitMix64(seed: seed)
        var lorenz = CAPSLorenz(unit: random.nextUnit())
        lorenz.setRate(port(1, 0.25, 1) * 0.08)
        self.init(sweep: CAPSLorenzSweep(lorenz: lorenz), depth: port(2, 0.75, 1),
                  spread: 1 + port(3, 0.39, Float(Double.pi * 0.5)), feedback: port(4, 0.75, 0.999), sampleRateHz: fs)
    }
}
