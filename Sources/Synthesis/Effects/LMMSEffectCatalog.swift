// Which effects the engine emulates, by LMMS effect name and LADSPA plugin label. An effect not listed here is
// passed through (its slot keeps LMMS's chain bookkeeping but leaves the audio as it is).

enum LMMSEffectCatalog {
    static func processor(for settings: LMMSEffectSettings, sampleRateHz: Float) -> LMMSEffectProcessor? {
        switch settings.name {
        case "stereomatrix": return LMMSStereoMatrix(settings)
        case "ladspaeffect":
            switch settings.plugin {
            case "Plate2x2": return CAPSPlate2x2(settings, sampleRateHz: Double(sampleRateHz))
            case "Eq": return CAPSEqMono(settings, sampleRateHz: Double(sampleRateHz))
            case "Eq2x2": return CAPSEq2x2(settings, sampleRateHz: Double(sampleRateHz))
            case "Clip": return LADSPAMonoPair { CAPSClip(settings, processor: $0) }
            case "hardLimiter": return LADSPAMonoPair { SWHHardLimiter(settings, processor: $0) }
            case "dcRemove": return LADSPAMonoPair { _ in SWHDCRemove() }
            case "amp_stereo": return CMTStereoAmplifier(settings)
            case "ToneStack": return LADSPAMonoPair { CAPSToneStack(settings, processor: $0, sampleRateHz: Double(sampleRateHz)) }
            default: return nil
            }
        default: return nil
        }
    }

    /// Whether the engine emulates this effect.
    static func isEmulated(_ settings: LMMSEffectSettings) -> Bool {
        processor(for: settings, sampleRateHz: 44_100) != nil
    }
}
