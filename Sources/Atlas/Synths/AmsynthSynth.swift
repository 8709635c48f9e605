// amsynth 1.13.2: Synths/amsynth.xml, engine Synthesis/Amsynth, bank files Formats/Amsynth.
import Formats
import Synthesis

extension SynthDescriptor {
    public static let amsynth = SynthDescriptor(id: Amsynth.schemaID, formats: [.amsynth],
                                                makeEngine: { Amsynth(schema: $0) })
}
