// The ZynAddSubFX .xiz parameter reader and Synths/zynaddsubfx.xml: values read from real bank
// files (checked by hand with python's gzip), the version quirks of the format, and bad files.
import Foundation
import Synthesis
import Testing
@testable import Formats

@Suite struct ZynAddSubFXInstrumentTests {
    let schema: SynthSchema

    init() throws { schema = try SynthDefinition.load(BiasTestPaths.synths.appendingPathComponent("zynaddsubfx.xml")) }

    @Test func schemaDefaultsMatchZynSource() {
        // ADnoteParameters defaults(): PVolume 90, PDetuneType 1, voice PVolume 100; amp envelope
        // ADSRinit_dB(0,40,127,25); FilterParams(2,94,40); amp LFO Pfreq 80 stored as 80/127.
        let expected: [String: Double] = ["add.volume": 90, "add.detune_type": 1, "voice0.volume": 100,
                                          "add.amp_env.D_dt": 40, "add.amp_env.S_val": 127, "add.amp_env.R_dt": 25,
                                          "add.filter.type": 2, "add.filter.freq": 94, "add.filter.q": 40,
                                          "add.detune": 8192, "voice0.unison_size": 1]
        for (id, value) in expected { #expect(schema.parameter(id)?.defaultValue == value, "\(id)") }
        #expect(abs((schema.parameter("add.amp_lfo.freq")?.defaultValue ?? 0) - 80.0 / 127) < 1e-6)
    }

    @Test(.enabled(if: BiasTestPaths.factoryPresent, "needs .cache/factory from scripts/install-deps.sh"))
    func readsRealBankFile() throws {
        // Arpeggios/0001-Arpeggio1.xiz (ZynAddSubFX 1.1): volume 87, detune_type 2, coarse_detune 15360,
        // filter freq 42, amp envelope D_dt 80, voice 0 detune 8274, base function 12, LFO freq 0.551181.
        let url = BiasTestPaths.factoryShare.appendingPathComponent("zynaddsubfx/banks/Arpeggios/0001-Arpeggio1.xiz")
        let patch = try ZynAddSubFXInstrument.read(url, schema: schema)
        #expect(patch.name == "Arpeggio1")
        let expected: [String: Double] = ["add.volume": 87, "add.detune_type": 2, "add.coarse_detune": 15360,
                                          "add.filter.freq": 42, "add.amp_env.D_dt": 80, "voice0.detune": 8274,
                                          "voice0.oscil.base_function": 12, "kit0.sub_enabled": 0]
        for (id, value) in expected { #expect(patch.values[id] == value, "\(id)") }
        #expect(abs((patch.values["add.freq_lfo.freq"] ?? 0) - 0.551181) < 1e-6)
        #expect(patch.attributes["zyn.version"] == "1.1")
    }

    @Test(.enabled(if: BiasTestPaths.factoryPresent, "needs .cache/factory from scripts/install-deps.sh"))
    func readsBrokenDeclarationAndLeadingNewline() throws {
        // olivers-other files (ZynAddSubFX 2.5.3) start "\n<?xml version=\"1.0f\"", which libxml2 rejects as is.
        let url = BiasTestPaths.factoryShare.appendingPathComponent("zynaddsubfx/banks/olivers-other/0036-Tick.xiz")
        let patch = try ZynAddSubFXInstrument.read(url, schema: schema)
        #expect(patch.attributes["zyn.version"] == "2.5.3")
        #expect(!patch.values.isEmpty)
    }

    @Test func missingElementsStayAtDefaultAndThreeXTimesConvert() throws {
        // A 3.x envelope time is seconds: 0.65 s is integer 64 in the old encoding (FORMAT.md: 64 → 0.65 s).
        let xml = """
        <ZynAddSubFX-data version-major="3" version-minor="0"><INSTRUMENT><INFO><string name="name">T</string></INFO>
        <INSTRUMENT_KIT><INSTRUMENT_KIT_ITEM id="0"><ADD_SYNTH_PARAMETERS><AMPLITUDE_PARAMETERS>
        <par_real name="volume" value="-3.5" exact_value="0xC0600000"/>
        <AMPLITUDE_ENVELOPE><par_real name="D_dt" value="0.65"/><par name="S_val" value="100"/></AMPLITUDE_ENVELOPE>
        </AMPLITUDE_PARAMETERS></ADD_SYNTH_PARAMETERS></INSTRUMENT_KIT_ITEM></INSTRUMENT_KIT></INSTRUMENT></ZynAddSubFX-data>
        """
        let patch = try ZynAddSubFXInstrument.read(Data(xml.utf8), schema: schema)
        #expect(patch.values["add.amp_env.D_dt"] == 64)
        #expect(patch.values["add.amp_env.S_val"] == 100)
        #expect(patch.values["add.volume"] == nil)  // dB in 3.x: not convertible, left unset and counted
        #expect(patch.attributes["zyn.unconverted"] == "1")
        #expect(patch.values["add.filter.freq"] == nil)
    }

    @Test func exactValueBitsWin() {
        let element = try? XMLParser.parse(Data(#"<par_real name="freq" value="0.63" exact_value="0x3F2142850"/>"#.utf8))
        // Malformed hex (9 digits) falls back to nil, so `value` is used.
        #expect(element.map { ZynAddSubFXInstrument.exactValue($0) } == .some(nil))
        let good = try? XMLParser.parse(Data(#"<par_real name="freq" value="0.5" exact_value="0x3F000000"/>"#.utf8))
        #expect(good.flatMap { ZynAddSubFXInstrument.exactValue($0) } == 0.5)
    }

    @Test func badFilesGiveOneLine() {
        let cases = [Data(), Data([0x1f, 0x8b, 8, 0, 9, 9]), Data("<ZynAddSubFX-data><MASTER/></ZynAddSubFX-data>".utf8),
                     Data("<other/>".utf8), Data("<ZynAddSubFX-data><INSTRUMENT>".utf8)]
        for data in cases {
            do { _ = try ZynAddSubFXInstrument.read(data, schema: schema); Issue.record("accepted \(data.count) bytes") } catch {
                #expect(!"\(error)".contains("\n"))
            }
        }
    }
}
