// Whole-signal passes of the embedding written so that they run in vector lanes: whether a stretch is
// digital silence (silent STFT and YIN frames are skipped because their results are known), whether a
// signal holds a NaN or infinity, and the level-normalised copy. As one-value-at-a-time loops (a
// compare and branch per sample, or Array.map's append per sample) they took about 11 % of an embedding.

/// True when every value is +0 or -0: the bit patterns without their sign bit OR together to 0.
@inline(__always)
func isAllZero(_ values: UnsafeBufferPointer<Float>) -> Bool {
    var index = 0
    while index + 16 <= values.count {
        // A chunk's bit patterns ORed together (the loop the compiler turns into vector ORs): any lane with a
        // non-zero magnitude stops the scan, so a sounding frame ends at its first chunk.
        var bits: UInt32 = 0
        for lane in index..<(index + 16) { bits |= values[lane].bitPattern }
        if bits & 0x7FFF_FFFF != 0 { return false }
        index += 16
    }
    while index < values.count {
        if values[index] != 0 { return false }
        index += 1
    }
    return true
}

/// The index of the first NaN or infinity, or nil. x - x is +0 for every finite x and NaN otherwise, so
/// a lane sum of those stays 0 until a non-finite sample enters it; only then is the stretch searched.
func firstNonFinite(_ values: UnsafeBufferPointer<Float>) -> Int? {
    guard let base = values.baseAddress else { return nil }
    let raw = UnsafeRawPointer(base)
    var lanes = SIMD8<Float>()
    var index = 0
    while index + 8 <= values.count {
        let chunk = raw.loadUnaligned(fromByteOffset: 4 * index, as: SIMD8<Float>.self)
        lanes += chunk - chunk
        index += 8
    }
    let tailFinite = values[index...].allSatisfy(\.isFinite)
    guard (lanes .!= 0) == SIMDMask(repeating: false), tailFinite else { return values.firstIndex { !$0.isFinite } }
    return nil
}

/// values[i] * gain for every i, in a new array (each product as the scalar multiply gives it).
func scaled(_ values: [Float], by gain: Float) -> [Float] {
    [Float](unsafeUninitializedCapacity: values.count) { out, count in
        values.withUnsafeBufferPointer { input in
            for i in 0..<input.count { out[i] = input[i] * gain }
        }
        count = values.count
    }
}
