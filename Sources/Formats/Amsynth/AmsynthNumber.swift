// amsynth's own number parser for bank files (PresetController.cpp float_from_string), reproduced
// because it rounds differently from strtof: digit by digit in float arithmetic ("0.15" becomes
// 0.149999991, not 0.150000006; the fixture README counts 43 % of Debian's values differing in the
// last bit or two). Text with an 'e' goes through a C-locale stream, i.e. correctly rounded.

enum AmsynthNumber {
    /// The value amsynth 1.13.2 reads from `text`. Characters other than digits, '-' (first only) and
    /// '.' are skipped, as amsynth skips them.
    static func parse(_ text: Substring) -> Float {
        if text.contains("e") { return Float(text) ?? .nan }
        var result: Float = 0, factor: Float = 1
        var characters = text.utf8[...]
        if characters.first == UInt8(ascii: "-") {
            factor = -1
            characters = characters.dropFirst()
        }
        var pointSeen = false
        for c in characters {
            if c == UInt8(ascii: ".") { pointSeen = true; continue }
            guard c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") else { continue }
            if pointSeen { factor /= 10 }
            result = result * 10 + Float(c - UInt8(ascii: "0"))
        }
        return result * factor
    }

    /// Whether `text` is a plain decimal number (what amsynth writes); anything else is reported.
    static func isWellFormed(_ text: Substring) -> Bool {
        var digits = 0, points = 0, index = 0
        let bytes = Array(text.utf8)
        if bytes.first == UInt8(ascii: "-") { index = 1 }
        while index < bytes.count {
            let c = bytes[index]
            if c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") { digits += 1 }
            else if c == UInt8(ascii: ".") { points += 1 }
            else if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
                return digits > 0 && points <= 1 && Float(text) != nil
            } else { return false }
            index += 1
        }
        return digits > 0 && points <= 1
    }
}
