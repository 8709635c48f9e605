// AVX2 versions of the DX7 engine's operator and feedback loops (see include/dx7_kernels.h).
// Fixed point as in DX7OperatorKernel: (a*b) >> 24 with a 64-bit product, truncated to 32 bits.
// Only the low 32 bits of each shifted product are kept, so a logical 64-bit shift gives the same
// bits as the arithmetic one the Swift code uses (AVX2 has no 64-bit arithmetic shift).
#include "dx7_kernels.h"

#if defined(__x86_64__)
#include <immintrin.h>

int dx7_kernels_have_avx2(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2");
}

#define AVX2 __attribute__((target("avx2")))

/// Lane-wise (int64(a) * int64(b)) >> shift, truncated to 32 bits.
static inline AVX2 __m256i multiply_shift(__m256i a, __m256i b, int shift) {
    __m256i even = _mm256_srli_epi64(_mm256_mul_epi32(a, b), shift);
    __m256i odd = _mm256_mul_epi32(_mm256_srli_epi64(a, 32), _mm256_srli_epi64(b, 32));
    odd = _mm256_slli_epi64(_mm256_srli_epi64(odd, shift), 32);
    return _mm256_blend_epi32(even, odd, 0xAA);
}

/// table[index] for 8 lanes of non-negative indices. Eight scalar loads measured faster than
/// vpgatherdd on this machine's AMD Zen 4 (0.25 against 0.31 ns per operator sample; BENCHMARKS.md),
/// and no slower elsewhere is assumed: Intel's gathers are not much faster than 8 loads either.
static inline AVX2 __m256i table_lookup(const int32_t *table, __m256i index) {
    __m128i low = _mm256_castsi256_si128(index), high = _mm256_extracti128_si256(index, 1);
    uint64_t a = (uint64_t)_mm_cvtsi128_si64(low), b = (uint64_t)_mm_extract_epi64(low, 1);
    uint64_t c = (uint64_t)_mm_cvtsi128_si64(high), d = (uint64_t)_mm_extract_epi64(high, 1);
    return _mm256_setr_epi32(table[(uint32_t)a], table[a >> 32], table[(uint32_t)b], table[b >> 32],
                             table[(uint32_t)c], table[c >> 32], table[(uint32_t)d], table[d >> 32]);
}

static inline int32_t scalar_multiply24(int32_t a, int32_t b) {
    return (int32_t)(uint32_t)((uint64_t)((int64_t)a * (int64_t)b) >> 24);
}

AVX2 void dx7_operator_block_avx2(int32_t phase, int32_t increment, const int32_t *gains, const int32_t *input,
                                  int32_t *output, int count, const int32_t *table) {
    const uint32_t inc = (uint32_t)increment;
    __m256i p = _mm256_add_epi32(_mm256_set1_epi32(phase),
                                 _mm256_mullo_epi32(_mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7), _mm256_set1_epi32(increment)));
    const __m256i step = _mm256_set1_epi32((int32_t)(inc * 8u));
    const __m256i mask = _mm256_set1_epi32(4095);
    int s = 0;
    for (; s + 8 <= count; s += 8) {
        __m256i q = input ? _mm256_add_epi32(p, _mm256_loadu_si256((const __m256i *)(input + s))) : p;
        __m256i wave = table_lookup(table, _mm256_and_si256(_mm256_srli_epi32(q, 12), mask));
        __m256i g = _mm256_loadu_si256((const __m256i *)(gains + s));
        _mm256_storeu_si256((__m256i *)(output + s), multiply_shift(g, wave, 24));
        p = _mm256_add_epi32(p, step);
    }
    uint32_t q = (uint32_t)phase + (uint32_t)s * inc;
    for (; s < count; s++) {
        uint32_t r = input ? q + (uint32_t)input[s] : q;
        output[s] = scalar_multiply24(gains[s], table[(r >> 12) & 4095]);
        q += inc;
    }
}

