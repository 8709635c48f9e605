// LMMS LB302: Synths/lb302.xml, engine Synthesis/LB302 (single-streamed) on the shared LMMS track
// (Synthesis/LMMSTrack), presets Formats/LMMS (`<instrument name="lb302">`).
import Formats
import Synthesis

extension SynthDescriptor {
    public static let lb302 = SynthDescriptor(id: LB302.schemaID, formats: [.lmmsLB302],
                                              makeEngine: { LMMSTrackWithUserWaves(engine: LB302(schema: $0)) })
}
