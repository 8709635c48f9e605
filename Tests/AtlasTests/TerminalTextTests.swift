// File names reach stderr without their escape sequences, newlines or bidi overrides.
import Testing
import Atlas

@Suite struct TerminalTextTests {
    @Test func escapeSequencesBecomeVisibleCodes() {
        let name = "evil\u{1B}]0;owned\u{07}\u{1B}[2J.xpf"
        let shown = TerminalText.safe(name)
        #expect(!shown.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        #expect(shown == "evil\\u{1B}]0;owned\\u{7}\\u{1B}[2J.xpf")
    }

    @Test func newlinesAndBidiOverridesCannotFakeOrReverseALine() {
        #expect(TerminalText.safe("a\nerror: fake\r") == "a\\u{A}error: fake\\u{D}")
        #expect(TerminalText.safe("gpj.\u{202E}xpf") == "gpj.\\u{202E}xpf")
        #expect(TerminalText.safe("Überbass ☃.xpf") == "Überbass ☃.xpf")
    }
}
