// CAPS 0.4.5 "PhaserII" as bundled with LMMS 1.2.2 (plugins/LadspaEffect/caps/Phaser.cc, Phaser.h, dsp/Lorenz.h):
// six all-passes whose delay follows a Lorenz attractor, updated every 32 samples, with feedback. Mono (LMMS runs
// one per channel). Ports: 0 in, 1 rate (0...1), 2 depth (0...1), 3 spread (0...pi/2), 4 feedback (0...0.999),
// 5 out.
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

struct CAPSPhaserII: LADSPAMonoKernel {
    private var lorenz: CAPSLorenz
    private var a = [Float](repeating: 0, count: 6), m = [Float](repeating: 0, count: 6)
    private var y0: Float = 0
    private var remain = 0
    private let bottom: Double, range: Double
    private let depth: Double, spread: Double, feedback: Double
    private var normal: Float = 0.00000000000005

    init(_ settings: LMMSEffectSettings, processor: Int, sampleRateHz fs: Double, seed: UInt64) {
        var random = SplitMix64(seed: seed)
        lorenz = CAPSLorenz(unit: random.nextUnit())
        func port(_ i: Int, _ fallback: Float, _ high: Float) -> Double {
            Double(min(max(settings.port(i, processor: processor) ?? fallback, 0), high))
        }
        lorenz.setRate(port(1, 0.25, 1) * 0.08)
        depth = port(2, 0.75, 1)
        spread = 1 + port(3, 0.39, Float(Double.pi * 0.5))
        feedback = port(4, 0.75, 0.999)
        bottom = 400 / fs
        range = 2200 / fs
    }

    mutating func run(_ input: UnsafePointer<Float>, _ output: UnsafeMutablePointer<Float>, frames: Int) {
        var done = 0
        while done < frames {
            if remain == 0 { remain = 32 }
            let n = min(remain, frames - done)
            var d = bottom + range * (0.3 * Double(lorenz.get()))
            for j in stride(from: 5, through: 0, by: -1) {
                a[j] = Float((1 - d) / (1 + d))
                d *= spread
            }
            for i in done..<(done + n) {
                let x = input[i]
                var y = Float(Double(x) + Double(y0) * feedback + Double(normal))
                for j in stride(from: 5, through: 0, by: -1) {
                    let out = -a[j] * y + m[j]
                    m[j] = a[j] * out + y
                    y = out
                }
                y0 = y
                output[i] = Float(Double(x) + Double(y) * depth)
            }
            done += n
            remain -= n
        }
        normal = -normal
    }
}
