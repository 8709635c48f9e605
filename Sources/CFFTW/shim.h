#include <fftw3.h>

/* Element-wise square roots of n floats for the Features module's spectra. Swift's Float.squareRoot()
   lowers here to a scalar sqrtss with an errno branch and libm call per value (perf: a third of the
   embedding's frame loop); SSE's sqrtps takes four at a time and never touches errno. */
#if defined(__SSE__)
#include <xmmintrin.h>
static inline void presetatlas_sqrt_floats(const float *in, float *out, long n) {
    long k = 0;
    for (; k + 4 <= n; k += 4) _mm_storeu_ps(out + k, _mm_sqrt_ps(_mm_loadu_ps(in + k)));
    for (; k < n; k++) _mm_store_ss(out + k, _mm_sqrt_ss(_mm_load_ss(in + k)));
}
#else
static inline void presetatlas_sqrt_floats(const float *in, float *out, long n) {
    for (long k = 0; k < n; k++) out[k] = __builtin_sqrtf(in[k]);
}
#endif
