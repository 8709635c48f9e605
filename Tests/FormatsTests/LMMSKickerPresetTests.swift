// Kicker presets through the LMMS reader: the instrument picks the format (same .xpf extension), kicker.cpp's
// load rules for old files, and the track ids every LMMS synth's schema shares.
import Foundation
import Synthesis
import Testing
import TestSupport
@testable import Formats

@Suite struct LMMSKickerPresetTests {
    static let schema = TestSchemas.required("kicker")

    static func preset(_ kicker: String, instrument: String = "kicker") -> String {
        """
        <?xml version="1.0"?>
        <lmms-project version="1.0" creator="LMMS" creatorversion="1.2.2" type="instrumenttracksettings">
          <instrumenttracksettings name="Kick">
            <instrumenttrack pan="0" pitch="0" basenote="57" vol="90">
              <instrument name="\(instrument)"><\(instrument) \(kicker)/></instrument>
              <eldata fres="0.5" ftype="8" fcut="2765" fwet="1"><elvol amt="0.5"/></eldata>
            </instrumenttrack>
          </instrumenttracksettings>
        </lmms-project>
        """
    }

    static func parse(_ kicker: String) throws -> Patch {
        try LMMSPreset.parse(Data(preset(kicker).utf8), fileName: "k.xpf", directory: nil, schema: schema)
    }

    @Test func theInstrumentPicksTheFormat() {
        let kick = Data(Self.preset("decay=\"300\" version=\"1\"").utf8)
        let triple = Data(Self.preset("vol0=\"100\"", instrument: "tripleoscillator").utf8)
        let formats: [PresetFormat] = [.lmmsTripleOscillator, .lmmsKicker]
        #expect(PresetLoader.format(of: kick, among: formats)?.synthID == "kicker")
        #expect(PresetLoader.format(of: triple, among: formats)?.synthID == "tripleoscillator")
        // An instrument without a format of its own still goes to TripleOscillator's reader, which names it.
        let other = Data(Self.preset("x=\"1\"", instrument: "sid").utf8)
        #expect(PresetLoader.format(of: other, among: formats)?.synthID == "tripleoscillator")
        #expect(LMMSPreset.instrumentName(in: kick) == "kicker")
        #expect(LMMSPreset.instrumentName(in: Data("<lmms-project/>".utf8)) == nil)
    }

    @Test func readsTheInstrumentAndTheTrack() throws {
        let patch = try Self.parse("startfreq=\"330\" decay=\"40\" dist=\"100\" distend=\"0.8\" gain=\"0.75\" version=\"1\" startnote=\"1\"")
        #expect(patch.synthID == "kicker")
        #expect(patch.values["kicker.startfreq"] == 330 && patch.values["kicker.decay"] == 40)
        #expect(patch.values["kicker.dist"] == 100 && patch.values["kicker.distend"] == 0.8)
        #expect(patch.values["kicker.startnote"] == 1)
        #expect(patch.values["track.vol"] == 90 && patch.values["eldata.ftype"] == 8 && patch.values["elvol.amt"] == 0.5)
    }

    @Test func oldPresetsFollowKickersLoadRules() throws {
        // No "distend": both ends take "dist". No version (LMMS < 1.1): 1.33 x the length, envelope and frequency
        // slope 1, no click, never from the note.
        let old = try Self.parse("startfreq=\"120\" decay=\"300\" dist=\"2\" env=\"0.5\" click=\"0.4\" startnote=\"1\"")
        #expect(old.values["kicker.distend"] == 2)
        #expect(abs((old.values["kicker.decay"] ?? 0) - 399) < 1e-3)
        #expect(old.values["kicker.env"] == 1 && old.values["kicker.slope"] == 1 && old.values["kicker.click"] == 0)
        #expect(old.values["kicker.startnote"] == 0)
        // Version 0 keeps the knobs but never starts from the note.
        let zero = try Self.parse("decay=\"300\" dist=\"2\" distend=\"0.5\" startnote=\"1\" version=\"0\"")
        #expect(zero.values["kicker.decay"] == 300 && zero.values["kicker.distend"] == 0.5)
        #expect(zero.values["kicker.startnote"] == 0)
        let current = try Self.parse("decay=\"300\" startnote=\"1\" version=\"1\"")
        #expect(current.values["kicker.startnote"] == 1)
    }

    @Test func everyLMMSSchemaCarriesTheSameTrackParameters() throws {
        // The track around an instrument is the same in LMMS whatever the instrument, so its ids, ranges and
        // defaults must be too (LMMSTrackSettings reads them for every LMMS engine).
        let reference = TestSchemas.required("tripleoscillator").parameters.filter { !$0.id.hasPrefix("tripleoscillator.") }
        #expect(reference.count > 60)
        let synths = try FileManager.default.contentsOfDirectory(atPath: TestPaths.package("Synths").path)
            .filter { $0.hasSuffix(".xml") }.map { String($0.dropLast(4)) }
        for id in synths {
            let schema = try TestSchemas.load(id)
            guard schema.tool == "LMMS 1.2.2", id != "tripleoscillator" else { continue }
            for spec in reference {
                #expect(schema.parameter(spec.id) == spec, "Synths/\(id).xml: track parameter \(spec.id) differs from tripleoscillator.xml's")
            }
        }
    }
}
