// bias.md takes tool and writer names from songs; none may become a link, HTML or a broken table.
import Testing
@testable import Atlas

@Suite struct BiasMarkdownEscapingTests {
    @Test func writerFieldCannotBecomeAJavaScriptLink() {
        let writer = BiasReport.md("[x](javascript:alert(1)) | <img src=x onerror=y>\nnext")
        #expect(!writer.contains("["))
        #expect(!writer.contains("|"))
        #expect(!writer.contains("<"))
        #expect(!writer.contains("\n"))
        #expect(writer.contains("javascript:alert(1)"))  // kept as text, only defused
    }
}
