// The inner loops of the DX7 engine over one span of a control block (at most 64 samples):
// envelope level to modulation index, and phase-modulated cosine operators. Numbers are fixed point
// with 24 fractional bits, as in hexter 1.1.1 (whose renders are the reference): phases in cycles,
// levels in output-level units, outputs (= modulation for the next operator) in cycles of phase.

enum DX7OperatorKernel {
    static let one: Int32 = 1 << 24

    /// (a·b) >> 24 with a 64-bit intermediate: the product of two fixed-point numbers.
    @inline(__always) static func multiply(_ a: Int32, _ b: Int32) -> Int32 {
        Int32(truncatingIfNeeded: (Int64(a) &* Int64(b)) >> 24)
    }

    /// Modulation index per output level, fixed point, for levels -128...128 at index level + 128,
    /// plus one guard entry (interpolation reads index + 1). Negative levels give 0.
    static let levelToIndex: [Int32] = {
        var table = [Int32](repeating: 0, count: 258)
        // Truncated, not rounded: that reproduces hexter's measured-table integers exactly.
        for level in 0...128 { table[level + 128] = Int32(DX7Tables.indexCycles(level: level) * Double(one)) }
        table[257] = table[256]
        return table
    }()

    /// The operator cosine: 4,096 entries, fixed point, read without interpolation. hexter's
    /// fixed-point interpolation term is shifted 12 bits too far and always comes out 0, so its phase
    /// is in effect truncated to 1/4096 cycle; the broadband floor this leaves 80-100 dB below the
    /// signal is part of every reference render, and the log-spectral distance sees it.
    static let cosineTable: [Int32] = (0..<4096).map {
        Int32((DX7Math.cos(Double($0) / 4096 * 2 * Double.pi) * Double(one)).rounded(.toNearestOrEven))
    }

    /// gains[s] = modulation index at levels[s] (fixed point), interpolated between whole levels.
    /// `table` points at `levelToIndex[128]` (level 0). `straight`: the levels are one arithmetic
    /// run (an envelope span without a stage change or amplitude modulation).
    @inline(__always)
    static func modulationIndex(levels: UnsafePointer<Int32>, into gains: UnsafeMutablePointer<Int32>,
                                count: Int, table: UnsafePointer<Int32>, straight: Bool = false) {
        // Levels stay within -128...127 (EG 0...99 minus an amplitude modulation of at most 127.5).
        var lowest = Int32.max, highest = Int32.min
        if straight {
            // A run that never wraps (EG levels are 0...99) has its extremes at its ends: no scan.
            lowest = Swift.min(levels[0], levels[count - 1])
            highest = Swift.max(levels[0], levels[count - 1])
        } else {
            for s in 0..<count {
                lowest = Swift.min(lowest, levels[s])
                highest = Swift.max(highest, levels[s])
            }
        }
        let unclamped = lowest >= -128 << 24 && highest <= 127 << 24
        lowest = Swift.max(lowest, -128 << 24)
        highest = Swift.min(highest, 127 << 24)
        if lowest >> 24 == highest >> 24 {
            // The common case (a slow envelope, or a held one): one whole level for the whole span,
            // so no table look-up per sample; the interpolation slope is >= 0 (the table rises).
            let whole = Int(lowest >> 24)
            let low = table[whole]
            let slope = UInt64(UInt32(bitPattern: table[whole + 1] &- low))
            if lowest == highest {
                let gain = low &+ Int32(truncatingIfNeeded: (slope &* UInt64(UInt32(bitPattern: lowest & 0xFF_FFFF))) >> 24)
                for s in 0..<count { gains[s] = gain }
            } else if straight, unclamped {
                // The fraction, and so slope·fraction, rises by the same step every sample: a 64-bit
                // running sum gives the same products without a 64-bit multiply per sample (which
                // SSE2 vectors can only emulate).
                var product = Int64(slope) &* Int64(levels[0] & 0xFF_FFFF)
                let step = Int64(slope) &* Int64(levels[1] &- levels[0])
                for s in 0..<count {
                    gains[s] = low &+ Int32(truncatingIfNeeded: product >> 24)
                    product &+= step
                }
            } else {
                for s in 0..<count {
                    let fraction = UInt64(UInt32(bitPattern: Swift.min(Swift.max(levels[s], lowest), highest) & 0xFF_FFFF))
                    gains[s] = low &+ Int32(truncatingIfNeeded: (slope &* fraction) >> 24)
                }
            }
            return
        }
        for s in 0..<count {
            let level = Swift.min(Swift.max(levels[s], -128 << 24), 127 << 24)
            let whole = Int(level >> 24)
            let low = table[whole]
            gains[s] = low &+ multiply(table[whole + 1] &- low, level & 0xFF_FFFF)
        }
    }

    /// The table cosine of a fixed-point phase (any value; only the fraction counts).
    @inline(__always) static func cosine(_ phase: Int32, _ table: UnsafePointer<Int32>) -> Int32 {
        table[Int((UInt32(bitPattern: phase) >> 12) & 4095)]
    }

    /// A feedback chain runs its phase and feedback shifted left 8 bits: the cosine index is then the
    /// top 12 bits (one shift, no mask) and the feedback takes one shift (no truncation, no mask), two
    /// fewer steps in the serial chain. The feedback's 8 extra low bits never reach the index: the
    /// shifted phase's low 8 bits are 0, so their sum cannot carry.
    @inline(__always) static func cosineShifted(_ phase: Int32, _ table: UnsafePointer<Int32>) -> Int32 {
        table[Int(UInt32(bitPattern: phase) >> 20)]
    }

    /// multiply(multiply(wave, level), scale) << 8, plus bits below the 8th. The inner product needs
    /// no truncation: |wave| <= 1 << 24 and level > -2^31 (EG 0...99 minus at most 127.5 levels of
    /// amplitude modulation), so (wave·level) >> 24 already fits an Int32.
    @inline(__always) static func feedbackShifted(_ wave: Int32, _ level: Int32, _ scale: Int32) -> Int32 {
        Int32(truncatingIfNeeded: (((Int64(wave) &* Int64(level)) >> 24) &* Int64(scale)) >> 16)
    }

    /// One operator without feedback over a span: out[s] = gain[s]·cos 2π(phase + s·increment + in[s]).
    /// `input` may be nil (no modulators).
    @inline(__always)
    static func operatorBlock(phase: Int32, increment: Int32, gains: UnsafePointer<Int32>,
                              input: UnsafePointer<Int32>?, output: UnsafeMutablePointer<Int32>, count: Int,
                              table: UnsafePointer<Int32>) {
        var p = phase
        if let input {
            for s in 0..<count {
                output[s] = multiply(gains[s], cosine(p &+ input[s], table))
                p &+= increment
            }
        } else {
            for s in 0..<count {
                output[s] = multiply(gains[s], cosine(p, table))
                p &+= increment
            }
        }
    }
}
