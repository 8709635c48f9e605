// The random numbers of the DX7 sample-and-hold LFO: the C library's rand() sequence, reproduced.

/// The C library's `rand()` (glibc's additive feedback generator, "TYPE_3"): with seed 1, the
/// sequence an unseeded process gets, which is what hexter's sample-and-hold LFO drew from when it
/// rendered the references. Any other seed gives another deterministic sequence.
struct DX7Random: Sendable {
    private var state = [Int32](repeating: 0, count: 34)
    private var position = 0

    init(seed: UInt32) {
        var r = [Int32](repeating: 0, count: 34)
        r[0] = Int32(bitPattern: seed == 0 ? 1 : seed)
        for i in 1..<31 {
            // 16807 · r mod (2^31 - 1), as glibc computes it (Schrage's method).
            let hi = Int64(r[i - 1]) / 127_773, lo = Int64(r[i - 1]) % 127_773
            var word = 16_807 * lo - 2_836 * hi
            if word < 0 { word += 2_147_483_647 }
            r[i] = Int32(truncatingIfNeeded: word)
        }
        for i in 31..<34 { r[i] = r[i - 31] }
        state = r
        position = 0
        for _ in 0..<310 { _ = step() }
    }

    /// r[k] = r[k-31] + r[k-3] over a ring of the last 34 words.
    private mutating func step() -> Int32 {
        let a = state[(position + 34 - 31 + 34) % 34]   // r[k-31]
        let b = state[(position + 34 - 3 + 34) % 34]    // r[k-3]
        // The ring holds r[k-34...k-1] at positions (position ... position + 33) mod 34.
        let value = a &+ b
        state[position] = value
        position = (position + 1) % 34
        return value
    }

    /// The next `rand()` value, 0...2^31-1.
    mutating func next() -> Int32 { Int32(bitPattern: UInt32(bitPattern: step()) >> 1) }
}
