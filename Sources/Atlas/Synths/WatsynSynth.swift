// LMMS Watsyn: Synths/watsyn.xml, engine Synthesis/Watsyn on the shared LMMS track (Synthesis/LMMSTrack), presets
// Formats/LMMS (`<instrument name="watsyn">`, the four drawn waves kept as attributes).
import Formats
import Synthesis

extension SynthDescriptor {
    public static let watsyn = SynthDescriptor(id: Watsyn.schemaID, formats: [.lmmsWatsyn],
                                               makeEngine: { LMMSTrackWithUserWaves(engine: Watsyn(schema: $0)) })
}