/// The modulation index of levels read from `levels`, or (when `levels` is NULL) of the run
/// start + s*slope; `straight`: the levels are one run that never wraps, so its ends are its extremes;
/// `extremes` (when not NULL): the levels' lowest and highest, already known.
static inline __attribute__((always_inline)) AVX2 int modulation_index(const int32_t *levels, int32_t start, int32_t slope,
                                                                      int32_t *gains, int count, const int32_t *table,
                                                                      int straight, const int32_t *extremes) {
    if (count <= 0) return 0;  // nothing to fill (and no first or last level to read)
    const int32_t bottom = -128 * (1 << 24), top = 127 * (1 << 24);
    // Level s of a run: a wrapping multiply gives the running sum's values.
    #define LEVEL_AT(s) (levels ? levels[s] : (int32_t)((uint32_t)start + (uint32_t)(s) * (uint32_t)slope))
    const __m256i ramp0 = _mm256_add_epi32(_mm256_set1_epi32(start),
                                           _mm256_mullo_epi32(_mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7), _mm256_set1_epi32(slope)));
    const __m256i rampStep = _mm256_set1_epi32((int32_t)((uint32_t)slope * 8u));
    #define LEVELS8(s, ramp) (levels ? _mm256_loadu_si256((const __m256i *)(levels + (s))) : (ramp))
    // The span's extremes: within one whole level (the usual case: a slow or held envelope), one
    // table pair serves every sample and no table read is needed per sample.
    int32_t lowest = INT32_MAX, highest = INT32_MIN;
    int s = 0;
    if (extremes) {
        lowest = extremes[0];
        highest = extremes[1];
        s = count;
    } else if (straight) {
        int32_t first = LEVEL_AT(0), last = LEVEL_AT(count - 1);
        lowest = first < last ? first : last;
        highest = first < last ? last : first;
        s = count;
    } else if (count >= 8) {
        __m256i low8 = _mm256_set1_epi32(INT32_MAX), high8 = _mm256_set1_epi32(INT32_MIN), ramp = ramp0;
        for (; s + 8 <= count; s += 8) {
            __m256i v = LEVELS8(s, ramp);
            low8 = _mm256_min_epi32(low8, v);
            high8 = _mm256_max_epi32(high8, v);
            ramp = _mm256_add_epi32(ramp, rampStep);
        }
        int32_t lows[8], highs[8];
        _mm256_storeu_si256((__m256i *)lows, low8);
        _mm256_storeu_si256((__m256i *)highs, high8);
        for (int k = 0; k < 8; k++) {
            if (lows[k] < lowest) lowest = lows[k];
            if (highs[k] > highest) highest = highs[k];
        }
    }
    for (; s < count; s++) {
        int32_t v = LEVEL_AT(s);
        if (v < lowest) lowest = v;
        if (v > highest) highest = v;
    }
    if (lowest < bottom) lowest = bottom;
    if (highest > top) highest = top;
    const __m256i floor8 = _mm256_set1_epi32(lowest), ceiling8 = _mm256_set1_epi32(highest);
    const __m256i fractionMask = _mm256_set1_epi32(0xFFFFFF);
    __m256i ramp = ramp0;
    if (lowest >> 24 == highest >> 24) {
        // gains = low + (slope * fraction) >> 24, unsigned (the table rises, so its slope is >= 0).
        int whole = lowest >> 24;
        int32_t low = table[whole];
        uint32_t rise = (uint32_t)(table[whole + 1] - low);
        if (lowest == highest) {
            // A held level (the sustain, or a constant envelope): one gain for the whole span.
            int32_t gain = (int32_t)((uint32_t)low + (uint32_t)(((uint64_t)rise * ((uint32_t)lowest & 0xFFFFFF)) >> 24));
            const __m256i gain8 = _mm256_set1_epi32(gain);
            for (s = 0; s + 8 <= count; s += 8) _mm256_storeu_si256((__m256i *)(gains + s), gain8);
            for (; s < count; s++) gains[s] = gain;
            return gain != 0;
        }
        const __m256i low8 = _mm256_set1_epi32(low), rise8 = _mm256_set1_epi32((int32_t)rise);
        __m256i any8 = _mm256_setzero_si256();
        int32_t any = 0;
        for (s = 0; s + 8 <= count; s += 8) {
            __m256i level = _mm256_min_epi32(_mm256_max_epi32(LEVELS8(s, ramp), floor8), ceiling8);
            __m256i fraction = _mm256_and_si256(level, fractionMask);
            __m256i even = _mm256_srli_epi64(_mm256_mul_epu32(rise8, fraction), 24);
            __m256i odd = _mm256_slli_epi64(_mm256_srli_epi64(_mm256_mul_epu32(rise8, _mm256_srli_epi64(fraction, 32)), 24), 32);
            __m256i gain = _mm256_add_epi32(low8, _mm256_blend_epi32(even, odd, 0xAA));
            _mm256_storeu_si256((__m256i *)(gains + s), gain);
            any8 = _mm256_or_si256(any8, gain);
            ramp = _mm256_add_epi32(ramp, rampStep);
        }
        for (; s < count; s++) {
            int32_t v = LEVEL_AT(s);
            int32_t level = v < lowest ? lowest : v > highest ? highest : v;
            uint64_t fraction = (uint32_t)level & 0xFFFFFF;
            gains[s] = (int32_t)((uint32_t)low + (uint32_t)(((uint64_t)rise * fraction) >> 24));
            any |= gains[s];
        }
        return any != 0 || !_mm256_testz_si256(any8, any8);
    }
    // Levels across whole levels: two table entries per sample. Within 7 whole levels (amplitude
    // modulation over one span, a fast envelope stage) the 8 entries from `base` sit in one register
    // and a permute picks them; a wider span gathers them from the table.
    const __m256i bottom8 = _mm256_set1_epi32(bottom), top8 = _mm256_set1_epi32(top);
    const int32_t base = (lowest >> 24) < 121 ? (lowest >> 24) : 121;  // entries base...base+7 are readable
    const int near = (highest >> 24) + 1 - base <= 7;
    const __m256i entries = near ? _mm256_loadu_si256((const __m256i *)(table + base)) : _mm256_setzero_si256();
    const __m256i base8 = _mm256_set1_epi32(base), one8 = _mm256_set1_epi32(1);
    __m256i any8 = _mm256_setzero_si256();
    int32_t any = 0;
    for (s = 0; s + 8 <= count; s += 8) {
        __m256i level = _mm256_min_epi32(_mm256_max_epi32(LEVELS8(s, ramp), bottom8), top8);
        __m256i whole = _mm256_srai_epi32(level, 24);
        __m256i low, high;
        if (near) {
            __m256i offset = _mm256_sub_epi32(whole, base8);
            low = _mm256_permutevar8x32_epi32(entries, offset);
            high = _mm256_permutevar8x32_epi32(entries, _mm256_add_epi32(offset, one8));
        } else {
            low = _mm256_i32gather_epi32((const int *)table, whole, 4);
            high = _mm256_i32gather_epi32((const int *)(table + 1), whole, 4);
        }
        __m256i step = multiply_shift(_mm256_sub_epi32(high, low), _mm256_and_si256(level, fractionMask), 24);
        __m256i gain = _mm256_add_epi32(low, step);
        _mm256_storeu_si256((__m256i *)(gains + s), gain);
        any8 = _mm256_or_si256(any8, gain);
        ramp = _mm256_add_epi32(ramp, rampStep);
    }
    for (; s < count; s++) {
        int32_t v = LEVEL_AT(s);
        int32_t level = v < bottom ? bottom : v > top ? top : v;
        int whole = level >> 24;
        int32_t low = table[whole];
        gains[s] = (int32_t)((uint32_t)low + (uint32_t)scalar_multiply24(table[whole + 1] - low, level & 0xFFFFFF));
        any |= gains[s];
    }
    return any != 0 || !_mm256_testz_si256(any8, any8);
    #undef LEVEL_AT
    #undef LEVELS8
}

