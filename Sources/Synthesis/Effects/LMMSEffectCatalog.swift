// Which effects the engine emulates, by LMMS effect name and LADSPA plugin label. An effect not listed here is
// passed through (its slot keeps LMMS's chain bookkeeping but leaves the audio as it is).

enum LMMSEffectCatalog {
    /// `seed` feeds the effects that draw from LMMS's unseeded C random generator (PhaserII).
    static func processor(for settings: LMMSEffectSettings, sampleRateHz: Float, seed: UInt64 = 0) -> LMMSEffectProcessor? {
        switch settings.name {
        case "stereomatrix": return LMMSStereoMatrix(settings)
        case "stereoenhancer": return LMMSStereoEnhancer(settings)
        case "bassbooster": return LMMSBassBooster(settings, sampleRateHz: sampleRateHz)
        case "dualfilter": return LMMSDualFilter(settings, sampleRateHz: sampleRateHz)
        case "amplifier": return LMMSAmplifier(settings)
        case "waveshaper": return LMMSWaveShaper(settings)
        case "ladspaeffect":
            switch settings.plugin {
            case "Plate2x2": return CAPSPlate2x2(settings, sampleRateHz: Double(sampleRateHz))
            case "Eq": return CAPSEqMono(settings, sampleRateHz: Double(sampleRateHz))
            case "Eq2x2": return CAPSEq2x2(settings, sampleRateHz: Double(sampleRateHz))
            case "Clip": return LADSPAMonoPair { CAPSClip(settings, processor: $0) }
            case "hardLimiter": return LADSPAMonoPair { SWHHardLimiter(settings, processor: $0) }
            case "harmonicGen": return LADSPAMonoPair { SWHHarmonicGenerator(settings, processor: $0) }
            case "dcRemove": return LADSPAMonoPair { _ in SWHDCRemove() }
            case "amp_stereo": return CMTStereoAmplifier(settings)
            case "freeverb3": return CMTFreeverb(settings, sampleRateHz: sampleRateHz)
            case "fbdelay_5s":
                return LADSPAMonoPair { CMTFeedbackDelay(settings, processor: $0, sampleRateHz: sampleRateHz, maximumSeconds: 5) }
            case "fastLookaheadLimiter": return SWHFastLookaheadLimiter(settings, sampleRateHz: sampleRateHz)
            case "MultiChorus": return CalfMultiChorus(settings, sampleRateHz: sampleRateHz)
            case "VintageDelay": return CalfVintageDelay(settings, sampleRateHz: sampleRateHz)
            case "tap_autopan": return TAPAutoPan(settings, sampleRateHz: sampleRateHz)
            case "tap_stereo_echo": return TAPStereoEcho(settings, sampleRateHz: sampleRateHz)
            case "PhaserI": return LADSPAMonoPair { CAPSPhaserI(settings, processor: $0, sampleRateHz: Double(sampleRateHz)) }
            case "PhaserII":
                return LADSPAMonoPair { CAPSPhaserII(settings, processor: $0, sampleRateHz: Double(sampleRateHz),
                                                     seed: SplitMix64.mix(seed, UInt64($0))) }
            case "AmpIII": return LADSPAMonoPair { CAPSAmpIII(settings, processor: $0, sampleRateHz: Double(sampleRateHz)) }
            case "AmpIV": return LADSPAMonoPair { CAPSAmpIV(settings, processor: $0, sampleRateHz: Double(sampleRateHz)) }
            case "ToneStack": return LADSPAMonoPair { CAPSToneStack(settings, processor: $0, sampleRateHz: Double(sampleRateHz)) }
            default: return nil
            }
        default: return nil
        }
    }
}
