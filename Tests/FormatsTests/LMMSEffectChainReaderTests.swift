// The LMMS reader's <fxchain>: effects in order with wet, gate, auto-quit and on/off, LADSPA ports by
// processor and port number, native effects' controls (whatever the case of their element name).
import Foundation
import Synthesis
import Testing
@testable import Formats

@Suite struct LMMSEffectChainReaderTests {
    static func preset(chain: String) -> String {
        """
        <?xml version="1.0"?>
        <lmms-project version="1.0" creator="LMMS" creatorversion="1.2.2" type="instrumenttracksettings">
          <head/>
          <instrumenttracksettings name="Chain">
            <instrumenttrack vol="100">
              <instrument name="tripleoscillator"><tripleoscillator wavetype0="2"/></instrument>
              \(chain)
            </instrumenttrack>
          </instrumenttracksettings>
        </lmms-project>
        """
    }

    @Test func oldPresetsSaveLADSPAPortsAsAttributes() throws {
        // LB302's STrash (LMMS 1.0 era): <ladspacontrols port01="0.1" ...>; "portNNlink" and "ports" are not ports.
        let xml = Self.preset(chain: """
        <fxchain numofeffects="1" enabled="1">
          <effect autoquit="1" gate="0" name="ladspaeffect" wet="0.5" on="1">
            <ladspacontrols port11="0.2" port01="0.1" port13="3.14159" port04link="1" link="0" ports="8"/>
            <key><attribute value="caps" name="file"/><attribute value="PhaserI" name="plugin"/></key>
          </effect>
        </fxchain>
        """)
        let patch = try LMMSTestSupport.parse(xml)
        let chain = try #require(patch.attributes[LMMSEffectChainSettings.attributeKey].flatMap(LMMSEffectChainSettings.init(encoded:)))
        let phaser = try #require(chain.effects.first)
        #expect(phaser.port(1, processor: 0) == 0.1 && phaser.port(1, processor: 1) == 0.2 && phaser.port(3, processor: 1) == 3.14159)
        #expect(phaser.controls.count == 3)
    }

    @Test func readsLADSPAAndNativeEffectsInOrder() throws {
        let xml = Self.preset(chain: """
        <fxchain numofeffects="3" enabled="1">
          <effect autoquit="8000" gate="0.1" name="ladspaeffect" wet="0.88" on="1">
            <ladspacontrols ports="20"><port01 link="1" data="-48"/><port010 data="5.04"/><port110 data="-5.04"/></ladspacontrols>
            <key><attribute value="caps" name="file"/><attribute value="Eq" name="plugin"/></key>
          </effect>
          <effect autoquit="1" gate="0" name="dualfilter" wet="1" on="0">
            <DualFilterControls cut1="10" filter1="1" mix="0"/>
            <key/>
          </effect>
          <effect name="stereomatrix" wet="-0.5"><stereomatrixcontrols l-r="-0.5"/><key/></effect>
        </fxchain>
        """)
        let patch = try LMMSTestSupport.parse(xml)
        let chain = try #require(patch.attributes[LMMSEffectChainSettings.attributeKey].flatMap(LMMSEffectChainSettings.init(encoded:)))
        #expect(chain.enabled)
        #expect(chain.effects.map(\.name) == ["ladspaeffect", "dualfilter", "stereomatrix"])
        let eq = chain.effects[0]
        #expect(eq.plugin == "Eq" && eq.wet == 0.88 && eq.gate == 0.1 && eq.autoQuitMs == 8000 && eq.enabled)
        #expect(eq.port(1) == -48)
        #expect(eq.port(10) == 5.04)
        #expect(eq.port(10, processor: 1) == -5.04)
        #expect(eq.port(1, processor: 1) == -48)  // linked: the second processor takes the first one's value
        #expect(chain.effects[1].enabled == false)
        #expect(chain.effects[1].controls == ["cut1": 10, "filter1": 1, "mix": 0])
        #expect(chain.effects[2].controls["l-r"] == -0.5 && chain.effects[2].wet == -0.5 && chain.effects[2].autoQuitMs == 1)
    }

    @Test func aSwitchedOffChainIsKeptOffAndNoChainMeansNone() throws {
        let off = try LMMSTestSupport.parse(Self.preset(chain: """
        <fxchain numofeffects="1" enabled="0"><effect name="stereomatrix" wet="1" on="1"><key/></effect></fxchain>
        """))
        let chain = try #require(off.attributes[LMMSEffectChainSettings.attributeKey].flatMap(LMMSEffectChainSettings.init(encoded:)))
        #expect(chain.enabled == false)
        let none = try LMMSTestSupport.parse(Self.preset(chain: #"<fxchain numofeffects="0" enabled="0"/>"#))
        #expect(none.attributes[LMMSEffectChainSettings.attributeKey] == nil)
    }
}
