// The one file that talks to FFTW: real-to-complex forward transforms of a fixed size.
// Planning is not thread-safe in FFTW (execution is), so plans are made under one lock.
import CFFTW
import Foundation

/// A forward real FFT of `size` points (FFTW single precision, r2c). One instance owns its aligned
/// buffers and plan: use an instance from one thread at a time; make one per thread for parallel work.
public final class RealFFT: @unchecked Sendable {
    public let size: Int
    /// Number of complex bins produced: size / 2 + 1.
    public var binCount: Int { size / 2 + 1 }

    private let input: UnsafeMutablePointer<Float>
    private let output: UnsafeMutablePointer<fftwf_complex>
    private let plan: fftwf_plan

    static let planningLock = NSLock()

    /// - Throws: `FeatureSettingsError` unless size is 2...2^24.
    public init(size: Int) throws {
        try FeatureSettingsError.checkFFTSize(size, of: "RealFFT")
        self.size = size
        input = fftwf_alloc_real(size)!
        output = fftwf_alloc_complex(size / 2 + 1)!
        // FFTW_ESTIMATE: cheap planning and the same algorithm on every run, so results are
        // bit-for-bit repeatable (FFTW_MEASURE may pick different kernels from run to run).
        RealFFT.planningLock.lock()
        plan = fftwf_plan_dft_r2c_1d(Int32(size), input, output, UInt32(FFTW_ESTIMATE))!
        RealFFT.planningLock.unlock()
    }

    deinit {
        RealFFT.planningLock.lock()
        fftwf_destroy_plan(plan)
        RealFFT.planningLock.unlock()
        fftwf_free(input)
        fftwf_free(output)
    }

    /// Transforms `frame` (`size` samples, already windowed) and calls `body` with the complex spectrum
    /// as interleaved (re, im) pairs of `binCount` bins. No allocation. A frame of another length is
    /// taken as numpy.fft.rfft(frame, n=size) takes it: cut to `size`, or zero-padded up to it.
    public func forward<R>(_ frame: UnsafeBufferPointer<Float>,
                           _ body: (UnsafeBufferPointer<Float>) throws -> R) rethrows -> R {
        let taken = min(frame.count, size)
        if taken > 0 { input.update(from: frame.baseAddress!, count: taken) }
        (input + taken).update(repeating: 0, count: size - taken)
        return try transformed(body)
    }

    /// Calls `fill` to write the `size` input samples straight into FFTW's aligned buffer (no copy of a
    /// prepared frame), transforms, and calls `body` with the interleaved (re, im) spectrum. No allocation.
    public func forward<R>(fill: (UnsafeMutableBufferPointer<Float>) -> Void,
                           _ body: (UnsafeBufferPointer<Float>) throws -> R) rethrows -> R {
        fill(UnsafeMutableBufferPointer(start: input, count: size))
        return try transformed(body)
    }

    /// Transforms what `input` holds and hands `body` the spectrum.
    private func transformed<R>(_ body: (UnsafeBufferPointer<Float>) throws -> R) rethrows -> R {
        fftwf_execute(plan)
        return try output.withMemoryRebound(to: Float.self, capacity: 2 * binCount) { pointer in
            try body(UnsafeBufferPointer(start: pointer, count: 2 * binCount))
        }
    }

    /// Writes |X[k]| for the first binCount bins of `frame` (fewer if `magnitudes` is shorter) into `magnitudes`.
    public func magnitudes(_ frame: UnsafeBufferPointer<Float>, into magnitudes: UnsafeMutableBufferPointer<Float>) {
        forward(frame) { spectrum in
            for k in 0..<min(binCount, magnitudes.count) {
                let re = spectrum[2 * k], im = spectrum[2 * k + 1]
                magnitudes[k] = (re * re + im * im).squareRoot()
            }
        }
    }
}

/// The periodic Hann window (scipy's `get_window('hann', n)`, librosa's default): 0.5 - 0.5 cos(2πi/n).
public func hannWindow(_ size: Int) -> [Float] {
    (0..<size).map { Float(0.5 - 0.5 * cos(2 * Double.pi * Double($0) / Double(size))) }
}

/// A forward real FFT of `size` points in double precision (FFTW r2c, fftw3). librosa's STFT multiplies
/// float32 frames by a float64 window and so transforms in float64 before storing complex64; spectra that
/// must match librosa down to -130 dB below their peak (log-mel at quiet bands) need the same precision:
/// a float32 FFT's rounding noise alone moves such bands by 0.03 dB. One instance per thread.
public final class RealFFTDouble: @unchecked Sendable {
    public let size: Int
    public var binCount: Int { size / 2 + 1 }

    private let input: UnsafeMutablePointer<Double>
    private let output: UnsafeMutablePointer<fftw_complex>
    private let plan: fftw_plan

    /// - Throws: `FeatureSettingsError` unless size is 2...2^24.
    public init(size: Int) throws {
        try FeatureSettingsError.checkFFTSize(size, of: "RealFFTDouble")
        self.size = size
        input = fftw_alloc_real(size)!
        output = fftw_alloc_complex(size / 2 + 1)!
        // The float and double libraries plan separately, but share the one lock to keep the rule simple.
        RealFFT.planningLock.lock()
        plan = fftw_plan_dft_r2c_1d(Int32(size), input, output, UInt32(FFTW_ESTIMATE))!
        RealFFT.planningLock.unlock()
    }

