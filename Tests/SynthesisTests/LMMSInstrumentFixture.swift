// The presets of LMMS 1.2.2's reference renders of one of its instruments (Tests/Fixtures/lmms-instrument-references/
// <folder>, made by scripts/lmms_instrument_references.py) and their saved attributes. The renders themselves are
// compared through the registered synths (AtlasTests/LMMSReferenceRenders).
import Foundation

struct LMMSInstrumentFixture {
    let folder: URL
    init(_ name: String) {
        folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/lmms-instrument-references/\(name)")
    }

    func text(_ preset: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(preset + ".xpf"), encoding: .utf8)
    }

    /// Attributes of the first `<tag ...>` element in a preset's text, as saved.
    static func attributes(_ tag: String, in text: String) -> [String: String] {
        guard let open = text.range(of: "<\(tag) "), let close = text[open.upperBound...].range(of: ">") else { return [:] }
        let element = String(text[open.upperBound..<close.lowerBound])
        var result: [String: String] = [:]
        let pattern = try! NSRegularExpression(pattern: "([A-Za-z0-9_-]+)=\"([^\"]*)\"")
        for m in pattern.matches(in: element, range: NSRange(element.startIndex..., in: element)) {
            result[String(element[Range(m.range(at: 1), in: element)!])] = String(element[Range(m.range(at: 2), in: element)!])
        }
        return result
    }
}