AVX2 int dx7_modulation_index_avx2(const int32_t *levels, int32_t *gains, int count, const int32_t *table, int straight) {
    return modulation_index(levels, 0, 0, gains, count, table, straight, NULL);
}

AVX2 int dx7_modulation_index_of_run_avx2(int32_t start, int32_t slope, int32_t *gains, int count, const int32_t *table) {
    return modulation_index(NULL, start, slope, gains, count, table, 1, NULL);
}

AVX2 int32_t dx7_lfo_sine_avx2(int32_t phase, int32_t increment, const int32_t *table, int32_t *output, int count) {
    const uint32_t inc = (uint32_t)increment;
    __m256i p = _mm256_add_epi32(_mm256_set1_epi32(phase),
                                 _mm256_mullo_epi32(_mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7), _mm256_set1_epi32(increment)));
    const __m256i step = _mm256_set1_epi32((int32_t)(inc * 8u)), mask = _mm256_set1_epi32(4095);
    const __m256i one = _mm256_set1_epi32(1 << 24), zero = _mm256_setzero_si256();
    int s = 0;
    for (; s + 8 <= count; s += 8) {
        __m256i index = _mm256_and_si256(_mm256_srli_epi32(p, 12), mask);
        __m256i here = table_lookup(table, index);
        __m256i next = table_lookup(table, _mm256_and_si256(_mm256_add_epi32(index, _mm256_set1_epi32(1)), mask));
        // The interpolation term: the product's sign, as |product| < 2^27 (adjacent entries differ by
        // under 2^15, the fraction is under 2^12): -1 where the table falls and the fraction is not 0.
        __m256i falls = _mm256_cmpgt_epi32(zero, _mm256_sub_epi32(next, here));
        __m256i between = _mm256_xor_si256(_mm256_cmpeq_epi32(_mm256_and_si256(p, mask), zero), _mm256_set1_epi32(-1));
        __m256i out = _mm256_add_epi32(here, _mm256_and_si256(falls, between));
        _mm256_storeu_si256((__m256i *)(output + s), _mm256_srai_epi32(_mm256_add_epi32(out, one), 1));
        p = _mm256_add_epi32(p, step);
    }
    uint32_t q = (uint32_t)phase + (uint32_t)s * inc;
    for (; s < count; s++) {
        uint32_t index = (q >> 12) & 4095;
        int32_t here = table[index];
        int64_t rise = (int64_t)table[(index + 1) & 4095] - here;
        int32_t out = (int32_t)((uint32_t)here + (uint32_t)(int32_t)((rise * (int64_t)(q & 4095)) >> 36));
        output[s] = (int32_t)((uint32_t)out + (1u << 24)) >> 1;
        q += inc;
    }
    return (int32_t)((uint32_t)phase + (uint32_t)count * inc);
}

