// Sniffing by root element name: a long comment or DOCTYPE before the root no longer hides a valid file.
import Foundation
import Synthesis
import Testing
@testable import Formats

@Suite struct XMLRootNameTests {
    let longComment = "<!-- " + String(repeating: "a long licence header ", count: 60) + " -->"

    @Test func findsTheRootAfterDeclarationCommentsAndDoctype() {
        let xml = "\u{FEFF}<?xml version=\"1.0\"?>\n\(longComment)\n<!DOCTYPE lmms-project [ <!ENTITY x \"a>b\"> ]>\n<lmms-project version=\"1.0\">"
        #expect(XMLRootName.of(Array(xml.utf8)) == "lmms-project")
        #expect(XMLRootName.of(Array("<a/>".utf8)) == "a")
        #expect(XMLRootName.of(Array("<b\n x='1'>".utf8)) == "b")
    }

    @Test func nothingButProlog() {
        #expect(XMLRootName.of(Array("".utf8)) == nil)
        #expect(XMLRootName.of(Array("<!-- never closed".utf8)) == nil)
        #expect(XMLRootName.of(Array("text<a/>".utf8)) == nil)
    }

    @Test func lmmsPresetWithCommentOver512BytesIsStillAPreset() throws {
        let xml = """
        <?xml version="1.0"?>
        \(longComment)
        <!DOCTYPE lmms-project>
        <lmms-project creatorversion="1.2.2" type="instrumenttracksettings">
          <instrumenttracksettings name="x"><instrumenttrack>
            <instrument name="tripleoscillator"><tripleoscillator wavetype0="2"/></instrument>
          </instrumenttrack></instrumenttracksettings>
        </lmms-project>
        """
        #expect(xml.utf8.count > 1000)
        #expect(LMMSPreset.sniff(Data(xml.utf8)))
        #expect(try LMMSTestSupport.parse(xml).values["tripleoscillator.wavetype0"] == 2)
    }

    @Test func nativePresetWithLongDoctypeIsStillNative() {
        let xml = "<!DOCTYPE presetatlas-preset [ <!-- \(longComment) --> ]>\n<presetatlas-preset version=\"1\"/>"
        #expect(NativePreset.looksLikeNativePreset(Data(xml.utf8)))
        #expect(!NativePreset.looksLikeNativePreset(Data("<lmms-project/>".utf8)))
    }
}
