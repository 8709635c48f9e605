// LMMS 1.2.2 Watsyn's settings (plugins/watsyn/Watsyn.cpp): four wavetable oscillators A1 A2 B1 B2, each with
// volume, panning, a frequency multiplier (n/8 of the note) and a detune per channel; A2 modulates A1 and B2
// modulates B1 (mix, AM, RM or PM); A1 leaks into B2 (crosstalk); the A and B outputs are crossfaded by the A-B mix
// knob, which an attack-hold-decay envelope may move at the start of a note.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public struct WatsynSettings: Sendable, Equatable {
    /// How the second oscillator of a pair acts on the first (the A2-A1 and B2-B1 button groups).
    public enum Modulation: Int, Sendable {
        case mix = 0, amplitude, ring, phase
    }

    public struct Oscillator: Sendable, Equatable {
        /// The drawn wave, GRAPHLEN points.
        public var drawn: [Float] = WatsynWave.constructorSine
        public var volume: Float = 100, panning: Float = 0, multiplier: Float = 8
        public var leftDetuneCents: Float = 0, rightDetuneCents: Float = 0

        /// leftCh / rightCh: the channel's gain, computed in double and kept as float.
        var leftGain: Float { Float((panning <= 0 ? 1.0 : 1.0 - Double(panning) / 100.0) * Double(volume) / 100.0) }
        var rightGain: Float { Float((panning >= 0 ? 1.0 : 1.0 + Double(panning) / 100.0) * Double(volume) / 100.0) }
        /// updateFreq*: the channel's frequency as a multiple of the note's, in float.
        var leftRatio: Float { (multiplier / 8) * powf(2, leftDetuneCents / 1200) }
        var rightRatio: Float { (multiplier / 8) * powf(2, rightDetuneCents / 1200) }
    }

    /// The oscillators' names in LMMS's order, also their attribute prefixes.
    public static let oscillatorNames = ["a1", "a2", "b1", "b2"]

    /// A1, A2, B1, B2.
    public var oscillators = [Oscillator](repeating: Oscillator(), count: 4)
    public var aModulation = Modulation.mix, bModulation = Modulation.mix
    /// -100 (only A) ... 100 (only B).
    public var abMix: Float = 0
    /// What the envelope adds to the mix at its peak, -200...200; 0 switches it off.
    public var envelopeAmount: Float = 0
    public var envelopeAttackMs: Float = 0, envelopeHoldMs: Float = 0, envelopeDecayMs: Float = 0
    /// Percent of A1 added to B2, 0...100.
    public var crosstalk: Float = 0

    public init() {}

    /// The settings of a patch of `Synths/watsyn.xml` (ids `watsyn.<attribute>`, clamped by the schema) with its
    /// drawn waves (`waves[name]`: LMMS's base64 text of `<name>_wave`; nil: the constructor's sine), at the song's
    /// tempo (envelope times synced to it).
    init(_ values: SchemaValues, waves: [String: String], tempoBPM: Float) {
        for (i, name) in Self.oscillatorNames.enumerated() {
            let knob = { (attribute: String) -> Float in Float(values.value("watsyn.\(name)_\(attribute)")) }
            oscillators[i] = Oscillator(drawn: WatsynWave.drawn(waves[name]), volume: knob("vol"), panning: knob("pan"),
                                        multiplier: knob("mult"), leftDetuneCents: knob("ltune"),
                                        rightDetuneCents: knob("rtune"))
        }
        aModulation = Modulation(rawValue: Int(values.value("watsyn.amod").rounded())) ?? .mix
        bModulation = Modulation(rawValue: Int(values.value("watsyn.bmod").rounded())) ?? .mix
        abMix = Float(values.value("watsyn.abmix"))
        envelopeAmount = Float(values.value("watsyn.envAmt"))
        envelopeAttackMs = Self.envelopeTime("envAtt", values, tempoBPM: tempoBPM)
        envelopeHoldMs = Self.envelopeTime("envHold", values, tempoBPM: tempoBPM)
        envelopeDecayMs = Self.envelopeTime("envDec", values, tempoBPM: tempoBPM)
        crosstalk = Float(values.value("watsyn.xtalk"))
    }

    /// A mix envelope time in ms: the knob, or with a tempo sync the value TempoSyncKnobModel sets (its scale and
    /// maximum are both 2000 ms), kept in the knob's range.
    private static func envelopeTime(_ knob: String, _ values: SchemaValues, tempoBPM: Float) -> Float {
        let ms = Float(values.value("watsyn.\(knob)"))
        guard let factor = LMMSTrackSettings.syncFactor(mode: Int(values.value("watsyn.\(knob)_syncmode").rounded()),
                                                        numerator: values.value("watsyn.\(knob)_numerator"),
                                                        denominator: values.value("watsyn.\(knob)_denominator")) else { return ms }
        return min(max(LMMSTrackSettings.tempoSyncedValue(tempoBPM: tempoBPM, factor: factor, scale: 2000, maximum: 2000), 0), 2000)
    }
}
