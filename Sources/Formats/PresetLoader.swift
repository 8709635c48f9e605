// Opens a preset file and hands it to the format that recognises its content (never its extension
// alone). Which formats exist is the synth registry's business (Atlas `SynthRegistry`); callers pass them.
import Foundation
import Synthesis

public enum PresetLoader {
    /// Largest preset file read: no format we read comes near it.
    public static let maximumFileBytes = XMLParser.maximumBytes

    /// The first of `formats` whose sniffer accepts the bytes; nil: none of them.
    public static func format(of data: Data, among formats: [PresetFormat]) -> PresetFormat? {
        formats.first { $0.sniff(data) }
    }

    /// The file's bytes, refusing files larger than any preset; one error naming the file.
    public static func contents(of url: URL) throws -> Data {
        let name = url.lastPathComponent
        let data: Data
        do { data = try InputFile.read(url, maximumBytes: maximumFileBytes) } catch {
            throw PresetError(file: name, problem: "\(error)")
        }
        return data
    }

    /// Reads one preset file into patches (a bank gives several) with the first of `formats` that
    /// recognises it. `schema` maps a synth id to its schema, as `SynthDefinition.named` loads them.
    public static func load(_ url: URL, formats: [PresetFormat], schema: (String) throws -> SynthSchema) throws -> [Patch] {
        let data = try contents(of: url)
        guard let format = format(of: data, among: formats) else {
            let known = formats.map { "\($0.name) (\($0.extensions.sorted().map { "." + $0 }.joined(separator: "/")))" }
            throw PresetError(file: url.lastPathComponent,
                              problem: "not a preset format PresetAtlas reads (\(known.joined(separator: ", ")))")
        }
        return try format.decode(data, url, try schema(format.synthID))
    }
}
