// LMMS 1.2.2 Monstro's knobs (plugins/monstro/Monstro.cpp, Monstro.h), read through Synths/monstro.xml: three
// oscillators, two LFOs, two envelopes and the modulation matrix, in LMMS's own units. The LFO and envelope times
// are TempoSyncKnobModels: with a sync mode they follow the tempo.

public struct MonstroSettings: Sendable, Equatable {
    public struct Oscillator: Sendable, Equatable {
        /// 0...200 %.
        public var volume: Float = 33
        public var panning: Float = 0
        public var coarseSemitones: Float = 0
        /// Oscillators 1 and 2 only (oscillator 3 has no fine tuning).
        public var fineLeftCents: Float = 0, fineRightCents: Float = 0
        public var stereoPhaseDegrees: Float = 0
    }

    public struct LFO: Sendable, Equatable {
        /// Monstro.h's LFO list: sine, triangle, saw, ramp, square, moog, soft square, abs. sine, exp, random,
        /// random smooth.
        public var wave = 0
        public var attackMs: Float = 0
        /// One cycle, ms.
        public var rateMs: Float = 1
        public var phaseDegrees: Float = 0
    }

    public struct Envelope: Sendable, Equatable {
        public var predelayMs: Float = 0, attackMs: Float = 0, holdMs: Float = 0, decayMs: Float = 0
        public var sustain: Float = 1
        public var releaseMs: Float = 0
        /// -1...1; the curve is x^(10^-slope).
        public var slope: Float = 0
    }

    /// One modulation target's amounts from envelope 1, envelope 2, LFO 1 and LFO 2 (the matrix's knobs).
    public struct Route: Sendable, Equatable {
        public var env1: Float = 0, env2: Float = 0, lfo1: Float = 0, lfo2: Float = 0
        public init(env1: Float = 0, env2: Float = 0, lfo1: Float = 0, lfo2: Float = 0) {
            self.env1 = env1; self.env2 = env2; self.lfo1 = lfo1; self.lfo2 = lfo2
        }
    }

    /// How oscillator 2 reaches oscillator 3 (Monstro.h MOD_*): mixed in, or modulating its amplitude, frequency
    /// or phase (then it is not heard itself).
    public enum Osc23Modulation: Int, Sendable { case mix, amplitude, frequency, phase }

    public var oscillators = [Oscillator](repeating: Oscillator(), count: 3)
    /// Oscillator 1's pulse width, 0.25...99.75 %.
    public var pulseWidth: Float = 50
    public var syncOnRise = false, syncOnFall = false
    /// Oscillators 2 and 3: hard sync (restart) and reverse sync (invert) on oscillator 1's edges.
    public var hardSync = [false, false], reverseSync = [false, false]
    /// Monstro.h's wave list (WAVE_SINE ... WAVE_MOOG_D): oscillator 2's wave, oscillator 3's two waves.
    public var osc2Wave = 0, osc3Waves = [0, 0]
    /// Oscillator 3's mix of its two waves, -100 (the first) ... 100 (the second).
    public var osc3Sub: Float = 0
    public var osc23Modulation = Osc23Modulation.mix
    public var lfos = [LFO](repeating: LFO(), count: 2)
    public var envelopes = [Envelope](repeating: Envelope(), count: 2)
    /// Per oscillator (1-3): volume, phase and pitch routes; oscillator 1's pulse width, oscillator 3's sub mix.
    public var volumeRoutes = [Route](repeating: Route(), count: 3)
    public var phaseRoutes = [Route](repeating: Route(), count: 3)
    public var pitchRoutes = [Route](repeating: Route(), count: 3)
    public var pulseWidthRoute = Route(), subRoute = Route()

    public init() {}

    /// The `monstro.*` ids of a patch (unknown ids are recorded in `values`).
    init(_ values: SchemaValues, tempoBPM: Float) {
        func f(_ id: String) -> Float { Float(values.value("monstro.\(id)")) }
        func on(_ id: String) -> Bool { f(id) >= 0.5 }
        func choice(_ id: String) -> Int { Int(f(id).rounded()) }
        /// A TempoSyncKnobModel whose scale is its maximum (Monstro's are).
        func time(_ id: String, maximum: Float) -> Float {
            guard let factor = LMMSTrackSettings.syncFactor(mode: choice("\(id)_syncmode"), numerator: Double(f("\(id)_numerator")),
                                                            denominator: Double(f("\(id)_denominator"))) else { return f(id) }
            return min(max(LMMSTrackSettings.tempoSyncedValue(tempoBPM: tempoBPM, factor: factor, scale: maximum,
                                                              maximum: maximum), 0), maximum)
        }
        func route(_ target: String) -> Route {
            Route(env1: f("\(target)e1"), env2: f("\(target)e2"), lfo1: f("\(target)l1"), lfo2: f("\(target)l2"))
        }
        for i in 0..<3 {
            let n = i + 1
            oscillators[i] = Oscillator(volume: f("o\(n)vol"), panning: f("o\(n)pan"), coarseSemitones: f("o\(n)crs"),
                                        fineLeftCents: n < 3 ? f("o\(n)ftl") : 0, fineRightCents: n < 3 ? f("o\(n)ftr") : 0,
                                        stereoPhaseDegrees: f("o\(n)spo"))
            volumeRoutes[i] = route("v\(n)")
            phaseRoutes[i] = route("p\(n)")
            pitchRoutes[i] = route("f\(n)")
        }
        pulseWidth = f("o1pw")
        syncOnRise = on("o1ssr")
        syncOnFall = on("o1ssf")
        hardSync = [on("o2syn"), on("o3syn")]
        reverseSync = [on("o2synr"), on("o3synr")]
        osc2Wave = choice("o2wav")
        osc3Waves = [choice("o3wav1"), choice("o3wav2")]
        osc3Sub = f("o3sub")
        osc23Modulation = Osc23Modulation(rawValue: choice("o23mo")) ?? .mix
        for i in 0..<2 {
            let n = i + 1
            lfos[i] = LFO(wave: choice("l\(n)wav"), attackMs: time("l\(n)att", maximum: 2000),
                          rateMs: max(time("l\(n)rat", maximum: 10000), 0.1), phaseDegrees: f("l\(n)phs"))
            envelopes[i] = Envelope(predelayMs: time("e\(n)pre", maximum: 2000), attackMs: time("e\(n)att", maximum: 2000),
                                    holdMs: time("e\(n)hol", maximum: 4000), decayMs: time("e\(n)dec", maximum: 4000),
                                    sustain: f("e\(n)sus"), releaseMs: time("e\(n)rel", maximum: 4000), slope: f("e\(n)slo"))
        }
        pulseWidthRoute = route("w1")
        subRoute = route("s3")
    }
}
