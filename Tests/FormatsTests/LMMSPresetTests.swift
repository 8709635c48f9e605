// The LMMS .xpf reader: current and legacy layouts, LMMS's load-time conversions, qCompress'd files,
// one-line errors for everything else, and the whole factory bank when it is installed.
import CZlib
import Foundation
import Synthesis
import Testing
import TestSupport
@testable import Formats

/// The package root and the tripleoscillator schema, found from this file's path.
enum LMMSTestSupport {
    static let packageRoot = TestPaths.packageRoot
    static let schema = TestSchemas.required("tripleoscillator")
    static let factory = TestPaths.factory("usr/share/lmms/presets/TripleOscillator")
    static var factoryPresent: Bool { FileManager.default.fileExists(atPath: factory.appendingPathComponent("TB303.xpf").path) }

    static func parse(_ xml: String, directory: URL? = nil, upgrades: LMMSPreset.Upgrades = LMMSPreset.defaultUpgrades) throws -> Patch {
        try LMMSPreset.parse(Data(xml.utf8), fileName: "test.xpf", directory: directory, schema: schema, upgrades: upgrades)
    }
}

@Suite struct LMMSPresetTests {
    let current = """
    <?xml version="1.0"?>
    <!DOCTYPE lmms-project>
    <lmms-project version="1.0" creator="LMMS" creatorversion="1.2.2" type="instrumenttracksettings">
      <head/>
      <instrumenttracksettings muted="0" type="0" name="Test Lead">
        <instrumenttrack pan="-20" pitch="0" basenote="69" vol="80">
          <instrument name="tripleoscillator">
            <tripleoscillator vol0="100" wavetype0="2" coarse1="7" finel2="-14.5" modalgo1="4" userwavefile0=""/>
          </instrument>
          <eldata fres="0.76" ftype="6" fwet="1">
            <fcut value="1234" id="42"/>
            <elvol amt="1" att="0.25" sustain="0.3" rel="0.5" lspd="0.2" lspd_syncmode="4" dec="0.1"/>
            <elcut amt="0.5" sus="0.25"/>
          </eldata>
          <chordcreator chord="3" chordrange="2" chord-enabled="1"/>
          <arpeggiator arptime="150" arp-enabled="0" arpdir="3" syncmode="5" arptime_numerator="4"/>
          <fxchain numofeffects="1" enabled="1"><effect name="ladspaeffect"/></fxchain>
        </instrumenttrack>
      </instrumenttracksettings>
    </lmms-project>
    """

    @Test func readsCurrentLayoutIntoSchemaIDs() throws {
        let patch = try LMMSTestSupport.parse(current)
        #expect(patch.synthID == "tripleoscillator")
        #expect(patch.name == "Test Lead")
        #expect(patch.values["track.vol"] == 80)
        #expect(patch.values["track.pan"] == -20)
        #expect(patch.values["track.basenote"] == 69)
        #expect(patch.values["tripleoscillator.wavetype0"] == 2)
        #expect(patch.values["tripleoscillator.coarse1"] == 7)
        #expect(patch.values["tripleoscillator.finel2"] == -14.5)
        #expect(patch.values["tripleoscillator.modalgo1"] == 4)
        #expect(patch.values["eldata.ftype"] == 6)
        #expect(patch.values["elvol.lspd_syncmode"] == 4)
        #expect(patch.values["chordcreator.chord"] == 3)
        #expect(patch.attributes["fx_effects"] == "1")
        // Not in the file: left for the schema default.
        #expect(patch.values["tripleoscillator.vol1"] == nil)
    }

    @Test func childElementValueWinsOverAttribute() throws {
        // AutomatableModel::loadSettings reads <fcut value=…> when present.
        #expect(try LMMSTestSupport.parse(current).values["eldata.fcut"] == 1234)
    }

    @Test func reversedSustainOfOldFilesIsConverted() throws {
        #expect(try LMMSTestSupport.parse(current).values["elcut.sustain"] == 0.75)
        #expect(try LMMSTestSupport.parse(current).values["elvol.sustain"] == 0.3)
    }

