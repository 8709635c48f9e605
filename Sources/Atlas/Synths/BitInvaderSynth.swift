// LMMS BitInvader: Synths/bitinvader.xml, engine Synthesis/BitInvader on the shared LMMS track (Synthesis/LMMSTrack),
// presets Formats/LMMS (`<instrument name="bitinvader">`, the drawn wave kept as an attribute).
import Formats
import Synthesis

extension SynthDescriptor {
    public static let bitInvader = SynthDescriptor(id: BitInvader.schemaID, formats: [.lmmsBitInvader],
                                                   makeEngine: { LMMSTrackWithUserWaves(engine: BitInvader(schema: $0)) })
}
