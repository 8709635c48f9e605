// The DX7 engine's two hottest loops in AVX2, for processors that have it (checked at run time: the
// package is built for plain x86-64, and Swift has no per-function target). Same integers as the
// Swift loops in DX7OperatorKernel and DX7FeedbackLane, bit for bit; the tests compare them.
#ifndef DX7_KERNELS_H
#define DX7_KERNELS_H

#include <stdint.h>

/// 1 when the processor runs AVX2 (and the kernels below may be called), else 0.
int dx7_kernels_have_avx2(void);

/// One operator over a span, samples 8 at a time:
/// output[s] = (gains[s] * table[((phase + s*increment + input[s]) >> 12) & 4095]) >> 24.
/// `input` may be NULL (no modulators). Phases wrap as 32-bit integers.
void dx7_operator_block_avx2(int32_t phase, int32_t increment, const int32_t *gains, const int32_t *input,
                             int32_t *output, int count, const int32_t *table);

/// The modulation index of a span of envelope levels (DX7OperatorKernel.modulationIndex): levels
/// clamped to -128...127 whole levels, then table[whole] + (table[whole+1]-table[whole]) * fraction
/// (fixed point, 24 fractional bits). `table` points at level 0 and is readable from -128 to 128.
/// `straight`: the levels are one arithmetic run that never wraps (count >= 1), so its ends are its extremes.
/// Returns 1 if any gain is not 0 (a silent operator's loop can then be skipped without a scan), else 0.
int dx7_modulation_index_avx2(const int32_t *levels, int32_t *gains, int count, const int32_t *table, int straight);

/// The same for the straight run of levels start, start + slope, ... (count >= 1, never wrapping),
/// computed rather than read: an envelope span without a stage change needs no level buffer.
int dx7_modulation_index_of_run_avx2(int32_t start, int32_t slope, int32_t *gains, int count, const int32_t *table);

/// The LFO's sine over a span (DX7LFO), 8 samples at a time: from the phase `phase` (cycles, 24
/// fractional bits, wrapping) stepping by `increment`, output[s] = (table[i] + t + 2^24) >> 1 where
/// i = (phase >> 12) & 4095 and t = ((table[i+1] - table[i]) * (phase & 4095)) >> 36, which for this
/// table is -1 or 0. Returns the phase after the span.
int32_t dx7_lfo_sine_avx2(int32_t phase, int32_t increment, const int32_t *table, int32_t *output, int count);

/// Amplitude modulation over a span, 8 samples at a time:
/// ampMod[s] = (((depth * (value + s*increment)) >> 24) * lfo[s]) >> 24, the delay's value wrapping
/// as a 32-bit integer (DX7LFODelay's run).
void dx7_amp_mod_avx2(int32_t depth, int32_t value, int32_t increment, const int32_t *lfo, int32_t *ampMod, int count);

/// The amplitude modulation at one sensitivity: scaled[s] = (ampMod[s] * sensitivity) >> 24 (once per
/// span for every operator with that sensitivity).
void dx7_scale_amp_mod_avx2(const int32_t *ampMod, int32_t sensitivity, int32_t *scaled, int count);

/// One operator's levels over a span without a stage change, its envelope's run less its amplitude
/// modulation (wrapping), levels[s] = start + s*slope - reduction[s], written to `levels`, and their
/// modulation index as dx7_modulation_index_avx2 gives it (and returns).
int dx7_modulation_index_of_modulated_run_avx2(int32_t start, int32_t slope, const int32_t *reduction,
                                               int32_t *levels, int32_t *gains, int count, const int32_t *table);

/// The note's output: output[s] = (float)(carriers[0][s] + ... + carriers[n-1][s]) * scale, the sum
/// wrapping as 32-bit integers, converted rounding to nearest, then multiplied, as the Swift loop does. n >= 1.
void dx7_mix_carriers_avx2(const int32_t *const *carriers, int n, float scale, float *output, int count);

/// Up to 32 notes' self-feedback operators side by side, one per 32-bit lane, `lanes` of them (a
/// multiple of 8: 8, 16, 24 or 32). Per lane: phase, increment and feedback (shifted left 8 bits, as
/// DX7OperatorKernel.cosineShifted reads them) and feedback scale, updated in place; pointers to its
/// span of gains, levels, external modulation (each readable for 64 samples) and output (writable
/// for 64; samples past `count` are scratch). Per sample:
///   wave = table[(phase + external<<8 + feedback) >> 20]; output = (gain*wave) >> 24;
///   feedback = (((wave*level) >> 24) * scale) >> 16; phase += increment.
/// Independent registers of 8 lanes run in the same loop, so the table reads' latency overlaps.
void dx7_feedback_lanes_avx2(int lanes, int32_t *phase, const int32_t *increment, int32_t *feedback,
                             const int32_t *scale, const int32_t *const *gains, const int32_t *const *levels,
                             const int32_t *const *external, int32_t *const *output, int count,
                             const int32_t *table);

#endif