AVX2 void dx7_amp_mod_avx2(int32_t depth, int32_t value, int32_t increment, const int32_t *lfo, int32_t *ampMod,
                           int count) {
    const uint32_t inc = (uint32_t)increment;
    __m256i delay = _mm256_add_epi32(_mm256_set1_epi32(value),
                                     _mm256_mullo_epi32(_mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7), _mm256_set1_epi32(increment)));
    const __m256i step = _mm256_set1_epi32((int32_t)(inc * 8u)), depth8 = _mm256_set1_epi32(depth);
    int s = 0;
    for (; s + 8 <= count; s += 8) {
        __m256i scaled = multiply_shift(depth8, delay, 24);
        __m256i wave = _mm256_loadu_si256((const __m256i *)(lfo + s));
        _mm256_storeu_si256((__m256i *)(ampMod + s), multiply_shift(scaled, wave, 24));
        delay = _mm256_add_epi32(delay, step);
    }
    uint32_t v = (uint32_t)value + (uint32_t)s * inc;
    for (; s < count; s++) {
        ampMod[s] = scalar_multiply24(scalar_multiply24(depth, (int32_t)v), lfo[s]);
        v += inc;
    }
}

AVX2 void dx7_scale_amp_mod_avx2(const int32_t *ampMod, int32_t sensitivity, int32_t *scaled, int count) {
    const __m256i sensitivity8 = _mm256_set1_epi32(sensitivity);
    int s = 0;
    for (; s + 8 <= count; s += 8) {
        __m256i product = multiply_shift(_mm256_loadu_si256((const __m256i *)(ampMod + s)), sensitivity8, 24);
        _mm256_storeu_si256((__m256i *)(scaled + s), product);
    }
    for (; s < count; s++) scaled[s] = scalar_multiply24(ampMod[s], sensitivity);
}

