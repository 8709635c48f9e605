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

    @Test func threeXPhysicalUnitsMapBackToTheIntegerScale() throws {
        // Values as ZynAddSubFX 3.0.6 wrote them in Organ/0013-Organ 13.xiz. Through Zyn's own upgrade
        // formulas they are whole steps: global volume 1.4162 dB = 96 (1 − (12.0412 − 1.4162)/60) ↔ 79;
        // voice volume −12.7559 dB ↔ 100; basefreq 1915.21 Hz ↔ 76; baseq 0.694243 ↔ 33;
        // freq_tracking 59.375 ↔ 102; gain 0 dB ↔ 64; D_dt 0.65 s ↔ 64 (FORMAT.md).
        let k = "<INSTRUMENT_KIT><INSTRUMENT_KIT_ITEM id=\"0\"><ADD_SYNTH_PARAMETERS>"
        let xml = """
        <ZynAddSubFX-data version-major="3" version-minor="0" version-revision="6"><INSTRUMENT><INFO><string name="name">T</string></INFO>
        \(k)<AMPLITUDE_PARAMETERS><par_real name="volume" value="1.4162"/>
        <AMPLITUDE_ENVELOPE><par_real name="D_dt" value="0.65"/><par name="S_val" value="100"/></AMPLITUDE_ENVELOPE>
        <AMPLITUDE_LFO><par_real name="freq" value="4.96395"/><par_real name="delay" value="0"/></AMPLITUDE_LFO>
        </AMPLITUDE_PARAMETERS><FILTER_PARAMETERS><FILTER><par name="type" value="2"/>
        <par_real name="basefreq" value="1915.21"/><par_real name="baseq" value="0.694243"/>
        <par_real name="freq_tracking" value="59.375"/><par_real name="gain" value="0"/></FILTER></FILTER_PARAMETERS>
        <VOICE id="0"><AMPLITUDE_PARAMETERS><par_real name="volume" value="-12.7559"/></AMPLITUDE_PARAMETERS></VOICE>
        </ADD_SYNTH_PARAMETERS></INSTRUMENT_KIT_ITEM></INSTRUMENT_KIT></INSTRUMENT></ZynAddSubFX-data>
        """
        let patch = try ZynAddSubFXInstrument.read(Data(xml.utf8), schema: schema)
        let expected: [String: Double] = ["add.volume": 79, "voice0.volume": 100, "add.filter.freq": 76, "add.filter.q": 33,
                                          "add.filter.freq_track": 102, "add.filter.gain": 64, "add.amp_env.D_dt": 64,
                                          "add.amp_env.S_val": 100, "add.amp_lfo.delay": 0]
        for (id, value) in expected { #expect(patch.values[id] == value, "\(id): \(String(describing: patch.values[id]))") }
        // Zyn's forward formula applied to the value read gives the stored 4.96395 Hz back.
        let fraction = patch.values["add.amp_lfo.freq"] ?? 0
        #expect(abs((pow(2, 10 * fraction) - 1) / 12 - 4.96395) < 1e-4)
        #expect(patch.attributes[ZynAddSubFXInstrument.unknownParametersAttribute] == nil)
        #expect(patch.values["add.filter.category"] == nil)  // absent: stays at its default
    }

    @Test func unconvertibleValuesAreMarkedUnknown() throws {
        // A par_real where the schema has no inverse (voice detune is an integer in every version).
        let xml = """
        <ZynAddSubFX-data version-major="3" version-minor="0" version-revision="7"><INSTRUMENT><INSTRUMENT_KIT>
        <INSTRUMENT_KIT_ITEM id="0"><ADD_SYNTH_PARAMETERS><FREQUENCY_PARAMETERS><par_real name="detune" value="3.5"/>
        </FREQUENCY_PARAMETERS></ADD_SYNTH_PARAMETERS></INSTRUMENT_KIT_ITEM></INSTRUMENT_KIT></INSTRUMENT></ZynAddSubFX-data>
        """
        let patch = try ZynAddSubFXInstrument.read(Data(xml.utf8), schema: schema)
        #expect(patch.values["add.detune"] == nil)
        #expect(patch.attributes[ZynAddSubFXInstrument.unknownParametersAttribute] == "add.detune")
    }

    @Test(.enabled(if: BiasTestPaths.factoryPresent, "needs .cache/factory from scripts/install-deps.sh"))
    func readsRealThreeXFile() throws {
        let url = BiasTestPaths.factoryShare.appendingPathComponent("zynaddsubfx/banks/Organ/0013-Organ 13.xiz")
        let patch = try ZynAddSubFXInstrument.read(url, schema: schema)
        #expect(patch.attributes["zyn.version"] == "3.0.6")
        #expect(patch.values["add.volume"] == 79 && patch.values["add.filter.freq"] == 76 && patch.values["voice0.volume"] == 100)
        #expect(patch.attributes[ZynAddSubFXInstrument.unknownParametersAttribute] == nil)
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
