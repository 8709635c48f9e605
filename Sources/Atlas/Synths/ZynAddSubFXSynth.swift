// ZynAddSubFX / Yoshimi: Synths/zynaddsubfx.xml and its instrument reader (Formats/ZynAddSubFX); no
// engine, so its presets feed the bias statistics only.
import Formats

extension SynthDescriptor {
    public static let zynAddSubFX = SynthDescriptor(id: "zynaddsubfx", formats: [.zynAddSubFX], makeEngine: nil)
}
