// Sobol low-discrepancy points in [0, 1)^D from Joe & Kuo's direction numbers, optionally digitally shifted.

/// Why a Sobol sequence cannot be made.
public struct SobolError: Error, CustomStringConvertible, Sendable {
    public var description: String
}

/// The Sobol sequence (Bratley & Fox, ACM TOMS 14 (1988), algorithm 659) with Joe & Kuo (2008) direction
/// numbers, 32 bits per coordinate. Point 0 is the origin, as in Joe & Kuo's `sobol.cc` and SciPy's
/// unscrambled `qmc.Sobol`. A digital shift (XOR of every coordinate with one seeded random word per
/// dimension) keeps the net's balance while making different seeds give different point sets.
public struct SobolSequence: Sendable {
    public let dimensions: Int
    /// `directions[d * 32 + k]`: direction number V_k of dimension d, scaled to 32 bits.
    private let directions: [UInt32]
    private let shifts: [UInt32]

    /// - Parameter digitalShiftSeed: nil for the plain sequence.
    /// - Throws: when `dimensions` is below 1 or above the 1,024 the table covers.
    public init(dimensions: Int, digitalShiftSeed: UInt64? = nil) throws {
        guard dimensions >= 1, dimensions <= SobolDirectionNumbers.dimensionCount else {
            throw SobolError(description: "Sobol sequence supports 1...\(SobolDirectionNumbers.dimensionCount) dimensions, not \(dimensions)")
        }
        self.dimensions = dimensions
        var v = [UInt32](repeating: 0, count: dimensions * 32)
        // Dimension 1: m_k = 1 for all k, i.e. V_k = 2^(32-k) (van der Corput in base 2).
        for k in 0..<32 { v[k] = 1 << (31 - k) }
        var cursor = 0
        let packed = SobolDirectionNumbers.packed
        for d in 1..<dimensions {
            let s = Int(packed[cursor]), a = packed[cursor + 1]
            let m = Array(packed[(cursor + 2)..<(cursor + 2 + s)])
            cursor += 2 + s
            let base = d * 32
            for k in 0..<Swift.min(s, 32) { v[base + k] = m[k] << (31 - k) }
            if s < 32 {
                // Recurrence (Joe & Kuo 2008, eq. 3): V_k = a_1 V_{k-1} ^ ... ^ a_{s-1} V_{k-s+1} ^ V_{k-s} ^ (V_{k-s} >> s).
                for k in s..<32 {
                    var value = v[base + k - s] ^ (v[base + k - s] >> UInt32(s))
                    for i in 1..<s where (a >> UInt32(s - 1 - i)) & 1 == 1 {
                        value ^= v[base + k - i]
                    }
                    v[base + k] = value
                }
            }
        }
        directions = v
        if let seed = digitalShiftSeed {
            shifts = (0..<dimensions).map { UInt32(truncatingIfNeeded: SplitMix64.mix(seed, UInt64($0)) >> 32) }
        } else {
            shifts = [UInt32](repeating: 0, count: dimensions)
        }
    }

    /// Point `index` (0-based), computed directly from the bits of its Gray code: O(32 · D), so
    /// any shard can take any slice of the sequence.
    public func point(_ index: UInt32) -> [Double] {
        let gray = index ^ (index >> 1)
        var out = [Double](repeating: 0, count: dimensions)
        for d in 0..<dimensions {
            var x: UInt32 = 0
            var bits = gray
            var k = 0
            while bits != 0 {
                if bits & 1 == 1 { x ^= directions[d * 32 + k] }
                bits >>= 1
                k += 1
            }
            out[d] = Double(x ^ shifts[d]) / 4_294_967_296.0
        }
        return out
    }
}
