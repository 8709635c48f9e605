// Organic against LMMS 1.2.2's own renders (Tests/Fixtures/lmms-instrument-references/organic, stored in stereo):
// the factory presets whose track adds nothing and six random settings on such a track. LMMS starts every
// oscillator of every note, on each channel, at a random phase (rand(), seeded from the clock), so the match is
// statistical. Each channel alone has the same spectrum whatever the phases (distance per channel); the mono
// downmix does not, since it adds the channels' oscillators at random relative phases, so there our renders over
// several seeds must sit as close to LMMS's render as they sit to each other.
import Features
import Foundation
import Testing
@testable import Synthesis

@Suite struct OrganicFidelityTests {
    static let fixture = LMMSInstrumentFixture("organic")
    static let bare = ["organ_blues", "organ_risingsun", "puresine"] + (0..<6).map { String(format: "random-%02d", $0) }
    static let seeds: [UInt64] = [1, 2, 3, 4]

    /// Factory presets without effects or arpeggio whose track shapes the sound (envelopes, filter, chords).
    static let shaped = ["Rubberband", "organ_swish", "pad_ethereal", "pad_rich", "pad_sweep", "sequencer_64"]

    /// Our render's two channels, stored as the fixtures are: on a bare track, or (`shaped`) through the track.
    static func render(_ name: String, seed: UInt64, shaped: Bool = false) throws -> [[Float]] {
        let text = try fixture.text(name)
        let organic = OrganicSettings(saved: LMMSInstrumentFixture.attributes("organic", in: text).compactMapValues { Float($0) })
        var settings = LMMSInstrumentFixture.settings
        settings.seed = seed
        let audio: AudioBuffer
        if shaped {
            let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            audio = LMMSInstrumentTrackRenderer(track: try LMMSInstrumentFixture.trackSettings(in: text, root: root),
                                                instrument: OrganicInstrument(organic, sampleRateHz: 44_100, seed: seed),
                                                render: settings, lfoUserWaves: [[], [], []], effects: nil).run()
        } else {
            audio = OrganicRenderer.render(organic, track: LMMSInstrumentFixture.track(in: text), settings: settings)
        }
        return audio.channels.map(LMMSInstrumentFixture.storedLikeFixture)
    }

    static func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
    static func mono(_ c: [[Float]]) -> [Float] { zip(c[0], c[1]).map { ($0 + $1) / 2 } }

    /// RMS level in dB over the held part of the note (0.1 to 0.9 s).
    static func heldLevelDB(_ x: [Float]) -> Double {
        let held = x[4410..<39690]
        return 10 * log10(held.reduce(0) { $0 + Double($1) * Double($1) } / Double(held.count))
    }

    /// Per preset, the median distance of our renders over the seeds to LMMS's and to each other, per channel and
    /// in mono; checks that LMMS's render is as close as our seeds are to each other.
    static func expectStatisticalMatch(_ names: [String], shaped: Bool) throws {
        var perChannel: [Double] = [], channelBetweenSeeds: [Double] = []
        var monoToLMMS: [Double] = [], monoBetweenSeeds: [Double] = []
        for name in names {
            let text = try fixture.text(name)
            #expect(!text.contains("<effect ") && !text.contains("arp-enabled=\"1\""), "\(name) has effects or an arpeggio")
            if !shaped { #expect(LMMSInstrumentFixture.trackIsBare(text), "\(name): its track shapes the sound") }
            let lmms = try fixture.lmmsChannels(name)
            #expect(lmms.count == 2 && (lmms[0].map(abs).max() ?? 0) > 0.05, "\(name): not a stereo render with sound")
            let ours = try seeds.map { try render(name, seed: $0, shaped: shaped) }
            #expect(ours[0][0].count == lmms[0].count)
            perChannel.append(median(ours.flatMap { o in (0..<2).map { ReferenceDistance.distance(o[$0], lmms[$0]) } }))
            channelBetweenSeeds.append(median((1..<ours.count).flatMap { k in
                (0..<2).map { ReferenceDistance.distance(ours[0][$0], ours[k][$0]) }
            }))
            monoToLMMS.append(median(ours.map { ReferenceDistance.distance(mono($0), mono(lmms)) }))
            monoBetweenSeeds.append(median((1..<ours.count).map { ReferenceDistance.distance(mono(ours[0]), mono(ours[$0])) }))
            if name.hasPrefix("organ_") || name == "puresine" {
                // Distinct harmonics: a channel's level does not depend on the phases.
                for c in 0..<2 {
                    let difference = heldLevelDB(ours[0][c]) - heldLevelDB(lmms[c])
                    #expect(abs(difference) < 0.1, "\(name) channel \(c): level \(difference) dB from LMMS")
                }
            }
        }
        func show(_ v: [Double]) -> [String] { v.map { String(format: "%.3f", $0) } }
        print("Organic \(shaped ? "shaped" : "bare") per channel: to LMMS", show(perChannel), "between our seeds", show(channelBetweenSeeds))
        print("Organic \(shaped ? "shaped" : "bare") mono: to LMMS", show(monoToLMMS), "between our seeds", show(monoBetweenSeeds))
        // Sparse sine spectra make the distance phase-dependent: LMMS's own two channels of puresine (same settings,
        // other phases) are 0.151 apart. So the bound is our own spread over seeds, not the issue's 0.05.
        for (i, name) in names.enumerated() {
            #expect(perChannel[i] <= 1.25 * channelBetweenSeeds[i] + 0.01,
                    "\(name): \(perChannel[i]) per channel to LMMS, \(channelBetweenSeeds[i]) between our seeds")
            #expect(monoToLMMS[i] <= 1.25 * monoBetweenSeeds[i] + 0.01,
                    "\(name): mono \(monoToLMMS[i]) to LMMS, \(monoBetweenSeeds[i]) between our seeds")
        }
    }

    @Test func bareOrganicMatchesLMMSStatistically() throws {
        try Self.expectStatisticalMatch(Self.bare, shaped: false)
    }

    @Test func factoryPresetsOnTheirTrackMatchLMMSStatistically() throws {
        try Self.expectStatisticalMatch(Self.shaped, shaped: true)
    }

    @Test func oldPresetsLoadAsLMMS122Does() {
        // `detune<i>` (old presets): 1.2.2 reads "detune", which is absent, so no detune; harmonic i for oscillator i.
        let old = OrganicSettings(saved: ["detune0": 3, "harmonic0": 0.5, "vol0": 80])
        #expect(old.oscillators[0].detuneCents == 0 && old.oscillators[0].harmonic == 0 && old.oscillators[0].volume == 80)
        let new = OrganicSettings(saved: ["newdetune1": 7, "newharmonic1": 5.9])
        #expect(new.oscillators[1].detuneCents == 7 && new.oscillators[1].harmonic == 5)
    }
}
