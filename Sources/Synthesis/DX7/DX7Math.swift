// Elementary functions for the DX7 engine (libm without importing Foundation into the DSP code).
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum DX7Math {
    @inline(__always) static func exp(_ x: Double) -> Double { Glibc_or_Darwin_exp(x) }
    @inline(__always) static func pow(_ x: Double, _ y: Double) -> Double { Glibc_or_Darwin_pow(x, y) }
    @inline(__always) static func cos(_ x: Double) -> Double { Glibc_or_Darwin_cos(x) }
}

@inline(__always) private func Glibc_or_Darwin_exp(_ x: Double) -> Double { exp(x) }
@inline(__always) private func Glibc_or_Darwin_pow(_ x: Double, _ y: Double) -> Double { pow(x, y) }
@inline(__always) private func Glibc_or_Darwin_cos(_ x: Double) -> Double { cos(x) }
