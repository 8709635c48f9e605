// A tiny seeded random number generator (SplitMix64) so every sampler and noise source is reproducible.

/// SplitMix64 (Steele, Lea & Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014;
/// constants as in Vigna's reference `splitmix64.c`). Same seed, same sequence, on every platform.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public private(set) var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A double uniform in [0, 1) from the top 53 bits.
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// One 64-bit value from a seed and any number of extra words (a seed per item: patch index,
    /// dimension), so item k is reproducible without drawing items 0..<k first.
    public static func mix(_ seed: UInt64, _ words: UInt64...) -> UInt64 {
        var generator = SplitMix64(seed: seed)
        var value = generator.next()
        for word in words {
            generator = SplitMix64(seed: value ^ word)
            value = generator.next()
        }
        return value
    }
}

/// FNV-1a 64-bit hash of a string's UTF-8 bytes: a stable key (unlike `Hasher`, which is seeded per process).
public func stableHash64(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in text.utf8 {
        hash ^= UInt64(byte)
        hash &*= 0x0000_0100_0000_01B3
    }
    return hash
}
