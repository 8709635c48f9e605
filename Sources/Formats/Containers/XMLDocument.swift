// The one file that talks to libxml2: parses bytes into a small Swift element tree, safely
// (no network, no external entities, no entity expansion, size-capped), and frees every C handle.
import CLibXML2
import Foundation

/// An XML element with its attributes and child elements (text content kept for leaf elements).
public final class XMLElement: @unchecked Sendable {
    public let name: String
    public let attributes: [String: String]
    public let children: [XMLElement]
    public let text: String

    init(name: String, attributes: [String: String], children: [XMLElement], text: String) {
        self.name = name
        self.attributes = attributes
        self.children = children
        self.text = text
    }

    /// The first child element with this name.
    public func child(_ name: String) -> XMLElement? { children.first { $0.name == name } }

    /// All child elements with this name.
    public func children(_ name: String) -> [XMLElement] { children.filter { $0.name == name } }

    /// The first element with this name in a depth-first walk of the subtree (self included).
    public func first(_ name: String) -> XMLElement? {
        if self.name == name { return self }
        for c in children { if let found = c.first(name) { return found } }
        return nil
    }

    /// Every element with this name in the subtree, in document order.
    public func all(_ name: String) -> [XMLElement] {
        var found: [XMLElement] = []
        collect(name, into: &found)
        return found
    }

    private func collect(_ name: String, into found: inout [XMLElement]) {
        if self.name == name { found.append(self) }
        for c in children { c.collect(name, into: &found) }
    }

    /// An attribute as a number, or nil when absent or not a number.
    public func double(_ attribute: String) -> Double? {
        guard let s = attributes[attribute]?.trimmingCharacters(in: .whitespaces) else { return nil }
        return Double(s)
    }
}

/// Why XML could not be read.
public struct XMLError: Error, CustomStringConvertible, Sendable {
    public var description: String
}

public enum XMLParser {
    /// Largest document we parse (uncompressed), against hostile files.
    public static let maximumBytes = 64 << 20

    /// Parses a whole document and returns its root element.
    /// - Throws: `XMLError` with libxml2's first message when the bytes are not well-formed XML.
    public static func parse(_ data: Data) throws -> XMLElement {
        guard data.count <= maximumBytes else {
            throw XMLError(description: "XML larger than \(maximumBytes >> 20) MiB")
        }
        guard !data.isEmpty else { throw XMLError(description: "empty file") }
        try data.withUnsafeBytes { try XMLShapeLimits.standard.check($0) }
        // XML_PARSE_NONET: never fetch anything; no NOENT / DTDLOAD: entities stay unexpanded and
        // external subsets unloaded; NOERROR/NOWARNING: errors come back to us, not to stderr.
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
                            | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue)
        let document: xmlDocPtr? = data.withUnsafeBytes { raw in
            xmlReadMemory(raw.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(data.count),
                          "memory.xml", nil, options)
        }
        guard let document else {
            var message = "not well-formed XML"
            if let error = xmlGetLastError(), let cMessage = error.pointee.message {
                let text = String(cString: cMessage).trimmingCharacters(in: .whitespacesAndNewlines)
                message += " (line \(error.pointee.line): \(text))"
            }
            xmlResetLastError()
            throw XMLError(description: message)
        }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else {
            throw XMLError(description: "XML has no root element")
        }
        return convert(root, depth: 0)
    }

    private static func convert(_ node: xmlNodePtr, depth: Int) -> XMLElement {
        let name = String(cString: node.pointee.name)
        var attributes: [String: String] = [:]
        var attribute = node.pointee.properties
        while let a = attribute {
            let key = String(cString: a.pointee.name)
            if let value = xmlNodeGetContent(UnsafeMutablePointer<xmlNode>(OpaquePointer(a))) {
                attributes[key] = String(cString: value)
                presetatlas_xmlFree(value)
            }
            attribute = a.pointee.next
        }
        var children: [XMLElement] = []
        var text = ""
        var child = node.pointee.children
        while let c = child {
            if c.pointee.type == XML_ELEMENT_NODE {
                // Depth cap against pathological nesting (stack safety); libxml2 itself caps at 256.
                if depth < 512 { children.append(convert(c, depth: depth + 1)) }
            } else if c.pointee.type == XML_TEXT_NODE || c.pointee.type == XML_CDATA_SECTION_NODE,
                      let content = c.pointee.content {
                text += String(cString: content)
            }
            child = c.pointee.next
        }
        return XMLElement(name: name, attributes: attributes, children: children, text: text)
    }
}
