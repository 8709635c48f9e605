// The inner loops of the DX7 engine, over one control block (at most 64 samples): envelope level to
// modulation index, an operator a block at a time (vectorisable: no feedback inside), and the
// feedback loop sample by sample. Operators are phase modulated cosines, outputs in cycles of phase
// (hexter 1.1.1 uses a cosine, as Bolton observed on his TX7 with key sync on).

enum DX7OperatorKernel {
    /// Writes the modulation index (cycles) for each envelope level in `levels` (output-level units,
    /// fractional; below 0 gives 0), interpolating `DX7Tables.levelToIndexCycles` linearly.
    @inline(__always)
    static func modulationIndex(levels: UnsafeMutablePointer<Float>, into gains: UnsafeMutablePointer<Float>,
                                count: Int, table: UnsafePointer<Float>) {
        for s in 0..<count {
            let level = Swift.min(Swift.max(levels[s], 0), 128)
            let whole = Int(level)
            let fraction = level - Float(whole)
            let low = table[whole]
            gains[s] = low + (table[whole + 1] - low) * fraction
        }
    }

    /// Phase resolution: phases are fixed point with 24 fractional bits (hexter's s7.24), so
    /// increments are quantised exactly as hexter quantises them and phases never drift apart.
    static let phaseOne: Float = 16_777_216
    static let phaseMask: Int32 = 0xFF_FFFF

    /// hexter's cosine: a 4,096-entry table read *without* interpolation. (Its fixed-point
    /// interpolation term is shifted 12 bits too far and always comes out 0, so the phase is in
    /// effect truncated to 1/4096 cycle; the resulting broadband floor about 80-100 dB below the
    /// signal is part of every reference render, and the log-spectral distance sees it.)
    static let cosineTable: [Float] = (0..<4096).map { Float(DX7Math.cos(Double($0) / 4096 * 2 * Double.pi)) }

    /// cos 2π(x) through the truncated table; `table` is `cosineTable`.
    @inline(__always)
    static func tableCosine(_ x: Float, _ table: UnsafePointer<Float>) -> Float {
        let index = Int32((x * 4096).rounded(.down)) & 4095
        return table[Int(index)]
    }

    /// The phase (cycles, 0..<1) `s` samples into a block.
    @inline(__always)
    static func phaseCycles(_ phase: Int32, _ increment: Int32, _ s: Int) -> Float {
        Float((phase &+ Int32(truncatingIfNeeded: s) &* increment) & phaseMask) * (1 / phaseOne)
    }

    /// One operator without feedback over a block: out[s] = gain[s]·cos 2π(phase(s) + in[s]).
    /// `input` may be nil (no modulators).
    @inline(__always)
    static func operatorBlock(phase: Int32, increment: Int32, gains: UnsafePointer<Float>,
                              input: UnsafePointer<Float>?, output: UnsafeMutablePointer<Float>, count: Int,
                              table: UnsafePointer<Float>) {
        if let input {
            for s in 0..<count {
                output[s] = gains[s] * tableCosine(phaseCycles(phase, increment, s) + input[s], table)
            }
        } else {
            for s in 0..<count {
                output[s] = gains[s] * tableCosine(phaseCycles(phase, increment, s), table)
            }
        }
    }
}
