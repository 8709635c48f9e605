// The C library's float and double functions amsynth's DSP calls (sinf, powf, tan, log, exp), for the
// Amsynth files, which then need no platform import of their own.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum CMath {
    @inline(__always) static func powf(_ x: Float, _ y: Float) -> Float {
        #if canImport(Glibc)
        Glibc.powf(x, y)
        #else
        Darwin.powf(x, y)
        #endif
    }
    @inline(__always) static func sinf(_ x: Float) -> Float {
        #if canImport(Glibc)
        Glibc.sinf(x)
        #else
        Darwin.sinf(x)
        #endif
    }
    @inline(__always) static func tan(_ x: Double) -> Double {
        #if canImport(Glibc)
        Glibc.tan(x)
        #else
        Darwin.tan(x)
        #endif
    }
    @inline(__always) static func log(_ x: Double) -> Double {
        #if canImport(Glibc)
        Glibc.log(x)
        #else
        Darwin.log(x)
        #endif
    }
    @inline(__always) static func exp(_ x: Double) -> Double {
        #if canImport(Glibc)
        Glibc.exp(x)
        #else
        Darwin.exp(x)
        #endif
    }
}
