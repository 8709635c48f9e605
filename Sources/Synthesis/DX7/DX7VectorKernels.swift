// The DX7 engine's AVX2 loops (C, Sources/CDX7Kernels): one operator, and envelope levels to
// modulation index, over a span 8 samples at a time; up to 32 notes' self-feedback operators one per
// lane. Used when the processor has AVX2; same integers as the scalar loops, which every other
// processor runs (DX7VectorKernelTests).
import CDX7Kernels

enum DX7VectorKernels {
    /// Whether this processor runs the AVX2 loops.
    static let available = dx7_kernels_have_avx2() != 0

    /// Most notes per feedback group: four registers of 8 lanes in one loop (measured: 1.55, 0.77,
    /// 0.49 and 0.47 ns per note-sample with one, two, four and eight on this machine, BENCHMARKS.md).
    static let mostLanes = 32

    /// DX7OperatorKernel.modulationIndex, 8 samples at a time (`table` at level 0).
    /// Returns whether any gain is not 0.
    @inline(__always)
    static func modulationIndex(levels: UnsafePointer<Int32>, into gains: UnsafeMutablePointer<Int32>, count: Int,
                                table: UnsafePointer<Int32>, straight: Bool) -> Bool {
        dx7_modulation_index_avx2(levels, gains, Int32(count), table, straight ? 1 : 0) != 0
    }

    /// The same for the straight run of levels start, start + slope, ... (computed, not read).
    @inline(__always)
    static func modulationIndex(ofRunFrom start: Int32, slope: Int32, into gains: UnsafeMutablePointer<Int32>, count: Int,
                                table: UnsafePointer<Int32>) -> Bool {
        dx7_modulation_index_of_run_avx2(start, slope, gains, Int32(count), table) != 0
    }

    /// DX7LFO's sine over a span from `phase`; returns the phase after it.
    @inline(__always)
    static func lfoSine(phase: Int32, increment: Int32, table: UnsafePointer<Int32>, into output: UnsafeMutablePointer<Int32>,
                        count: Int) -> Int32 {
        dx7_lfo_sine_avx2(phase, increment, table, output, Int32(count))
    }

    /// The amplitude modulation of a span whose LFO-delay values run `value`, `value + increment`, ...:
    /// ampMod[s] = multiply(multiply(depth, value + s·increment), lfo[s]).
    @inline(__always)
    static func ampMod(depth: Int32, value: Int32, increment: Int32, lfo: UnsafePointer<Int32>,
                       into ampMod: UnsafeMutablePointer<Int32>, count: Int) {
        dx7_amp_mod_avx2(depth, value, increment, lfo, ampMod, Int32(count))
    }

    /// scaled[s] = multiply(ampMod[s], sensitivity): the reduction of every operator with that sensitivity.
    @inline(__always)
    static func scale(ampMod: UnsafePointer<Int32>, by sensitivity: Int32, into scaled: UnsafeMutablePointer<Int32>, count: Int) {
        dx7_scale_amp_mod_avx2(ampMod, sensitivity, scaled, Int32(count))
    }

    /// levels[s] = start + s·slope - reduction[s], wrapping (an envelope run less the operator's
    /// amplitude modulation), and their modulation index. Returns whether any gain is not 0.
    @inline(__always)
    static func modulationIndex(ofRunFrom start: Int32, slope: Int32, less reduction: UnsafePointer<Int32>,
                                levels: UnsafeMutablePointer<Int32>, into gains: UnsafeMutablePointer<Int32>, count: Int,
                                table: UnsafePointer<Int32>) -> Bool {
        dx7_modulation_index_of_modulated_run_avx2(start, slope, reduction, levels, gains, Int32(count), table) != 0
    }

    /// output[s] = Float(carriers[0][s] &+ ... &+ carriers[count-1][s]) * scale (count >= 1), as the
    /// Swift mix computes it.
    @inline(__always)
    static func mix(_ carriers: UnsafePointer<UnsafePointer<Int32>?>, count: Int, scale: Float,
                    into output: UnsafeMutablePointer<Float>, frames: Int) {
        dx7_mix_carriers_avx2(carriers, Int32(count), scale, output, Int32(frames))
    }

    /// DX7OperatorKernel.operatorBlock, 8 samples at a time.
    @inline(__always)
    static func operatorBlock(phase: Int32, increment: Int32, gains: UnsafePointer<Int32>, input: UnsafePointer<Int32>?,
                              output: UnsafeMutablePointer<Int32>, count: Int, table: UnsafePointer<Int32>) {
        dx7_operator_block_avx2(phase, increment, gains, input, output, Int32(count), table)
    }
}

/// Up to 32 notes' self-feedback operators for the AVX2 loop: state per lane and pointers to each
/// lane's buffers. Idle lanes read zeros (gain, level and scale 0) and write to a spare buffer.
final class DX7FeedbackGroup {
    static let lanes = DX7VectorKernels.mostLanes
    private let state: UnsafeMutablePointer<Int32>
    private let spare: UnsafeMutablePointer<Int32>
    let phase, increment, feedback, scale: UnsafeMutablePointer<Int32>
    let gains, levels, external: UnsafeMutablePointer<UnsafePointer<Int32>?>
    let output: UnsafeMutablePointer<UnsafeMutablePointer<Int32>?>

    init() {
        state = .allocate(capacity: 4 * Self.lanes)
        state.initialize(repeating: 0, count: 4 * Self.lanes)
        // Zeros to read (64 samples) and somewhere to write (64 more).
        spare = .allocate(capacity: 2 * DX7Voice.blockSize)
        spare.initialize(repeating: 0, count: 2 * DX7Voice.blockSize)
        phase = state
        increment = state + Self.lanes
        feedback = state + 2 * Self.lanes
        scale = state + 3 * Self.lanes
        gains = .allocate(capacity: Self.lanes)
        levels = .allocate(capacity: Self.lanes)
        external = .allocate(capacity: Self.lanes)
        output = .allocate(capacity: Self.lanes)
    }

    deinit {
        state.deallocate(); spare.deallocate()
        gains.deallocate(); levels.deallocate(); external.deallocate(); output.deallocate()
    }

    /// Runs `lanes` over `count` samples (at most 64), up to 32 at a time in registers of 8.
    func run(_ lanes: UnsafeMutablePointer<DX7FeedbackLane>, laneCount: Int, count: Int, cosine: UnsafePointer<Int32>) {
        var first = 0
        while first < laneCount {
            let used = Swift.min(Self.lanes, laneCount - first)
            let width = (used + 7) / 8 * 8  // whole registers of 8 lanes
            for k in 0..<width {
                if k < used {
                    let lane = lanes[first + k]
                    phase[k] = lane.phase; increment[k] = lane.increment; feedback[k] = lane.feedback; scale[k] = lane.scale
                    gains[k] = UnsafePointer(lane.gains); levels[k] = UnsafePointer(lane.levels)
                    external[k] = UnsafePointer(lane.external); output[k] = lane.output
                } else {
                    phase[k] = 0; increment[k] = 0; feedback[k] = 0; scale[k] = 0
                    gains[k] = UnsafePointer(spare); levels[k] = UnsafePointer(spare); external[k] = UnsafePointer(spare)
                    output[k] = spare + DX7Voice.blockSize
                }
            }
            dx7_feedback_lanes_avx2(Int32(width), phase, increment, feedback, scale, gains, levels, external, output,
                                    Int32(count), cosine)
            for k in 0..<used { lanes[first + k].feedback = feedback[k] }
            first += used
        }
    }
}
