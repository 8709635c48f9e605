// amsynth's 41 parameters as its engine sees them: the stored (bank) value of each, and the control
// laws that turn stored values into what the DSP uses (amsynth 1.13.2, Parameter.cpp).

/// amsynth's parameters in its own port / enum order (controls.h); the raw value is the name used
/// in bank files and as the parameter id in `Synths/amsynth.xml`.
public enum AmsynthParameter: String, CaseIterable, Sendable {
    case ampAttack = "amp_attack", ampDecay = "amp_decay", ampSustain = "amp_sustain", ampRelease = "amp_release"
    case osc1Waveform = "osc1_waveform"
    case filterAttack = "filter_attack", filterDecay = "filter_decay", filterSustain = "filter_sustain"
    case filterRelease = "filter_release", filterResonance = "filter_resonance"
    case filterEnvAmount = "filter_env_amount", filterCutoff = "filter_cutoff"
    case osc2Detune = "osc2_detune", osc2Waveform = "osc2_waveform", masterVolume = "master_vol"
    case lfoFrequency = "lfo_freq", lfoWaveform = "lfo_waveform", osc2Range = "osc2_range", oscMix = "osc_mix"
    case freqModAmount = "freq_mod_amount", filterModAmount = "filter_mod_amount", ampModAmount = "amp_mod_amount"
    case ringModAmount = "osc_mix_mode", osc1PulseWidth = "osc1_pulsewidth", osc2PulseWidth = "osc2_pulsewidth"
    case reverbRoomSize = "reverb_roomsize", reverbDamp = "reverb_damp", reverbWet = "reverb_wet"
    case reverbWidth = "reverb_width", distortionCrunch = "distortion_crunch", osc2Sync = "osc2_sync"
    case portamentoTime = "portamento_time", keyboardMode = "keyboard_mode", osc2Pitch = "osc2_pitch"
    case filterType = "filter_type", filterSlope = "filter_slope", freqModDestination = "freq_mod_osc"
    case filterKeyTracking = "filter_kbd_track", filterVelocitySensitivity = "filter_vel_sens"
    case ampVelocitySensitivity = "amp_vel_sens", portamentoMode = "portamento_mode"

    /// The parameter's position in amsynth's enum (DSSI port = 2 + index).
    public var index: Int { Self.indices[self]! }
    private static let indices = Dictionary(uniqueKeysWithValues: allCases.enumerated().map { ($1, $0) })
}

/// The 41 stored values of one amsynth preset, as Float (amsynth keeps them as float).
struct AmsynthParameterValues {
    private var stored: [Float]

    /// Values from a patch; a parameter the patch does not set takes its schema default, clamped and
    /// (for stepped parameters) rounded by the schema as `Parameter::setValue` does.
    init(patch: Patch, schema: SynthSchema) {
        stored = AmsynthParameter.allCases.map { parameter in
            guard let spec = schema.parameter(parameter.rawValue) else { return 0 }
            return Float(patch.value(spec))
        }
    }

    subscript(_ parameter: AmsynthParameter) -> Float { stored[parameter.index] }

    /// An integer choice (waveform, filter type, mode): amsynth casts with `(int)value`.
    func choice(_ parameter: AmsynthParameter) -> Int { Int(self[parameter]) }

    // Control laws (Parameter.cpp getControlValue): offset + base * v (linear), offset + base^v
    // (exponential), offset + v^base (power), in float arithmetic.

    /// Envelope and glide times: 0.0005 + v³ seconds.
    func envelopeSeconds(_ parameter: AmsynthParameter) -> Float { 0.0005 + CMath.powf(self[parameter], 3) }
    var masterVolume: Float { CMath.powf(self[.masterVolume], 2) }
    var lfoHz: Float { CMath.powf(self[.lfoFrequency], 2) }
    /// The filter cutoff as a multiple of the key-tracked base frequency: 16^v.
    var cutoffMultiple: Float { CMath.powf(16, self[.filterCutoff]) }
    var osc2Detune: Float { CMath.powf(1.25, self[.osc2Detune]) }
    var osc2Octave: Float { CMath.powf(2, self[.osc2Range]) }
    /// VoiceBoard keeps (cv / 2) + 0.5 with cv = v³ − 1.
    var freqModDepth: Float { (CMath.powf(self[.freqModAmount], 3) - 1) / 2 + 0.5 }
    var filterModDepth: Float { (self[.filterModAmount] + 1) / 2 }
    var ampModDepth: Float { (self[.ampModAmount] + 1) / 2 }
    var osc2PitchRatio: Float { CMath.powf(2, self[.osc2Pitch] / 12) }
}
