// LMMS Kicker: Synths/kicker.xml, engine Synthesis/Kicker on the shared LMMS track (Synthesis/LMMSTrack),
// presets Formats/LMMS (`<instrument name="kicker">`).
import Formats
import Synthesis

extension SynthDescriptor {
    public static let kicker = SynthDescriptor(id: Kicker.schemaID, formats: [.lmmsKicker],
                                               makeEngine: { LMMSTrackWithUserWaves(engine: Kicker(schema: $0)) })
}
