// Bounds on a document's shape, checked on the raw bytes before libxml2 sees them: libxml2's duplicate-
// attribute check is quadratic (one element with 200,000 attributes took 323 s), and its tree plus ours
// costs hundreds of bytes per element (63 MiB of `<a/>` took 3.5 GB). The largest files users have (LMMS
// demo projects, ZynAddSubFX banks) hold about 16,000 elements and 123 attributes on one element.

/// The most nodes (elements, comments, processing instructions, entity references) and the most
/// attributes on one element a document may have.
public struct XMLShapeLimits: Sendable {
    public var maximumNodes: Int
    public var maximumAttributesPerElement: Int

    public static let standard = XMLShapeLimits(maximumNodes: 1_000_000, maximumAttributesPerElement: 4096)

    /// Throws `XMLError` naming the limit a document exceeds. Linear in the bytes; it over-counts
    /// (markup inside comments and CDATA, `&amp;` that joins its text node), never under-counts, which
    /// only matters at the limits.
    public func check(_ bytes: UnsafeRawBufferPointer) throws {
        var nodes = 0, attributes = 0
        func addNode() throws {
            nodes += 1
            if nodes > maximumNodes { throw XMLError(description: "over \(maximumNodes) elements and other nodes") }
        }
        var inTag = false, inOtherMarkup = false
        var quote: UInt8 = 0
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if inTag {
                if quote != 0 {
                    if byte == quote { quote = 0 }
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                } else if byte == UInt8(ascii: "=") {
                    attributes += 1
                    if attributes > maximumAttributesPerElement {
                        throw XMLError(description: "an element with over \(maximumAttributesPerElement) attributes")
                    }
                } else if byte == UInt8(ascii: ">") {
                    inTag = false
                }
            } else if inOtherMarkup {
                if byte == UInt8(ascii: ">") { inOtherMarkup = false }
            } else if byte == UInt8(ascii: "<"), index + 1 < count {
                let next = bytes[index + 1]
                if Self.startsName(next) {
                    try addNode()
                    inTag = true
                    attributes = 0
                } else {
                    // Comments, processing instructions, DOCTYPE and CDATA are nodes too; end tags are not.
                    if next != UInt8(ascii: "/") { try addNode() }
                    inOtherMarkup = true
                }
            } else if byte == UInt8(ascii: "&") {
                try addNode()  // an entity reference can be a node of its own
            }
            index += 1
        }
    }

    /// A byte that can start an element name: a letter, '_', ':' or any non-ASCII (UTF-8) byte.
    private static func startsName(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":") || byte >= 0x80
    }
}
