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

    private static let planningLock = NSLock()

    /// - Precondition: size >= 2.
    public init(size: Int) {
        precondition(size >= 2, "RealFFT size must be at least 2")
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

    /// Transforms `frame` (exactly `size` samples, already windowed) and calls `body` with the
    /// complex spectrum as interleaved (re, im) pairs of `binCount` bins. No allocation.
    public func forward<R>(_ frame: UnsafeBufferPointer<Float>,
                           _ body: (UnsafeBufferPointer<Float>) throws -> R) rethrows -> R {
        precondition(frame.count == size, "RealFFT: frame of \(frame.count) samples for size \(size)")
        input.update(from: frame.baseAddress!, count: size)
        fftwf_execute(plan)
        return try output.withMemoryRebound(to: Float.self, capacity: 2 * binCount) { pointer in
            try body(UnsafeBufferPointer(start: pointer, count: 2 * binCount))
        }
    }

    /// Writes |X[k]| for every bin of `frame` into `magnitudes` (binCount values).
    public func magnitudes(_ frame: UnsafeBufferPointer<Float>, into magnitudes: UnsafeMutableBufferPointer<Float>) {
        forward(frame) { spectrum in
            for k in 0..<binCount {
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