AVX2 int dx7_modulation_index_of_modulated_run_avx2(int32_t start, int32_t slope, const int32_t *reduction,
                                                    int32_t *levels, int32_t *gains, int count, const int32_t *table) {
    if (count <= 0) return 0;
    // The levels, and their extremes on the way, so the index needs no second scan.
    const uint32_t step = (uint32_t)slope;
    __m256i run = _mm256_add_epi32(_mm256_set1_epi32(start),
                                   _mm256_mullo_epi32(_mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7), _mm256_set1_epi32(slope)));
    const __m256i step8 = _mm256_set1_epi32((int32_t)(step * 8u));
    __m256i low8 = _mm256_set1_epi32(INT32_MAX), high8 = _mm256_set1_epi32(INT32_MIN);
    int s = 0;
    for (; s + 8 <= count; s += 8) {
        __m256i level = _mm256_sub_epi32(run, _mm256_loadu_si256((const __m256i *)(reduction + s)));
        _mm256_storeu_si256((__m256i *)(levels + s), level);
        low8 = _mm256_min_epi32(low8, level);
        high8 = _mm256_max_epi32(high8, level);
        run = _mm256_add_epi32(run, step8);
    }
    int32_t lows[8], highs[8], extremes[2] = {INT32_MAX, INT32_MIN};
    _mm256_storeu_si256((__m256i *)lows, low8);
    _mm256_storeu_si256((__m256i *)highs, high8);
    for (int k = 0; k < 8; k++) {
        if (lows[k] < extremes[0]) extremes[0] = lows[k];
        if (highs[k] > extremes[1]) extremes[1] = highs[k];
    }
    for (; s < count; s++) {
        uint32_t level = (uint32_t)start + (uint32_t)s * step;
        levels[s] = (int32_t)(level - (uint32_t)reduction[s]);
        if (levels[s] < extremes[0]) extremes[0] = levels[s];
        if (levels[s] > extremes[1]) extremes[1] = levels[s];
    }
    return modulation_index(levels, 0, 0, gains, count, table, 0, extremes);
}

AVX2 void dx7_mix_carriers_avx2(const int32_t *const *carriers, int n, float scale, float *output, int count) {
    const __m256 scale8 = _mm256_set1_ps(scale);
    int s = 0;
    for (; s + 8 <= count; s += 8) {
        __m256i sum = _mm256_loadu_si256((const __m256i *)(carriers[0] + s));
        for (int k = 1; k < n; k++) sum = _mm256_add_epi32(sum, _mm256_loadu_si256((const __m256i *)(carriers[k] + s)));
        _mm256_storeu_ps(output + s, _mm256_mul_ps(_mm256_cvtepi32_ps(sum), scale8));
    }
    for (; s < count; s++) {
        uint32_t sum = (uint32_t)carriers[0][s];
        for (int k = 1; k < n; k++) sum += (uint32_t)carriers[k][s];
        output[s] = (float)(int32_t)sum * scale;
    }
}

/// Eight rows of 8 values (row r at rows[r] + offset) to 8 columns: dst[s*pitch + r] = rows[r][offset + s].
static inline AVX2 void transpose_in(const int32_t *const *rows, int offset, int32_t *dst, int pitch) {
    __m256i r0 = _mm256_loadu_si256((const __m256i *)(rows[0] + offset)), r1 = _mm256_loadu_si256((const __m256i *)(rows[1] + offset));
    __m256i r2 = _mm256_loadu_si256((const __m256i *)(rows[2] + offset)), r3 = _mm256_loadu_si256((const __m256i *)(rows[3] + offset));
    __m256i r4 = _mm256_loadu_si256((const __m256i *)(rows[4] + offset)), r5 = _mm256_loadu_si256((const __m256i *)(rows[5] + offset));
    __m256i r6 = _mm256_loadu_si256((const __m256i *)(rows[6] + offset)), r7 = _mm256_loadu_si256((const __m256i *)(rows[7] + offset));
    __m256i t0 = _mm256_unpacklo_epi32(r0, r1), t1 = _mm256_unpackhi_epi32(r0, r1);
    __m256i t2 = _mm256_unpacklo_epi32(r2, r3), t3 = _mm256_unpackhi_epi32(r2, r3);
    __m256i t4 = _mm256_unpacklo_epi32(r4, r5), t5 = _mm256_unpackhi_epi32(r4, r5);
    __m256i t6 = _mm256_unpacklo_epi32(r6, r7), t7 = _mm256_unpackhi_epi32(r6, r7);
    __m256i u0 = _mm256_unpacklo_epi64(t0, t2), u1 = _mm256_unpackhi_epi64(t0, t2);
    __m256i u2 = _mm256_unpacklo_epi64(t1, t3), u3 = _mm256_unpackhi_epi64(t1, t3);
    __m256i u4 = _mm256_unpacklo_epi64(t4, t6), u5 = _mm256_unpackhi_epi64(t4, t6);
    __m256i u6 = _mm256_unpacklo_epi64(t5, t7), u7 = _mm256_unpackhi_epi64(t5, t7);
    _mm256_storeu_si256((__m256i *)(dst + 0 * pitch), _mm256_permute2x128_si256(u0, u4, 0x20));
    _mm256_storeu_si256((__m256i *)(dst + 1 * pitch), _mm256_permute2x128_si256(u1, u5, 0x20));
    _mm256_storeu_si256((__m256i *)(dst + 2 * pitch), _mm256_permute2x128_si256(u2, u6, 0x20));
    _mm256_storeu_si256((__m256i *)(dst + 3 * pitch), _mm256_permute2x128_si256(u3, u7, 0x20));
    _mm256_storeu_si256((__m256i *)(dst + 4 * pitch), _mm256_permute2x128_si256(u0, u4, 0x31));
    _mm256_storeu_si256((__m256i *)(dst + 5 * pitch), _mm256_permute2x128_si256(u1, u5, 0x31));
    _mm256_storeu_si256((__m256i *)(dst + 6 * pitch), _mm256_permute2x128_si256(u2, u6, 0x31));
    _mm256_storeu_si256((__m256i *)(dst + 7 * pitch), _mm256_permute2x128_si256(u3, u7, 0x31));
}

