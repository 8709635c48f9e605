// Elementary functions without importing Foundation into the DSP code (Glibc on Linux, Darwin elsewhere).
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@inline(__always) func Foundation_pow(_ x: Double, _ y: Double) -> Double { pow(x, y) }
@inline(__always) func Foundation_log(_ x: Double) -> Double { log(x) }
