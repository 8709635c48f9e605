// What PresetAtlas knows about one synth, in one place: its schema (`Synths/<id>.xml`), its engine,
// the preset formats it reads (each with its content sniffer and the step from file to patch).
// Every part of the program that needs "the synths" asks `SynthRegistry`, never a list of its own.
import Formats
import Synthesis

public struct SynthDescriptor: Sendable {
    /// The synth id; its schema is `Synths/<id>.xml`.
    public var id: String
    /// The preset file formats whose patches are this synth's.
    public var formats: [PresetFormat]
    /// The built-in engine for a schema, or nil when PresetAtlas only reads the synth's presets
    /// (their parameters still feed the bias statistics).
    public var makeEngine: (@Sendable (SynthSchema) -> any SynthModel)?

    public init(id: String, formats: [PresetFormat], makeEngine: (@Sendable (SynthSchema) -> any SynthModel)?) {
        self.id = id
        self.formats = formats
        self.makeEngine = makeEngine
    }

    /// Whether the synth can be rendered (and so appear in an atlas).
    public var renders: Bool { makeEngine != nil }
}
