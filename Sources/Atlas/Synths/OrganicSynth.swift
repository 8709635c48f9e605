// LMMS Organic: Synths/organic.xml, engine Synthesis/Organic on the shared LMMS track (Synthesis/LMMSTrack),
// presets Formats/LMMS (`<instrument name="organic">`, old layouts by their plugin element).
import Formats
import Synthesis

extension SynthDescriptor {
    public static let organic = SynthDescriptor(id: Organic.schemaID, formats: [.lmmsOrganic],
                                                makeEngine: { LMMSTrackWithUserWaves(engine: Organic(schema: $0)) })
}