    @Test func upgradesFollowTheChosenRule() throws {
        // creatorversion 1.2.2: no upgrade either way.
        let asIs = try LMMSTestSupport.parse(current, upgrades: .byCreatorVersion)
        #expect(asIs.values["arpeggiator.arpdir"] == 3)
        #expect(asIs.values["arpeggiator.arptime_syncmode"] == nil)
        // An older file opened by LMMS itself: arpdir 3 and 4 swap (1.1.91), syncmode becomes a tempo sync (1.2.0-rc2.42).
        let old = current.replacingOccurrences(of: "creatorversion=\"1.2.2\"", with: "creatorversion=\"1.0.2\"")
        let upgraded = try LMMSTestSupport.parse(old, upgrades: .byCreatorVersion)
        #expect(upgraded.values["arpeggiator.arpdir"] == 4)
        #expect(upgraded.values["arpeggiator.arptime_syncmode"] == 5)
        // As the reference renders were made: current-layout files are not upgraded.
        let reference = try LMMSTestSupport.parse(old, upgrades: .legacyLayoutOnly)
        #expect(reference.values["arpeggiator.arpdir"] == 3)
    }

    @Test func readsLegacyChannelSettingsLayout() throws {
        let legacy = """
        <?xml version="1.0"?>
        <multimediaproject creator="Linux MultiMedia Studio (LMMS)" creatorversion="0.0.9" type="channelsettings" version="1.0">
          <head/>
          <channelsettings>
            <channeltrack muted="0" vol="100" name="Old Bass" baseoct="5" basetone="9">
              <tripleoscillator vol0="100" wavetype1="2" modalgo2="3" userwavefile0="samples/empty.wav"/>
              <eldata fres="0.84" ftype="6" fcut="216" fwet="1">
                <elvol amt="1" sus="0" dec="0.297"/>
              </eldata>
              <arpandchords chordrange="1" arprange="3" chord="0" arp="8" arptime="100" arpdir="2"/>
            </channeltrack>
          </channelsettings>
        </multimediaproject>
        """
        let patch = try LMMSTestSupport.parse(legacy)
        #expect(patch.values["tripleoscillator.modalgo2"] == 3)
        // 0.2.1-20070508: old track volumes are scaled by 0.585786438 and rounded.
        #expect(patch.values["track.vol"] == 59)
        #expect(patch.values["elvol.sustain"] == 1)
        // arpdir 2 became 1 (20070501), enabled the arpeggio (20070508), then 0 (0.3.0-rc2).
        #expect(patch.values["arpeggiator.arp-enabled"] == 1)
        #expect(patch.values["arpeggiator.arpdir"] == 0)
        #expect(patch.values["chordcreator.chord-enabled"] == 1)
        #expect(patch.values["arpeggiator.arp"] == 8)
    }

    /// qCompress framing: 4-byte big-endian length, then a zlib stream.
    private func qCompress(_ text: String) -> Data {
        let bytes = Array(text.utf8)
        var length = compressBound(uLong(bytes.count))
        var out = [UInt8](repeating: 0, count: Int(length))
        _ = compress(&out, &length, bytes, uLong(bytes.count))
        let n = UInt32(bytes.count)
        return Data([UInt8(n >> 24), UInt8(n >> 16 & 0xff), UInt8(n >> 8 & 0xff), UInt8(n & 0xff)] + out.prefix(Int(length)))
    }

    @Test func readsQtCompressedPreset() throws {
        let data = qCompress(current)
        #expect(PresetLoader.format(of: data, among: [.dx7, .lmmsTripleOscillator])?.synthID == "tripleoscillator")
        let patch = try LMMSPreset.parse(data, fileName: "c.xpf", directory: nil, schema: LMMSTestSupport.schema)
        #expect(patch.values["track.vol"] == 80)
    }

    private func problem(_ body: () throws -> Patch) -> String? {
        do { _ = try body(); return nil } catch { return "\(error)" }
    }

    @Test func otherInstrumentIsOneClearLine() {
        let bitinvader = current.replacingOccurrences(of: "<instrument name=\"tripleoscillator\">", with: "<instrument name=\"bitinvader\">")
            .replacingOccurrences(of: "<tripleoscillator ", with: "<bitinvader ")
        let message = problem { try LMMSTestSupport.parse(bitinvader) }
        #expect(message == "test.xpf: uses instrument 'bitinvader', not supported")
    }

