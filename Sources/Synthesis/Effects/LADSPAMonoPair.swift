// LMMS runs a mono LADSPA plugin (one audio in, one out) as two processors on a stereo track: one instance per
// channel, each with its own saved controls (LadspaEffect::pluginInstantiation, processorCount = 2 / 1).

/// The DSP of one mono plugin instance.
protocol LADSPAMonoKernel {
    mutating func run(_ input: UnsafePointer<Float>, _ output: UnsafeMutablePointer<Float>, frames: Int)
}

final class LADSPAMonoPair<Kernel: LADSPAMonoKernel>: LMMSEffectProcessor {
    let processorCount = 2
    private var left: Kernel, right: Kernel

    /// `make(processor)` builds the instance for processor 0 (left) or 1 (right).
    init(_ make: (Int) -> Kernel) {
        left = make(0)
        right = make(1)
    }

    func run(inLeft: UnsafePointer<Float>, inRight: UnsafePointer<Float>,
             outLeft: UnsafeMutablePointer<Float>, outRight: UnsafeMutablePointer<Float>, frames: Int) {
        left.run(inLeft, outLeft, frames: frames)
        right.run(inRight, outRight, frames: frames)
    }
}
