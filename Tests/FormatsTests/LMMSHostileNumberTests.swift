// Numbers no LMMS writes (nan, inf, 1e308, 20 digits) in the attributes the reader turns into integers:
// each once killed the process (Int(Double) traps); now the preset reads, clamped as the engine sees it.
import Foundation
import Synthesis
import Testing
@testable import Formats

@Suite struct LMMSHostileNumberTests {
    static let hostile = ["nan", "inf", "-inf", "1e308", "-1e308", "99999999999999999999"]

    private func preset(plugin: String = "", elvol: String = "", arp: String = "", legacy: Bool = false) -> String {
        if legacy {
            // The pre-0.4 layout: one <arpandchords> holds both, and its arpdir is shifted on load.
            return """
            <multimediaproject creatorversion="0.2.1" type="instrumenttracksettings">
              <instrumenttracksettings name="x"><channeltrack>
                <tripleoscillator \(plugin)/>
                <arpandchords \(arp)/>
              </channeltrack></instrumenttracksettings>
            </multimediaproject>
            """
        }
        return """
        <lmms-project creatorversion="1.2.2" type="instrumenttracksettings">
          <instrumenttracksettings name="x"><instrumenttrack>
            <instrument name="tripleoscillator"><tripleoscillator \(plugin)/></instrument>
            <eldata><elvol \(elvol)/></eldata>
            <arpeggiator \(arp)/>
          </instrumenttrack></instrumenttracksettings>
        </lmms-project>
        """
    }

    @Test(arguments: hostile) func oscillatorWaveTypeDoesNotTrap(_ text: String) throws {
        let patch = try LMMSTestSupport.parse(preset(plugin: #"wavetype0="\#(text)" userwavefile0="""#))
        let spec = try #require(LMMSTestSupport.schema.parameter("tripleoscillator.wavetype0"))
        let seen = patch.value(spec)
        #expect((0...7).contains(seen))
        // An empty user wave plays as silence in LMMS, so no file is asked for even when the clamp gives 7.
        #expect(patch.attributes["tripleoscillator.userwavefile0"] == nil)
    }

    @Test(arguments: hostile) func lfoShapeDoesNotTrap(_ text: String) throws {
        let patch = try LMMSTestSupport.parse(preset(elvol: #"lshp="\#(text)""#))
        let spec = try #require(LMMSTestSupport.schema.parameter("elvol.lshp"))
        #expect((0...5).contains(patch.value(spec)))
    }

    @Test(arguments: hostile) func legacyArpDirectionDoesNotTrap(_ text: String) throws {
        let patch = try LMMSTestSupport.parse(preset(arp: #"arpdir="\#(text)""#, legacy: true))
        let spec = try #require(LMMSTestSupport.schema.parameter("arpeggiator.arpdir"))
        #expect((0...4).contains(patch.value(spec)))
    }

    @Test func hugeWaveTypeThatClampsToUserWaveAsksForItsFile() {
        // 1e308 clamps to 7, the user wave, as the engine will play it; a missing file is one error line.
        #expect(throws: PresetError.self) {
            try LMMSTestSupport.parse(preset(plugin: #"wavetype0="1e308" userwavefile0="no-such.wav""#))
        }
    }
}
