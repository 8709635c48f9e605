// The text form in which LMMS instruments save their hand-drawn waves (BitInvader's sampleShape, Watsyn's a1_wave
// ...): base64 of little-endian float32s (base64::encode of the graph's samples).

import Foundation

public enum LMMSBase64Floats {
    /// Little-endian float32s of the base64 text; Qt's fromBase64, which LMMS uses, skips characters outside the
    /// alphabet. A trailing partial float is dropped.
    public static func decode(_ text: String) -> [Float] {
        let bytes = [UInt8](Data(base64Encoded: text, options: .ignoreUnknownCharacters) ?? Data())
        return stride(from: 0, to: bytes.count - 3, by: 4).map { i in
            Float(bitPattern: UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]) << 16
                    | UInt32(bytes[i + 3]) << 24)
        }
    }

    /// The base64 text LMMS saves for `points`.
    public static func encode(_ points: [Float]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(4 * points.count)
        for point in points {
            let bits = point.bitPattern
            bytes += [UInt8(bits & 0xFF), UInt8(bits >> 8 & 0xFF), UInt8(bits >> 16 & 0xFF), UInt8(bits >> 24)]
        }
        return Data(bytes).base64EncodedString()
    }
}
