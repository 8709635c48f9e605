// LMMS 1.2.2's band-limited wavetables (src/core/BandLimitedWave.cpp, include/BandLimitedWave.h): for each
// table length 2, 3, 4, 6, ... 4096, 6144 a sum of harmonics below the table's Nyquist, normalised to a peak of
// 1, read with the table just shorter than the wavelength and 4-point "optimal" interpolation. LMMS loads the
// tables from its data files, which hold exactly what this generation gives (checked against LMMS 1.2.2's
// wavetables/*.bin). Tables are made on first use.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct LB302BandLimitedWave {
    enum Shape: Int { case saw, square, triangle, moog }

    /// TLENS: 2 << n and 3 << n, interleaved.
    static let tableLengths: [Int] = (0..<24).map { $0 % 2 == 0 ? 2 << ($0 / 2) : 3 << ($0 / 2) }
    /// F_2PI is a float constant in LMMS.
    private static let twoPi = Double(Float(2 * Double.pi))

    let shape: Shape
    private var tables: [Int: [Float]] = [:]

    init(_ shape: Shape) { self.shape = shape }

    static func harmonicSum(_ shape: Shape, length: Int) -> [Float] {
        if shape == .moog {
            // Triangle plus the saw a quarter turn later, halved.
            let saw = harmonicSum(.saw, length: length), triangle = harmonicSum(.triangle, length: length)
            return (0..<length).map { ph in (saw[(ph + Int(Double(length) * 0.75)) % length] + triangle[ph]) * 0.5 }
        }
        var raw = [Float](repeating: 0, count: length)
        var peak = 0.0
        for ph in 0..<length {
            var harmonic = 1, sum = 0.0, harmonicLength = 0.0
            repeat {
                harmonicLength = Double(length) / Double(harmonic)
                let turns = Double(ph * harmonic) / Double(length)
                switch shape {
                case .saw: sum += -1.0 / Double(harmonic) * sin(turns * twoPi)
                case .square: sum += 1.0 / Double(harmonic) * sin(turns * twoPi)
                default: sum += 1.0 / Double(harmonic * harmonic) * sin((turns + ((harmonic + 1) % 4 == 0 ? 0.5 : 0)) * twoPi)
                }
                harmonic += shape == .saw ? 1 : 2
            } while harmonicLength > 2
            raw[ph] = Float(sum)
            peak = max(peak, abs(sum))
        }
        return raw.map { Float(Double($0) / peak) }
    }

    /// BandLimitedWave::oscillate(phase, wavelength in frames).
    mutating func sample(phase: Float, wavelength: Float) -> Float {
        let lengths = Self.tableLengths
        var t: Int
        if wavelength > Float(lengths[23]) {
            t = 23
        } else if wavelength < 3 {
            t = 0
        } else {
            t = 22
            while wavelength < Float(lengths[t]) { t -= 1 }
        }
        let length = lengths[t]
        if tables[t] == nil { tables[t] = Self.harmonicSum(shape, length: length) }
        let table = tables[t]!
        let ph = phase - Float(Int(phase))
        let position = ph * Float(length)
        let lookup = Int(position)
        let fraction = position - Float(Int(position))
        let s1 = table[lookup], s2 = table[(lookup + 1) % length]
        let s0 = table[lookup == 0 ? length - 1 : lookup - 1], s3 = table[(lookup + 2) % length]
        return Self.optimal4Point(s0, s1, s2, s3, fraction)
    }

    /// interpolation.h optimal4pInterpolate (coefficients in double, the rest in float).
    static func optimal4Point(_ v0: Float, _ v1: Float, _ v2: Float, _ v3: Float, _ x: Float) -> Float {
        let z = x - 0.5
        let even1 = v2 + v1, odd1 = v2 - v1, even2 = v3 + v0, odd2 = v3 - v0
        let c0 = Float(Double(even1) * 0.45868970870461956 + Double(even2) * 0.04131401926395584)
        let c1 = Float(Double(odd1) * 0.48068024766578432 + Double(odd2) * 0.17577925564495955)
        let c2 = Float(Double(even1) * -0.246185007019907091 + Double(even2) * 0.24614027139700284)
        let c3 = Float(Double(odd1) * -0.36030925263849456 + Double(odd2) * 0.10174985775982505)
        return ((c3 * z + c2) * z + c1) * z + c0
    }
}
