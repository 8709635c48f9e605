// Documents whose shape would cost minutes or gigabytes in libxml2 are refused before it sees them.
import CZlib
import Foundation
import Synthesis
import Testing
@testable import Formats

@Suite struct XMLShapeLimitTests {
    @Test func elementWith200000AttributesIsRefusedQuickly() {
        // libxml2 checks duplicates pairwise: 323 s for this document before the limit.
        var xml = "<lmms-project><a"
        for i in 0..<200_000 { xml += " a\(i)=\"1\"" }
        xml += "/></lmms-project>"
        let start = Date()
        do { _ = try XMLParser.parse(Data(xml.utf8)); Issue.record("parsed") } catch {
            #expect("\(error)".contains("attributes"))
        }
        #expect(Date().timeIntervalSince(start) < 10)
    }

    @Test func attributesUpToTheLimitStillParse() throws {
        let limit = XMLShapeLimits.standard.maximumAttributesPerElement
        let xml = "<r " + (0..<limit).map { "a\($0)='x>y'" }.joined(separator: " ") + "/>"
        #expect(try XMLParser.parse(Data(xml.utf8)).attributes.count == limit)
    }

    @Test func countsElementsNotEndTagsCommentsOrQuotedMarkup() throws {
        let limits = XMLShapeLimits(maximumNodes: 6, maximumAttributesPerElement: 2)
        let fine = "<?xml version='1.0'?><!DOCTYPE r><!-- x --><r a='<b c=d e=f>'><b/><c></c></r>"
        try Array(fine.utf8).withUnsafeBytes { try limits.check($0) }
        let tooMany = "<r><b/><c/><d/><e/><f/><g/></r>"
        #expect(throws: XMLError.self) { try Array(tooMany.utf8).withUnsafeBytes { try limits.check($0) } }
        let comments = "<r>" + String(repeating: "x<!---->", count: 6) + "</r>"
        #expect(throws: XMLError.self) { try Array(comments.utf8).withUnsafeBytes { try limits.check($0) } }
        let references = "<r>" + String(repeating: "&e;", count: 6) + "</r>"
        #expect(throws: XMLError.self) { try Array(references.utf8).withUnsafeBytes { try limits.check($0) } }
    }

    @Test func compressedPresetInflatingToMillionsOfElementsIsRefused() throws {
        // 63 MiB of `<a/>` inside an LMMS root compresses to about 64 KB; parsed it took 3.5 GB.
        let body = [UInt8](String(repeating: "<a/>", count: (63 << 20) / 4).utf8)
        let text = Array("<lmms-project>".utf8) + body + Array("</lmms-project>".utf8)
        var length = compressBound(uLong(text.count))
        var packed = [UInt8](repeating: 0, count: Int(length))
        #expect(compress2(&packed, &length, text, uLong(text.count), 9) == Z_OK)
        let n = UInt32(text.count)
        let file = Data([UInt8(n >> 24), UInt8(n >> 16 & 0xff), UInt8(n >> 8 & 0xff), UInt8(n & 0xff)] + packed.prefix(Int(length)))
        #expect(file.count < 200_000)
        let schema = SynthSchema(id: "tripleoscillator", name: "", tool: "", parameters: [])
        do { _ = try LMMSPreset.parse(file, fileName: "bomb.xpf", directory: nil, schema: schema); Issue.record("parsed") } catch {
            #expect("\(error)".hasPrefix("bomb.xpf: "))
            #expect("\(error)".contains("elements"))
        }
    }
}

@Suite struct DecompressionMessageTests {
    @Test func corruptStreamIsDescribedInWordsNotAStatusNumber() {
        // A zlib header (78 9c) followed by bytes that are no deflate block: zlib's Z_DATA_ERROR (-3).
        let framed = Data([0, 0, 0, 10, 0x78, 0x9c, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff])
        do { _ = try Decompression.qtUncompress(framed); Issue.record("inflated") } catch {
            let line = "\(error)"
            #expect(line.contains("corrupt"))
            #expect(!line.contains("-3"))
            #expect(!line.contains("status"))
        }
    }
}
