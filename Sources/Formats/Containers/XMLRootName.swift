// Sniffing XML formats by their root element's name, found after whatever may precede it: a byte-order
// mark, the XML declaration, comments, processing instructions and a DOCTYPE (with an internal subset).
// Looking for "<root" in the first 512 bytes refused valid files with a long comment or DOCTYPE first.

public enum XMLRootName {
    /// The name of the first element in `bytes`, or nil when something other than prolog markup comes
    /// first or the bytes end before an element starts. Linear in the prolog's length.
    public static func of<Bytes: Collection>(_ bytes: Bytes) -> String? where Bytes.Element == UInt8 {
        var index = bytes.startIndex
        func starts(with text: String) -> Bool {
            var probe = index
            for byte in text.utf8 {
                guard probe < bytes.endIndex, bytes[probe] == byte else { return false }
                probe = bytes.index(after: probe)
            }
            return true
        }
        /// Moves past the first occurrence of `end`; false when it never comes.
        func skip(past end: String) -> Bool {
            while index < bytes.endIndex {
                if starts(with: end) { index = bytes.index(index, offsetBy: end.utf8.count); return true }
                index = bytes.index(after: index)
            }
            return false
        }
        /// Moves past a DOCTYPE's closing '>', stepping over its internal subset in brackets and quoted text.
        func skipDoctype() -> Bool {
            var depth = 0
            var quote: UInt8? = nil
            while index < bytes.endIndex {
                let byte = bytes[index]
                index = bytes.index(after: index)
                if let open = quote { if byte == open { quote = nil }; continue }
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "'"): quote = byte
                case UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "]"): depth -= 1
                case UInt8(ascii: ">") where depth <= 0: return true
                default: break
                }
            }
            return false
        }
        if starts(with: "\u{FEFF}") { index = bytes.index(index, offsetBy: 3) }
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { index = bytes.index(after: index); continue }
            guard byte == UInt8(ascii: "<") else { return nil }
            if starts(with: "<?") {
                guard skip(past: "?>") else { return nil }
            } else if starts(with: "<!--") {
                guard skip(past: "-->") else { return nil }
            } else if starts(with: "<!") {
                guard skipDoctype() else { return nil }
            } else {
                return name(after: bytes.index(after: index), in: bytes)
            }
        }
        return nil
    }

    /// The element name starting at `start`: up to whitespace, '/', '>' or the end.
    private static func name<Bytes: Collection>(after start: Bytes.Index, in bytes: Bytes) -> String?
    where Bytes.Element == UInt8 {
        var end = start
        while end < bytes.endIndex, ![0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "/"), UInt8(ascii: ">")].contains(bytes[end]) {
            end = bytes.index(after: end)
        }
        return end == start ? nil : String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
