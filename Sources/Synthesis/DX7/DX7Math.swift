// Elementary functions for the DX7 engine (libm without Foundation), and the fast cosine of its
// operator kernel.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum DX7Math {
    @inline(__always) static func exp(_ x: Double) -> Double { Glibc_or_Darwin_exp(x) }
    @inline(__always) static func pow(_ x: Double, _ y: Double) -> Double { Glibc_or_Darwin_pow(x, y) }
    @inline(__always) static func cos(_ x: Double) -> Double { Glibc_or_Darwin_cos(x) }

    /// cos(2πx) for any x (in cycles), max error about 1e-7: reduce to [-1/2, 1/2], fold onto a
    /// quarter wave and evaluate the Taylor series of sine to degree 11. Branch-free so that loops
    /// calling it vectorise.
    @inline(__always) static func cosineOfCycles(_ x: Float) -> Float {
        let r = x - x.rounded(.toNearestOrEven)       // [-0.5, 0.5]
        let t = Swift.abs(r) - 0.25                    // cos(2π|r|) = -sin(2πt), t in [-0.25, 0.25]
        let y = t * (2 * Float.pi)
        let y2 = y * y
        var s: Float = 1 - y2 / 110
        s = 1 - y2 / 72 * s
        s = 1 - y2 / 42 * s
        s = 1 - y2 / 20 * s
        s = 1 - y2 / 6 * s
        return -y * s
    }
}

@inline(__always) private func Glibc_or_Darwin_exp(_ x: Double) -> Double { exp(x) }
@inline(__always) private func Glibc_or_Darwin_pow(_ x: Double, _ y: Double) -> Double { pow(x, y) }
@inline(__always) private func Glibc_or_Darwin_cos(_ x: Double) -> Double { cos(x) }
