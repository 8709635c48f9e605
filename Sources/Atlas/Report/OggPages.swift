// Makes an Ogg file's bytes depend on its audio only. libsndfile gives each new Ogg stream a random serial
// number, so the same preview would differ run to run, and a resumed or sharded atlas would not equal an
// uninterrupted one. Every page's serial is set to one fixed value and its CRC recomputed (RFC 3533).
import Foundation

enum OggPages {
    static let fixedSerial: UInt32 = 0x5052_4154   // "PRAT"

    /// `bytes` with every page's stream serial number set to `serial`; bytes that are not a sequence of
    /// whole Ogg pages come back unchanged.
    static func withFixedSerial(_ bytes: Data, serial: UInt32 = fixedSerial) -> Data {
        var out = [UInt8](bytes)
        var pos = 0
        while pos + 27 <= out.count {
            guard out[pos] == 0x4F, out[pos + 1] == 0x67, out[pos + 2] == 0x67, out[pos + 3] == 0x53 else { return bytes }
            let segments = Int(out[pos + 26])
            guard pos + 27 + segments <= out.count else { return bytes }
            let bodyLength = out[(pos + 27)..<(pos + 27 + segments)].reduce(0) { $0 + Int($1) }
            let end = pos + 27 + segments + bodyLength
            guard end <= out.count else { return bytes }
            for k in 0..<4 { out[pos + 14 + k] = UInt8((serial >> (8 * UInt32(k))) & 0xFF) }
            for k in 0..<4 { out[pos + 22 + k] = 0 }
            let crc = crc32(out[pos..<end])
            for k in 0..<4 { out[pos + 22 + k] = UInt8((crc >> (8 * UInt32(k))) & 0xFF) }
            pos = end
        }
        return pos == out.count ? Data(out) : bytes
    }

    /// Ogg's CRC-32: polynomial 0x04C11DB7, not reflected, initial value 0, no final XOR.
    static func crc32(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        var crc: UInt32 = 0
        for byte in bytes { crc = (crc << 8) ^ table[Int(((crc >> 24) ^ UInt32(byte)) & 0xFF)] }
        return crc
    }

    static let table: [UInt32] = (0..<256).map { i in
        var r = UInt32(i) << 24
        for _ in 0..<8 { r = r & 0x8000_0000 != 0 ? (r << 1) ^ 0x04C1_1DB7 : r << 1 }
        return r
    }
}
