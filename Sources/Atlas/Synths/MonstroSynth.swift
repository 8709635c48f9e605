// LMMS Monstro: Synths/monstro.xml, engine Synthesis/Monstro on the shared LMMS track (Synthesis/LMMSTrack),
// presets Formats/LMMS (`<instrument name="monstro">`).
import Formats
import Synthesis

extension SynthDescriptor {
    public static let monstro = SynthDescriptor(id: Monstro.schemaID, formats: [.lmmsMonstro],
                                                makeEngine: { LMMSTrackWithUserWaves(engine: Monstro(schema: $0)) })
}
