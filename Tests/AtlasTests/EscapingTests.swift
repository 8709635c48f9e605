// Escaping of names for HTML, SVG, JSON inside <script>, Markdown cells and CSV.
import Foundation
import Testing
@testable import Atlas

@Suite struct EscapingTests {
    @Test func htmlEscapesEveryMarkupCharacter() {
        #expect(Escape.html("<a href='x' title=\"y\">&</a>") == "&lt;a href=&#39;x&#39; title=&quot;y&quot;&gt;&amp;&lt;/a&gt;")
    }

    @Test func jsonStringsCannotCloseTheScriptAndDecodeBack() throws {
        let nasty = "</script><!-- \u{2028}\u{2029}\u{01}\"\\\n\t é 🎹"
        let literal = Escape.jsonString(nasty)
        #expect(!literal.contains("<") && !literal.contains(">"))
        #expect(!literal.unicodeScalars.contains { $0.value < 0x20 || $0 == "\u{2028}" || $0 == "\u{2029}" })
        let decoded = try JSONSerialization.jsonObject(with: Data("[\(literal)]".utf8)) as? [String]
        #expect(decoded == [nasty])
    }

    @Test func markdownCellsCannotBreakTheTableOrAddMarkup() {
        let cell = Escape.markdownCell("a | b `c` [x](javascript:y)\n<b>")
        #expect(!cell.contains("|") && !cell.contains("`") && !cell.contains("<") && !cell.contains("\n") && !cell.contains("["))
    }

    @Test func numbersAreFiniteJSON() {
        #expect(Escape.number(.nan) == "null")
        #expect(Escape.number(.infinity) == "null")
        #expect(Escape.number(2) == "2")
        #expect(Escape.number(0.123456, digits: 3) == "0.123")
    }
}