    deinit {
        RealFFT.planningLock.lock()
        fftw_destroy_plan(plan)
        RealFFT.planningLock.unlock()
        fftw_free(input)
        fftw_free(output)
    }

    /// Calls `fill` to write the `size` input samples, transforms, and calls `body` with the spectrum as
    /// interleaved (re, im) pairs of `binCount` bins. No allocation.
    public func forward<R>(fill: (UnsafeMutableBufferPointer<Double>) -> Void,
                           _ body: (UnsafeBufferPointer<Double>) throws -> R) rethrows -> R {
        fill(UnsafeMutableBufferPointer(start: input, count: size))
        fftw_execute(plan)
        return try output.withMemoryRebound(to: Double.self, capacity: 2 * binCount) { pointer in
            try body(UnsafeBufferPointer(start: pointer, count: 2 * binCount))
        }
    }
}

/// Cross-correlation of two real sequences by FFT (float, r2c + c2r of one fixed `size`):
/// c[τ] = Σ_j a[j] b[j + τ], for YIN's difference function (de Cheveigné & Kawahara 2002, eq. 7,
/// via the Wiener–Khinchin route librosa.yin also takes). One instance per thread.
public final class FFTCorrelator: @unchecked Sendable {
    public let size: Int
    private let real: UnsafeMutablePointer<Float>
    private let spectrumA: UnsafeMutablePointer<fftwf_complex>
    private let spectrumB: UnsafeMutablePointer<fftwf_complex>
    private let forwardA: fftwf_plan
    private let forwardB: fftwf_plan
    private let inverse: fftwf_plan

    /// For a linear (not circular) correlation at the lags read, `size` must be at least
    /// a.count + lags - 1 (the last lag's last product reads b[a.count - 1 + lags - 1]; beyond that the
    /// circular sum would wrap to b's start) and at least b.count (b must fit).
    /// - Throws: `FeatureSettingsError` unless size is 2...2^24.
    public init(size: Int) throws {
        try FeatureSettingsError.checkFFTSize(size, of: "FFTCorrelator")
        self.size = size
        real = fftwf_alloc_real(size)!
        spectrumA = fftwf_alloc_complex(size / 2 + 1)!
        spectrumB = fftwf_alloc_complex(size / 2 + 1)!
        RealFFT.planningLock.lock()
        forwardA = fftwf_plan_dft_r2c_1d(Int32(size), real, spectrumA, UInt32(FFTW_ESTIMATE))!
        forwardB = fftwf_plan_dft_r2c_1d(Int32(size), real, spectrumB, UInt32(FFTW_ESTIMATE))!
        // c2r destroys its input; spectrumA is scratch by then.
        inverse = fftwf_plan_dft_c2r_1d(Int32(size), spectrumA, real, UInt32(FFTW_ESTIMATE))!
        RealFFT.planningLock.unlock()
    }

    deinit {
        RealFFT.planningLock.lock()
        fftwf_destroy_plan(forwardA)
        fftwf_destroy_plan(forwardB)
        fftwf_destroy_plan(inverse)
        RealFFT.planningLock.unlock()
        fftwf_free(real)
        fftwf_free(spectrumA)
        fftwf_free(spectrumB)
    }

    /// Writes c[τ] for τ in 0..<out.count into `out`. No allocation.
    /// - Throws: `FeatureSettingsError` when a.count + out.count - 1 exceeds `size` (the lags read would
    ///   wrap around) or a, b or out do not fit in `size`.
    public func correlate(_ a: UnsafeBufferPointer<Float>, _ b: UnsafeBufferPointer<Float>,
                          into out: UnsafeMutableBufferPointer<Float>) throws {
        guard a.count + out.count <= size + 1, a.count <= size, b.count <= size, out.count <= size else {
            throw FeatureSettingsError("FFTCorrelator of size \(size) given \(a.count) + \(b.count) samples and \(out.count) lags")
        }
        load(a); fftwf_execute(forwardA)
        load(b); fftwf_execute(forwardB)
        let bins = size / 2 + 1
        spectrumA.withMemoryRebound(to: Float.self, capacity: 2 * bins) { x in
            spectrumB.withMemoryRebound(to: Float.self, capacity: 2 * bins) { y in
                // conj(A) * B gives Σ_j a[j] b[j + τ].
                for k in 0..<bins {
                    let ar = x[2 * k], ai = x[2 * k + 1], br = y[2 * k], bi = y[2 * k + 1]
                    x[2 * k] = ar * br + ai * bi
                    x[2 * k + 1] = ar * bi - ai * br
                }
            }
        }
        fftwf_execute(inverse)
        let scale = 1 / Float(size) // FFTW's inverse is unnormalised
        for i in 0..<out.count { out[i] = real[i] * scale }
    }

    private func load(_ x: UnsafeBufferPointer<Float>) {
        if x.count > 0 { real.update(from: x.baseAddress!, count: x.count) }
        (real + x.count).update(repeating: 0, count: size - x.count)
    }
}

/// Element-wise square roots (vectorised in C: see the note in CFFTW/shim.h on why not Swift's sqrt).
@inline(__always)
func squareRoots(_ x: UnsafeBufferPointer<Float>, into out: UnsafeMutableBufferPointer<Float>) {
    guard let source = x.baseAddress, let target = out.baseAddress else { return }
    presetatlas_sqrt_floats(source, target, min(x.count, out.count))
}
