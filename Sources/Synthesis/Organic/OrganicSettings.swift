// LMMS 1.2.2 Organic's settings (plugins/organic/organic.cpp `loadSettings`, OscillatorObject): eight sine-family
// oscillators at fixed harmonics of the note, each with volume, panning, fine detune and wave, then a waveshaper
// ("foldback") and a volume. Old presets (LMMS < 0.4.x, with `detune<i>`) load with no detune, since 1.2.2 reads
// the attribute "detune" there, which no preset has, and take harmonic i for oscillator i.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public struct OrganicSettings: Sendable, Equatable {
    public struct Oscillator: Sendable, Equatable {
        /// 0 sine, 1 saw, 2 square, 3 triangle, 4 moog saw, 5 exponential (the knob's order).
        public var wave = 0
        /// Index into the harmonics: 0 = an octave below, 1 = a fifth below, 2 = the note, 3... = 2x, 3x, ... 16x.
        public var harmonic = 0
        public var volume: Float = 100, panning: Float = 0, detuneCents: Float = 0
    }

    public static let oscillatorCount = 8
    /// s_harmonics: log2 of the frequency ratios.
    static let harmonicOctaves: [Float] = ([0.5, 0.75] + (1...16).map { Float($0) }).map { log2f($0) }
    static let waves: [LMMSWaveShape] = [.sine, .saw, .square, .triangle, .moogSaw, .exponential]

    public var oscillators = (0..<oscillatorCount).map { Oscillator(harmonic: $0) }
    /// The waveshaper's amount, 0...0.99.
    public var foldback: Float = 0
    public var volume: Float = 100

    public init() {}

    /// The `<organic>` element's numeric attributes as saved, clamped to the knobs' ranges.
    public init(saved a: [String: Float]) {
        func knob(_ name: String, _ fallback: Float, _ range: ClosedRange<Float>) -> Float {
            guard let v = a[name], v.isFinite else { return fallback }
            return min(max(v, range.lowerBound), range.upperBound)
        }
        for i in 0..<Self.oscillatorCount {
            var o = oscillators[i]
            o.volume = knob("vol\(i)", 100, 0...100)
            o.detuneCents = a["detune\(i)"] != nil ? 0 : knob("newdetune\(i)", 0, -1200...1200)
            o.panning = knob("pan\(i)", 0, -100...100)
            o.wave = Int(knob("wavetype\(i)", 0, 0...5).rounded())
            o.harmonic = a["newharmonic\(i)"] != nil ? Int(knob("newharmonic\(i)", Float(i), 0...17)) : i
            oscillators[i] = o
        }
        volume = knob("vol", 100, 0...200)
        foldback = knob("foldback", 0, 0...0.99)
    }

    /// The settings of a patch of `Synths/organic.xml` (ids `organic.<attribute>`, clamped by the schema).
    init(_ values: SchemaValues) {
        for i in 0..<Self.oscillatorCount {
            oscillators[i] = Oscillator(wave: Int(values.value("organic.wavetype\(i)").rounded()),
                                        harmonic: Int(values.value("organic.newharmonic\(i)")),
                                        volume: Float(values.value("organic.vol\(i)")),
                                        panning: Float(values.value("organic.pan\(i)")),
                                        detuneCents: Float(values.value("organic.newdetune\(i)")))
        }
        volume = Float(values.value("organic.vol"))
        foldback = Float(values.value("organic.foldback"))
    }

    /// OscillatorObject::updateVolume and updateDetuning for one channel (left: the detune added, right:
    /// subtracted; panning moves volume from one side to the other, up to twice the volume on one side).
    func channel(left: Bool, sampleRateHz: Float, phases: [Float]) -> [LMMSOscillatorSetting] {
        oscillators.enumerated().map { i, o in
            let side: Float = left ? 1 - o.panning / 100 : 1 + o.panning / 100
            let volume = side * o.volume / Float(Self.oscillatorCount) / 100
            let cents = (left ? 1 : -1) * o.detuneCents * (1 / 1200)
            let detuning = powf(2, Self.harmonicOctaves[o.harmonic] + cents) / sampleRateHz
            return LMMSOscillatorSetting(shape: Self.waves[o.wave], modulation: .signalMix, volume: volume,
                                         detuning: detuning, phaseOffset: phases[i])
        }
    }
}