/// The inverse: 8 columns (src[s*pitch + r]) back to rows: rows[r][offset + s].
static inline AVX2 void transpose_out(const int32_t *src, int pitch, int32_t *const *rows, int offset) {
    const int32_t *const columns[8] = { src, src + pitch, src + 2 * pitch, src + 3 * pitch,
                                        src + 4 * pitch, src + 5 * pitch, src + 6 * pitch, src + 7 * pitch };
    int32_t block[64];
    transpose_in(columns, 0, block, 8);
    for (int r = 0; r < 8; r++) _mm256_storeu_si256((__m256i *)(rows[r] + offset), _mm256_loadu_si256((const __m256i *)(block + 8 * r)));
}

/// The feedback loop over `chains` registers of 8 lanes, on interleaved [sample][lane] data.
#define FEEDBACK_CHAINS(name, chains)                                                                           \
static AVX2 void name(int32_t *phase, const int32_t *increment, int32_t *feedback, const int32_t *scale,           \
                      const int32_t *g, const int32_t *l, const int32_t *e, int32_t *o, int count,                  \
                      const int32_t *table) {                                                                       \
    __m256i p[chains], inc[chains], fb[chains], sc[chains];                                                         \
    for (int c = 0; c < chains; c++) {                                                                              \
        p[c] = _mm256_loadu_si256((const __m256i *)(phase + 8 * c));                                                \
        inc[c] = _mm256_loadu_si256((const __m256i *)(increment + 8 * c));                                         \
        fb[c] = _mm256_loadu_si256((const __m256i *)(feedback + 8 * c));                                            \
        sc[c] = _mm256_loadu_si256((const __m256i *)(scale + 8 * c));                                               \
    }                                                                                                               \
    for (int s = 0; s < count; s++) {                                                                               \
        for (int c = 0; c < chains; c++) {                                                                          \
            int at = (s * chains + c) * 8;                                                                          \
            /* Phase plus modulation does not depend on the feedback: off the serial chain. */                      \
            __m256i q = _mm256_add_epi32(p[c], _mm256_slli_epi32(_mm256_loadu_si256((const __m256i *)(e + at)), 8)); \
            __m256i index = _mm256_srli_epi32(_mm256_add_epi32(q, fb[c]), 20);                                      \
            __m256i wave = table_lookup(table, index);                                                              \
            __m256i gain = _mm256_loadu_si256((const __m256i *)(g + at));                                           \
            _mm256_storeu_si256((__m256i *)(o + at), multiply_shift(gain, wave, 24));                               \
            __m256i level = _mm256_loadu_si256((const __m256i *)(l + at));                                          \
            fb[c] = multiply_shift(multiply_shift(wave, level, 24), sc[c], 16);                                     \
            p[c] = _mm256_add_epi32(p[c], inc[c]);                                                                  \
        }                                                                                                           \
    }                                                                                                               \
    for (int c = 0; c < chains; c++) {                                                                              \
        _mm256_storeu_si256((__m256i *)(phase + 8 * c), p[c]);                                                      \
        _mm256_storeu_si256((__m256i *)(feedback + 8 * c), fb[c]);                                                  \
    }                                                                                                               \
}
FEEDBACK_CHAINS(feedback_chains1, 1)
FEEDBACK_CHAINS(feedback_chains2, 2)
FEEDBACK_CHAINS(feedback_chains3, 3)
FEEDBACK_CHAINS(feedback_chains4, 4)

