// The built-in synths. Adding a synth: one line below (README "Adding a synth" lists the other files).
import Formats
import Synthesis

public enum SynthRegistry {
    /// Every built-in synth, in the order their formats are tried on a file.
    public static let builtIn: [SynthDescriptor] = [.tripleOscillator, .dx7, .zynAddSubFX, .amsynth, .kicker, .bitInvader, .organic, .lb302, .monstro, .watsyn]

    /// The descriptor of a synth id, or nil.
    public static func descriptor(_ id: String) -> SynthDescriptor? {
        builtIn.first { $0.id == id }
    }

    /// The synths with an engine.
    public static var renderable: [SynthDescriptor] { builtIn.filter(\.renders) }

    /// Formats of the synths PresetAtlas renders (what `render` and `atlas` read).
    public static var renderableFormats: [PresetFormat] { renderable.flatMap(\.formats) }

    /// Formats of every synth (what `bias` reads).
    public static var allFormats: [PresetFormat] { builtIn.flatMap(\.formats) }
}
