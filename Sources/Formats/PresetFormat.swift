// One preset file format a synth reads: how to recognise its files and how their bytes become patches.
// Each format is declared next to its reader (Formats/LMMS, Formats/DX7, ...); the synth registry in
// Atlas (`SynthRegistry`) lists which synth reads which formats, so no module keeps its own list.
import Foundation
import Synthesis

public struct PresetFormat: Sendable {
    /// How reports and errors name the format ("LMMS preset", "DX7 SysEx").
    public var name: String
    /// The synth (`Synths/<id>.xml`) whose patches the reader returns.
    public var synthID: String
    /// Lowercased extensions its files carry; used only to pick files out of walked folders
    /// (the content check below always decides).
    public var extensions: Set<String>
    /// Content check on a file's bytes (the head or the whole file).
    public var sniff: @Sendable (Data) -> Bool
    /// Reads every patch in a file's bytes (a bank gives several); `url` names the file and locates
    /// files it refers to. Throws one error naming the file.
    public var decode: @Sendable (_ data: Data, _ url: URL, _ schema: SynthSchema) throws -> [Patch]

    public init(name: String, synthID: String, extensions: Set<String>, sniff: @escaping @Sendable (Data) -> Bool,
                decode: @escaping @Sendable (_ data: Data, _ url: URL, _ schema: SynthSchema) throws -> [Patch]) {
        self.name = name
        self.synthID = synthID
        self.extensions = extensions
        self.sniff = sniff
        self.decode = decode
    }
}
