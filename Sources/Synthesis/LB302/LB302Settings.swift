// LMMS 1.2.2 LB302's knobs (plugins/lb302/lb302.cpp `loadSettings`, `filterChanged`): the filter's cutoff,
// resonance, envelope amount and decay, distortion, waveform, slide decay and the slide, dead and 24 dB toggles.
// `vco_detune`, which some presets carry, is not read by 1.2.2.

public struct LB302Settings: Sendable, Equatable {
    public var cutoff: Float = 0.75, resonance: Float = 0.75, envelopeAmount: Float = 0.1, envelopeDecay: Float = 0.1
    public var distortion: Float = 0
    /// 0 saw, 1 triangle, 2 square, 3 round square, 4 moog, 5 sine, 6 exponential, 7 noise, 8-11 band-limited
    /// saw, square, triangle and moog.
    public var shape = 8
    public var slideDecay: Float = 0.6
    public var slide = false, dead = false, filter24dB = false

    public init() {}

    /// The `<lb302>` element's attributes (numbers as saved), clamped to the knobs' ranges.
    public init(saved a: [String: Float]) {
        func knob(_ name: String, _ fallback: Float, _ upper: Float) -> Float {
            guard let v = a[name], v.isFinite else { return fallback }
            return min(max(v, 0), upper)
        }
        cutoff = knob("vcf_cut", cutoff, 1.5)
        resonance = knob("vcf_res", resonance, 1.25)
        envelopeAmount = knob("vcf_mod", envelopeAmount, 1)
        envelopeDecay = knob("vcf_dec", envelopeDecay, 1)
        distortion = knob("dist", distortion, 1)
        shape = Int(knob("shape", Float(shape), 11).rounded())
        slideDecay = knob("slide_dec", slideDecay, 1)
        slide = knob("slide", 0, 1) >= 0.5
        dead = knob("dead", 0, 1) >= 0.5
        filter24dB = knob("db24", 0, 1) >= 0.5
    }

    /// The settings of a patch of `Synths/lb302.xml` (ids `lb302.<attribute>`, clamped by the schema).
    init(_ values: SchemaValues) {
        func knob(_ name: String) -> Float { Float(values.value("lb302.\(name)")) }
        cutoff = knob("vcf_cut")
        resonance = knob("vcf_res")
        envelopeAmount = knob("vcf_mod")
        envelopeDecay = knob("vcf_dec")
        distortion = knob("dist")
        shape = Int(knob("shape").rounded())
        slideDecay = knob("slide_dec")
        slide = knob("slide") >= 0.5
        dead = knob("dead") >= 0.5
        filter24dB = knob("db24") >= 0.5
    }

    /// filterChanged: the distortion knob times LB_DIST_RATIO (4).
    var filterDistortion: Float { 4 * distortion }

    /// filterChanged: the filter envelope's per-64-sample factor, 0.1 over 0.2 + 2.3 x decay seconds.
    func envelopeDecayFactor(sampleRateHz: Float) -> Float {
        var seconds = Float(0.2 + 2.3 * Double(envelopeDecay))
        seconds *= sampleRateHz
        return Float(pow(0.1, 1.0 / Double(seconds) * Double(LB302Filter.envelopeInterval)))
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
