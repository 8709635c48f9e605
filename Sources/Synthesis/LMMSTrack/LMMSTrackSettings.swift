// What an LMMS 1.2.2 instrument track adds around any instrument, decoded once per render from the ids every
// LMMS synth's schema shares (`track.*`, `eldata.*`, `elvol/elcut/elres.*`, `chordcreator.*`, `arpeggiator.*`;
// src/tracks/InstrumentTrack.cpp, src/core/InstrumentSoundShaping.cpp, src/core/InstrumentFunctions.cpp).

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The track's volume, panning, tuning, envelopes/LFOs, filter, chord and arpeggio settings.
struct LMMSTrackSettings {
    var trackVolume: Float, trackPan: Float, baseNote: Int, pitchCents: Float
    var filterOn: Bool, filterType: LMMSFilterType, cutoffHz: Float, resonance: Float
    var volumeEnvelope: EnvelopeLFOSettings, cutoffEnvelope: EnvelopeLFOSettings, resonanceEnvelope: EnvelopeLFOSettings
    var chordsOn: Bool, chord: Int, chordRange: Int
    var arpOn: Bool, arpChord: Int, arpRange: Int, arpCycle: Int, arpSkipPercent: Float, arpMissPercent: Float
    var arpTimeMs: Float, arpGatePercent: Float, arpDirection: Int
    /// 0 free, 1 sort, 2 sync.
    var arpMode: Int

    /// LMMS `TempoSyncKnobModel::calculateTempoSyncTime`: note length factor per sync mode (custom: den/num).
    static func syncFactor(mode: Int, numerator: Double, denominator: Double) -> Float? {
        switch mode {
        case 1: return 0.125
        case 2: return 0.25
        case 3: return 0.5
        case 4: return 1
        case 5: return 2
        case 6: return 4
        case 7: return 8
        case 8: return Float(max(denominator, 1)) / Float(max(numerator, 1))  // float division, as LMMS
        default: return nil
        }
    }

    /// The knob value LMMS sets for a tempo sync, with its float/double steps: `bpm * factor * scale` is a
    /// float product (bpm_t is an integer, the factor and scale floats), 60000.0 divided by it is double and
    /// stored as a float, then scaled by the knob's maximum in float (the last frame of an arpeggio step and an
    /// LFO's period depend on it: at 90 BPM and 6/4 the double product gives 44,099 frames where LMMS has 44,100).
    static func tempoSyncedValue(tempoBPM: Float, factor: Float, scale: Float, maximum: Float) -> Float {
        let product: Float = tempoBPM * factor * scale  // LMMS tempos are whole numbers; ours may not be
        let oneUnit = Float(60000.0 / Double(product))
        return oneUnit * maximum
    }

    /// Reads the shared track ids through the patch's schema (unknown ids are recorded in `values`).
    init(_ values: SchemaValues, tempoBPM: Float) {
        func v(_ id: String) -> Double { values.value(id) }
        func f(_ id: String) -> Float { Float(v(id)) }
        func i(_ id: String) -> Int { Int(v(id).rounded()) }

        trackVolume = f("track.vol")
        trackPan = f("track.pan")
        baseNote = i("track.basenote")
        pitchCents = f("track.pitch")

        filterOn = v("eldata.fwet") >= 0.5
        filterType = LMMSFilterType(rawValue: i("eldata.ftype")) ?? .lowPass
        cutoffHz = f("eldata.fcut")
        resonance = f("eldata.fres")

        func envelope(_ el: String) -> EnvelopeLFOSettings {
            var speed = f("\(el).lspd")
            if let factor = Self.syncFactor(mode: i("\(el).lspd_syncmode"), numerator: v("\(el).lspd_numerator"),
                                            denominator: v("\(el).lspd_denominator")) {
                // Speed knob max 1.0 with scale 20000 ms: one unit = 60000 / (bpm * factor * 20000).
                speed = min(max(Self.tempoSyncedValue(tempoBPM: tempoBPM, factor: factor, scale: 20000, maximum: 1), 0.001), 1)
            }
            return EnvelopeLFOSettings(
                predelay: f("\(el).pdel"), attack: f("\(el).att"), hold: f("\(el).hold"), decay: f("\(el).dec"),
                sustain: f("\(el).sustain"), release: f("\(el).rel"), amount: f("\(el).amt"),
                lfoShape: i("\(el).lshp"), lfoPredelay: f("\(el).lpdel"), lfoAttack: f("\(el).latt"),
                lfoSpeed: speed, lfoAmount: f("\(el).lamt"), lfoTimes100: v("\(el).x100") >= 0.5,
                lfoModulatesEnvelopeAmount: v("\(el).ctlenvamt") >= 0.5)
        }
        volumeEnvelope = envelope("elvol")
        cutoffEnvelope = envelope("elcut")
        resonanceEnvelope = envelope("elres")

        chordsOn = v("chordcreator.chord-enabled") >= 0.5
        chord = i("chordcreator.chord")
        chordRange = max(1, i("chordcreator.chordrange"))
        arpOn = v("arpeggiator.arp-enabled") >= 0.5
        arpChord = i("arpeggiator.arp")
        arpRange = max(1, i("arpeggiator.arprange"))
        arpCycle = i("arpeggiator.arpcycle")
        arpSkipPercent = f("arpeggiator.arpskip")
        arpMissPercent = f("arpeggiator.arpmiss")
        var arpTime = f("arpeggiator.arptime")
        if let factor = Self.syncFactor(mode: i("arpeggiator.arptime_syncmode"),
                                        numerator: v("arpeggiator.arptime_numerator"),
                                        denominator: v("arpeggiator.arptime_denominator")) {
            arpTime = min(max(Self.tempoSyncedValue(tempoBPM: tempoBPM, factor: factor, scale: 2000, maximum: 2000), 25), 2000)
        }
        arpTimeMs = arpTime
        arpGatePercent = f("arpeggiator.arpgate")
        arpDirection = i("arpeggiator.arpdir")
        arpMode = i("arpeggiator.arpmode")
    }
}