AVX2 void dx7_feedback_lanes_avx2(int lanes, int32_t *phase, const int32_t *increment, int32_t *feedback,
                                  const int32_t *scale, const int32_t *const *gains, const int32_t *const *levels,
                                  const int32_t *const *external, int32_t *const *output, int count,
                                  const int32_t *table) {
    enum { most = 32, span = 64 };
    // Interleaved copies, [sample][lane]: one 256-bit load then reads a sample of 8 lanes.
    int32_t g[most * span] __attribute__((aligned(32))), l[most * span] __attribute__((aligned(32)));
    int32_t e[most * span] __attribute__((aligned(32))), o[most * span] __attribute__((aligned(32)));
    if (lanes > most) lanes = most;
    lanes &= ~7;
    int blocks = (count + 7) / 8;  // whole blocks of 8 samples: the rows are readable for 64
    for (int k = 0; k < lanes; k += 8) {
        for (int b = 0; b < blocks; b++) {
            transpose_in(gains + k, 8 * b, g + 8 * b * lanes + k, lanes);
            transpose_in(levels + k, 8 * b, l + 8 * b * lanes + k, lanes);
            transpose_in(external + k, 8 * b, e + 8 * b * lanes + k, lanes);
        }
    }
    switch (lanes) {
    case 8: feedback_chains1(phase, increment, feedback, scale, g, l, e, o, count, table); break;
    case 16: feedback_chains2(phase, increment, feedback, scale, g, l, e, o, count, table); break;
    case 24: feedback_chains3(phase, increment, feedback, scale, g, l, e, o, count, table); break;
    case 32: feedback_chains4(phase, increment, feedback, scale, g, l, e, o, count, table); break;
    default: return;
    }
    for (int k = 0; k < lanes; k += 8) {
        for (int b = 0; b < blocks; b++) transpose_out(o + 8 * b * lanes + k, lanes, output + k, 8 * b);
    }
}

#else
// Not x86-64: the Swift loops run instead (never called).
int dx7_kernels_have_avx2(void) { return 0; }
void dx7_operator_block_avx2(int32_t phase, int32_t increment, const int32_t *gains, const int32_t *input,
                             int32_t *output, int count, const int32_t *table) {
    (void)phase; (void)increment; (void)gains; (void)input; (void)output; (void)count; (void)table;
}
int dx7_modulation_index_avx2(const int32_t *levels, int32_t *gains, int count, const int32_t *table, int straight) {
    (void)straight; (void)levels; (void)gains; (void)count; (void)table;
    return 1;
}
int dx7_modulation_index_of_run_avx2(int32_t start, int32_t slope, int32_t *gains, int count, const int32_t *table) {
    (void)start; (void)slope; (void)gains; (void)count; (void)table;
    return 1;
}
int32_t dx7_lfo_sine_avx2(int32_t phase, int32_t increment, const int32_t *table, int32_t *output, int count) {
    (void)increment; (void)table; (void)output; (void)count;
    return phase;
}
void dx7_amp_mod_avx2(int32_t depth, int32_t value, int32_t increment, const int32_t *lfo, int32_t *ampMod, int count) {
    (void)depth; (void)value; (void)increment; (void)lfo; (void)ampMod; (void)count;
}
void dx7_scale_amp_mod_avx2(const int32_t *ampMod, int32_t sensitivity, int32_t *scaled, int count) {
    (void)ampMod; (void)sensitivity; (void)scaled; (void)count;
}
int dx7_modulation_index_of_modulated_run_avx2(int32_t start, int32_t slope, const int32_t *reduction,
                                               int32_t *levels, int32_t *gains, int count, const int32_t *table) {
    (void)start; (void)slope; (void)reduction; (void)levels; (void)gains; (void)count; (void)table;
    return 1;
}
void dx7_mix_carriers_avx2(const int32_t *const *carriers, int n, float scale, float *output, int count) {
    (void)carriers; (void)n; (void)scale; (void)output; (void)count;
}
void dx7_feedback_lanes_avx2(int lanes, int32_t *phase, const int32_t *increment, int32_t *feedback,
                             const int32_t *scale, const int32_t *const *gains, const int32_t *const *levels,
                             const int32_t *const *external, int32_t *const *output, int count,
                             const int32_t *table) {
    (void)lanes; (void)phase; (void)increment; (void)feedback; (void)scale; (void)gains; (void)levels;
    (void)external; (void)output; (void)count; (void)table;
}
#endif
