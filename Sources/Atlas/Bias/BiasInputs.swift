// Reads everything `presetatlas bias` is pointed at: project/song files for tempo and preset files
// for parameter stickiness, each by content; every bad file becomes one line and the run goes on.
import Foundation
import Formats
import Synthesis

/// Everything read from the sources.
public struct BiasInputs: Sendable {
    public var tempoReadings: [(file: String, reading: TempoReading)] = []
    /// Patches per synth id, with the file each came from.
    public var banks: [String: [(patch: Patch, file: String)]] = [:]
    public var schemas: [String: SynthSchema] = [:]
    /// One line per file that could not be used.
    public var problems: [String] = []
    /// Files in walked folders that are neither presets nor projects (not errors).
    public var skippedFiles = 0

    public init() {}

    /// Reads `sources` (files or folders, walked recursively). Files named directly are always
    /// tried; in folders only files with a known extension are. `formats`: the preset formats of every
    /// registered synth (`SynthRegistry`). `schemaFor` loads a synth's schema
    /// (default: `Synths/<id>.xml`).
    public static func read(_ sources: [String], formats: [PresetFormat] = SynthRegistry.allFormats,
                            schemaFor: (String) throws -> SynthSchema = { try SynthDefinition.named($0) },
                            progress: ((String) -> Void)? = nil) -> BiasInputs {
        var inputs = BiasInputs()
        let presetExtensions = formats.reduce(into: Set<String>()) { $0.formUnion($1.extensions) }
        let known = presetExtensions.union(TempoReader.fileExtensions)
        var explicit = Set<String>()
        var paths: [String] = []
        for source in sources {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: source, isDirectory: &isDirectory), !isDirectory.boolValue {
                explicit.insert(URL(fileURLWithPath: source).standardizedFileURL.path)
            }
            paths.append(source)
        }
        let discovered = SourceDiscovery.files(in: paths)
        for missing in discovered.missing { inputs.problems.append("\(missing): no such file or folder") }
        inputs.problems += discovered.problems.map(\.description)
        var schemaFailures = Set<String>()
        for url in discovered.files {
            let path = url.standardizedFileURL.path
            let ext = url.pathExtension.lowercased()
            guard explicit.contains(path) || known.contains(ext) else { inputs.skippedFiles += 1; continue }
            let head = (try? FileHandle(forReadingFrom: url)).map { handle -> Data in
                defer { try? handle.close() }
                return (try? handle.read(upToCount: 4096)) ?? Data()
            } ?? Data()
            // A preset format claims the file when its extension matches and its content agrees.
            if let format = formats.first(where: { $0.extensions.contains(ext) && $0.sniff(head) }) {
                let schema: SynthSchema
                if let cached = inputs.schemas[format.synthID] {
                    schema = cached
                } else {
                    do {
                        schema = try schemaFor(format.synthID)
                        inputs.schemas[format.synthID] = schema
                    } catch {
                        if schemaFailures.insert(format.synthID).inserted {
                            inputs.problems.append("Synths/\(format.synthID).xml: \(error)")
                        }
                        continue
                    }
                }
                do {
                    let patches = try format.decode(try PresetLoader.contents(of: url), url, schema)
                    for patch in patches { inputs.banks[format.synthID, default: []].append((patch, path)) }
                } catch {
                    inputs.problems.append(oneLine("\(error)", file: path))
                }
                continue
            }
            do {
                inputs.tempoReadings.append((path, try TempoReader.read(url)))
            } catch {
                inputs.problems.append(oneLine("\(error)", file: path))
            }
            progress?(path)
        }
        return inputs
    }

    /// Makes sure a problem names its file and fits on one line.
    static func oneLine(_ message: String, file: String) -> String {
        var flat = message.replacingOccurrences(of: "\n", with: " ")
        if flat.hasPrefix(file) { return flat }
        // Readers that name the file by its last component: replace that with the whole path.
        let name = URL(fileURLWithPath: file).lastPathComponent + ": "
        if flat.hasPrefix(name) { flat.removeFirst(name.count) }
        return "\(file): \(flat)"
    }
}
