// The delay-line building blocks of CAPS 0.4.5 as LMMS 1.2.2 bundles them (plugins/LadspaEffect/caps/dsp/Delay.h,
// OnePole.h, Sine.h, Reverb.h): a power-of-two ring with separate read and write heads, the all-pass lattice, the
// modulated lattice, a one-pole low-pass and the recursive sine oscillator. CAPS mixes float samples with double
// coefficients; the conversions below keep its order of rounding.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// DSP::Delay: `put` writes at `write`, `get` reads at `read` (n samples behind after `init(n)`), `[i]` looks
/// back `i` samples from the write head.
struct CAPSDelay {
    private(set) var data: [Float]
    private let mask: Int
    private var read = 0
    private var write: Int

    init(length n: Int) {
        var size = 1
        while size < n { size <<= 1 }
        data = [Float](repeating: 0, count: size)
        mask = size - 1
        write = n
    }

    @inline(__always) subscript(i: Int) -> Float { data[(write - i) & mask] }

    @inline(__always) mutating func put(_ x: Float) {
        data[write] = x
        write = (write + 1) & mask
    }

    @inline(__always) mutating func get() -> Float {
        let x = data[read]
        read = (read + 1) & mask
        return x
    }

    @inline(__always) mutating func putGet(_ x: Float) -> Float {
        put(x)
        return get()
    }

    /// Fractional look-back with linear interpolation (the index truncated, as CAPS's `fistp` off i386).
    @inline(__always) func getAt(_ position: Float) -> Float {
        let n = Int(position)
        let f = position - Float(n)
        return (1 - f) * self[n] + f * self[n + 1]
    }
}

/// Reverb.h `Lattice`: an all-pass section on a delay.
struct CAPSLattice {
    var delay: CAPSDelay

    init(length n: Int) { delay = CAPSDelay(length: n) }

    @inline(__always) mutating func process(_ input: Float, _ d: Double) -> Float {
        let y = delay.get()
        let x = Float(Double(input) - d * Double(y))
        delay.put(x)
        return Float(d * Double(x) + Double(y))
    }
}

/// DSP::Sine: y[n] = 2 cos(w) y[n-1] - y[n-2], in double.
struct CAPSSine {
    private var y: (Double, Double) = (0, 0)
    private var z = 0
    private var b = 0.0

    /// `set_f(f, fs, phase)`: note CAPS's w = f * pi / fs.
    mutating func set(frequencyHz: Double, sampleRateHz: Double, phase: Double) {
        set(omega: frequencyHz * Double.pi / sampleRateHz, phase: phase)
    }

    /// `set_f(w, phase)`.
    mutating func set(omega w: Double, phase: Double) {
        b = 2 * cos(w)
        y = (sin(phase - w), sin(phase - w * 2))
        z = 0
    }

    @inline(__always) mutating func get() -> Double {
        if z == 0 {
            let s = b * y.0 - y.1
            y.1 = s
            z = 1
            return s
        } else {
            let s = b * y.1 - y.0
            y.0 = s
            z = 0
            return s
        }
    }
}

/// Reverb.h `ModLattice`: a lattice whose delay length is swept by a sine.
struct CAPSModulatedLattice {
    var delay: CAPSDelay
    var lfo = CAPSSine()
    private let n0: Float, width: Float

    init(length n: Int, width w: Int) {
        n0 = Float(n)
        width = Float(w)
        delay = CAPSDelay(length: n + w)
    }

    @inline(__always) mutating func process(_ input: Float, _ d: Double) -> Float {
        let y = delay.getAt(Float(Double(n0) + Double(width) * lfo.get()))
        let x = Float(Double(input) + d * Double(y))
        delay.put(x)
        return Float(Double(y) - d * Double(x))
    }
}

/// DSP::OnePoleLP: y = a0 x + b1 y1, coefficients stored as float.
struct CAPSOnePoleLowPass {
    private var a0: Float = 1, b1: Float = 0, y1: Float = 0

    mutating func set(_ d: Double) {
        a0 = Float(d)
        b1 = Float(Double(Float(1)) - d)
    }

    @inline(__always) mutating func process(_ x: Float) -> Float {
        y1 = a0 * x + b1 * y1
        return y1
    }
}
