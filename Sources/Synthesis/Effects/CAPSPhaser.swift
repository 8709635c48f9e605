// What CAPS 0.4.5's PhaserI and PhaserII share (plugins/LadspaEffect/caps/Phaser.cc, Phaser.h, as bundled with LMMS
// 1.2.2): six all-passes whose delay is set once per 32-sample block from a sweep (PhaserI's sine LFO, PhaserII's
// Lorenz attractor), each stage's delay `spread` times the last, with feedback from the last output. Mono (LMMS runs
// one per channel). Ports: 0 in, 1 rate, 2 depth, 3 spread, 4 feedback, 5 out.

/// A phaser's modulation source: the next block's position, `d = bottom + range x nextSweep()`.
protocol CAPSPhaserSweep {
    mutating func nextSweep() -> Double
}

struct CAPSPhaser<Sweep: CAPSPhaserSweep>: LADSPAMonoKernel {
    private static var blockFrames: Int { 32 }
    private var sweep: Sweep
    private var a = [Float](repeating: 0, count: 6), m = [Float](repeating: 0, count: 6)
    private var y0: Float = 0
    private var remain = 0
    private let bottom: Double, range: Double
    private let depth: Double, spread: Double, feedback: Double
    private var normal: Float = 0.00000000000005

    /// activate(): the delay spans 400 to 2600 samples' worth of 1 / fs.
    init(sweep: Sweep, depth: Double, spread: Double, feedback: Double, sampleRateHz fs: Double) {
        self.sweep = sweep
        self.depth = depth
        self.spread = spread
        self.feedback = feedback
        bottom = 400 / fs
        range = 2200 / fs
    }

    mutating func run(_ input: UnsafePointer<Float>, _ output: UnsafeMutablePointer<Float>, frames: Int) {
        var done = 0
        while done < frames {
            if remain == 0 { remain = Self.blockFrames }
            let n = min(remain, frames - done)
            var d = bottom + range * sweep.nextSweep()
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

extension LMMSEffectSettings {
    /// A LADSPA control port of `processor`, clamped to 0...`high` (CAPS's getport), or `fallback` when unsaved.
    func capsPort(_ i: Int, processor: Int, _ fallback: Float, _ high: Float) -> Double {
        Double(min(max(port(i, processor: processor) ?? fallback, 0), high))
    }
}
