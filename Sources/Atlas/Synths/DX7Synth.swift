// The Yamaha DX7: Synths/dx7.xml, engine Synthesis/DX7, voice files Formats/DX7.
import Formats
import Synthesis

extension SynthDescriptor {
    public static let dx7 = SynthDescriptor(id: DX7VoiceData.synthID, formats: [.dx7],
                                            makeEngine: { DX7(schema: $0) })
}
