// The libxml2 and zlib wrappers: well-formed and hostile XML, qCompress and gzip framing.
import CZlib
import Foundation
import Testing
@testable import Formats

@Suite struct XMLAndDecompressionTests {
    @Test func parsesAttributesAndChildren() throws {
        let root = try XMLParser.parse(Data(#"<a x="1.5"><b y="t"/><b/></a>"#.utf8))
        #expect(root.double("x") == 1.5)
        #expect(root.children("b").count == 2)
        #expect(root.first("b")?.attributes["y"] == "t")
    }

    @Test func malformedXMLGivesOneLineWithLine() {
        #expect(throws: XMLError.self) { try XMLParser.parse(Data("<a><b></a>".utf8)) }
        do { _ = try XMLParser.parse(Data("<a>\n<b></a>".utf8)) } catch {
            #expect("\(error)".contains("line"))
            #expect(!"\(error)".contains("\n"))
        }
    }

    @Test func externalEntitiesAreNotExpanded() throws {
        let hostile = #"<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>"#
        let root = try? XMLParser.parse(Data(hostile.utf8))
        #expect(root.map { !$0.text.contains("root:") } ?? true)
    }

    private func zlibCompress(_ bytes: [UInt8]) -> [UInt8] {
        var destinationLength = compressBound(uLong(bytes.count))
        var out = [UInt8](repeating: 0, count: Int(destinationLength))
        _ = compress(&out, &destinationLength, bytes, uLong(bytes.count))
        return Array(out.prefix(Int(destinationLength)))
    }

    @Test func qtUncompressRoundTrip() throws {
        let text = Array(String(repeating: "<lmms-project/>", count: 100).utf8)
        let n = UInt32(text.count)
        let framed = Data([UInt8(n >> 24), UInt8(n >> 16 & 0xff), UInt8(n >> 8 & 0xff), UInt8(n & 0xff)] + zlibCompress(text))
        #expect(Decompression.isQtCompressed(framed))
        #expect(try Decompression.qtUncompress(framed) == Data(text))
        #expect(throws: DecompressionError.self) { try Decompression.qtUncompress(framed.prefix(20)) }
    }
}
