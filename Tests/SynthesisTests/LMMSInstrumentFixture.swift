// LMMS 1.2.2's renders of one of its instruments (Tests/Fixtures/lmms-instrument-references/<folder>, made by
// scripts/lmms_instrument_references.py): each preset's saved attributes and LMMS's render at LMMS's own scale.
import Features
import Formats
import Foundation
@testable import Synthesis

struct LMMSInstrumentFixture {
    let folder: URL
    /// The fixtures' render settings (their README): MIDI 69, note volume 100, a 2-beat note at 120 BPM, 1.5 s.
    static let settings = RenderSettings(note: 69, velocity: 100, holdSeconds: 1, tailSeconds: 0.5, sampleRateHz: 44_100)
    /// The stored FLACs are LMMS's output times this (the manifest's `stored_scale`).
    static let storedScale: Float = 0.125

    init(_ name: String) {
        folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/lmms-instrument-references/\(name)")
    }

    func text(_ preset: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(preset + ".xpf"), encoding: .utf8)
    }

    /// Attributes of the first `<tag ...>` element in a preset's text, as saved.
    static func attributes(_ tag: String, in text: String) -> [String: String] {
        guard let open = text.range(of: "<\(tag) "), let close = text[open.upperBound...].range(of: ">") else { return [:] }
        let element = String(text[open.upperBound..<close.lowerBound])
        var result: [String: String] = [:]
        let pattern = try! NSRegularExpression(pattern: "([A-Za-z0-9_-]+)=\"([^\"]*)\"")
        for m in pattern.matches(in: element, range: NSRange(element.startIndex..., in: element)) {
            result[String(element[Range(m.range(at: 1), in: element)!])] = String(element[Range(m.range(at: 2), in: element)!])
        }
        return result
    }

    static func track(in text: String) -> LMMSInstrumentTrack {
        let t = attributes("instrumenttrack", in: text).compactMapValues { Float($0) }
        return LMMSInstrumentTrack(baseNote: Int(t["basenote"] ?? 57), pitchCents: t["pitch"] ?? 0,
                                   volume: t["vol"] ?? 100, panning: t["pan"] ?? 0)
    }

    /// Whether the track leaves the instrument's sound alone: envelope and LFO amounts 0, filter off, no
    /// arpeggio, chord or effects.
    static func trackIsBare(_ text: String) -> Bool {
        let amounts = ["elvol", "elcut", "elres"].flatMap { tag in
            ["amt", "lamt"].map { Float(attributes(tag, in: text)[$0] ?? "0") ?? 1 }
        }
        return amounts.allSatisfy { $0 == 0 } && attributes("eldata", in: text)["fwet"].flatMap { Float($0) } ?? 0 == 0
            && attributes("arpeggiator", in: text)["arp-enabled"] != "1"
            && attributes("chordcreator", in: text)["chord-enabled"] != "1" && !text.contains("<effect ")
    }

    /// A render as the fixtures store it: times the stored scale, rounded to 24 bits, back to LMMS's scale (so
    /// distances do not count the fixture's quantisation in quiet tails).
    static func storedLikeFixture(_ samples: [Float]) -> [Float] {
        samples.map { (min(max($0 * storedScale, -1), 1) * 8_388_608).rounded() / 8_388_608 / storedScale }
    }

    /// LMMS's render at its own scale, each channel (fixtures made with `--stereo`).
    func lmmsChannels(_ preset: String) throws -> [[Float]] {
        try AudioFile.read(folder.appendingPathComponent(preset + ".flac")).channels.map { $0.map { $0 / Self.storedScale } }
    }

    /// LMMS's mono render at its own scale.
    func lmms(_ preset: String) throws -> [Float] {
        try AudioFile.read(folder.appendingPathComponent(preset + ".flac")).mono.map { $0 / Self.storedScale }
    }
}

extension LMMSInstrumentFixture {
    /// The preset's track (volume, tuning, envelopes, LFOs, filter, chords, arpeggio) as LMMS saved it, read through
    /// the track ids TripleOscillator's schema shares with every LMMS synth (presets from LMMS 1.0 on; the version
    /// upgrades of older files are the preset reader's).
    static func trackSettings(in text: String, root: URL) throws -> LMMSTrackSettings {
        let schema = try SynthDefinition.load(root.appendingPathComponent("Synths/tripleoscillator.xml"))
        var specs: [String: ParameterSpec] = [:]
        for p in schema.parameters where !p.id.hasPrefix("tripleoscillator.") { specs[p.id] = p }
        var values: [String: Double] = [:]
        for (name, value) in attributes("instrumenttrack", in: text) { values["track.\(name)"] = Double(value) }
        for tag in ["eldata", "elvol", "elcut", "elres", "chordcreator", "arpeggiator"] {
            for (name, value) in attributes(tag, in: text) { values["\(tag).\(name)"] = Double(value) }
            // EnvelopeAndLfoParameters::loadSettings: files of this age store the sustain reversed as "sus".
            if let sus = values["\(tag).sus"] { values["\(tag).sustain"] = 1 - sus }
        }
        let patch = Patch(synthID: "tripleoscillator", name: "track", values: values.filter { specs[$0.key] != nil })
        return LMMSTrackSettings(SchemaValues(patch: patch, specs: specs), tempoBPM: 120)
    }
}