    @Test func notLMMSXMLIsOneClearLine() {
        for bad in ["", "garbage \u{0} bytes", "<svg/>", "<lmms-project><head/></lmms-project>", String(current.prefix(300))] {
            let message = problem { try LMMSTestSupport.parse(bad) }
            #expect(message?.hasPrefix("test.xpf: ") == true, "input \(bad.prefix(20)) gave \(String(describing: message))")
            #expect(message?.contains("\n") == false)
        }
        // A qCompress header followed by junk.
        let junk = Data([0, 0, 1, 0, 0x78, 0x9C, 1, 2, 3, 4, 5])
        #expect(throws: PresetError.self) { try LMMSPreset.parse(junk, fileName: "j.xpf", directory: nil, schema: LMMSTestSupport.schema) }
    }

    @Test func missingUserWaveFileIsOneClearLine() {
        let user = current.replacingOccurrences(of: "wavetype0=\"2\"", with: "wavetype0=\"7\"")
            .replacingOccurrences(of: "userwavefile0=\"\"", with: "userwavefile0=\"shapes/nowhere.wav\"")
        let message = problem { try LMMSTestSupport.parse(user, directory: URL(fileURLWithPath: "/nonexistent")) }
        #expect(message == "test.xpf: user wave file 'shapes/nowhere.wav' of oscillator 1 not found")
    }

    @Test func missingLFOUserWaveIsOneClearLine() {
        let user = current.replacingOccurrences(of: "<elcut amt=\"0.5\" sus=\"0.25\"/>",
                                                with: "<elcut amt=\"0.5\" lshp=\"4\" userwavefile=\"shapes/gone.wav\"/>")
        let message = problem { try LMMSTestSupport.parse(user, directory: URL(fileURLWithPath: "/nonexistent")) }
        #expect(message == "test.xpf: user wave file 'shapes/gone.wav' of the cutoff LFO not found")
    }

    @Test func hostileNumbersStayOutOfTheEngine() throws {
        let hostile = current.replacingOccurrences(of: "vol0=\"100\"", with: "vol0=\"nan\"")
            .replacingOccurrences(of: "coarse1=\"7\"", with: "coarse1=\"1e308\"")
        let patch = try LMMSTestSupport.parse(hostile)
        let spec = try #require(LMMSTestSupport.schema.parameter("tripleoscillator.vol0"))
        #expect(patch.value(spec) == spec.defaultValue)
        let coarse = try #require(LMMSTestSupport.schema.parameter("tripleoscillator.coarse1"))
        #expect(patch.value(coarse) == 24)
    }

    @Test(.enabled(if: LMMSTestSupport.factoryPresent, "factory presets absent: run scripts/install-deps.sh"))
    func readsEveryFactoryPreset() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: LMMSTestSupport.factory.path).filter { $0.hasSuffix(".xpf") }
        #expect(files.count == 72)
        for file in files {
            let patch = try LMMSPreset.read(LMMSTestSupport.factory.appendingPathComponent(file), schema: LMMSTestSupport.schema)
            #expect(patch.values["tripleoscillator.wavetype0"] != nil, "\(file)")
        }
        // A preset of another instrument from the same bank gives the one-line refusal.
        let bitinvader = LMMSTestSupport.factory.deletingLastPathComponent().appendingPathComponent("BitInvader")
        if let other = try? FileManager.default.contentsOfDirectory(atPath: bitinvader.path).first(where: { $0.hasSuffix(".xpf") }) {
            let message = problem { try LMMSPreset.read(bitinvader.appendingPathComponent(other), schema: LMMSTestSupport.schema) }
            #expect(message?.hasSuffix("uses instrument 'bitinvader', not supported") == true)
        }
    }

    @Test func schemaMatchesLMMSDefaults() throws {
        let s = LMMSTestSupport.schema
        #expect(s.parameters.count > 90)
        // Values read from LMMS 1.2.2's source (TripleOscillator.cpp, InstrumentSoundShaping.cpp, EnvelopeAndLfoParameters.cpp).
        #expect(s.parameter("tripleoscillator.vol0")?.defaultValue == 33)
        #expect(s.parameter("tripleoscillator.coarse2")?.defaultValue == -24)
        #expect(s.parameter("tripleoscillator.modalgo1")?.defaultValue == 2)
        #expect(s.parameter("eldata.fcut")?.defaultValue == 14000)
        #expect(s.parameter("elvol.hold")?.defaultValue == 0.5)
        #expect(s.parameter("elvol.rel")?.defaultValue == 0.1)
        #expect(s.parameter("arpeggiator.arptime")?.defaultValue == 200)
        #expect(s.parameter("track.basenote")?.defaultValue == 57)
        #expect(s.parameter("chordcreator.chord")?.choices.count == 95)
    }
}
