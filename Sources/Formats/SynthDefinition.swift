// Loads a synth model's parameter schema from its `Synths/*.xml` definition.
import Foundation
import Synthesis

/// Why a synth definition could not be used.
public struct SynthDefinitionError: Error, CustomStringConvertible, Sendable {
    public var description: String
}

public enum SynthDefinition {
    /// Reads `<synth id name tool><parameter id label group min max default scale unit resolution choices source/>…</synth>`.
    public static func load(_ url: URL) throws -> SynthSchema {
        let root: XMLElement
        do { root = try XMLParser.parse(try Data(contentsOf: url)) } catch {
            throw SynthDefinitionError(description: "\(url.path): \(error)")
        }
        return try schema(from: root, file: url.lastPathComponent)
    }

    static func schema(from root: XMLElement, file: String) throws -> SynthSchema {
        guard root.name == "synth", let id = root.attributes["id"] else {
            throw SynthDefinitionError(description: "\(file): root element must be <synth id=…>")
        }
        var seen = Set<String>()
        var parameters: [ParameterSpec] = []
        for element in root.all("parameter") {
            let a = element.attributes
            guard let pid = a["id"], let minimum = element.double("min"), let maximum = element.double("max"),
                  let defaultValue = element.double("default"),
                  let scale = ParameterScale(rawValue: a["scale"] ?? "linear") else {
                throw SynthDefinitionError(description: "\(file): parameter \(a["id"] ?? "?") lacks id, min, max, default or a known scale")
            }
            guard seen.insert(pid).inserted else {
                throw SynthDefinitionError(description: "\(file): parameter id \(pid) appears twice")
            }
            guard minimum <= maximum, defaultValue >= minimum, defaultValue <= maximum else {
                throw SynthDefinitionError(description: "\(file): parameter \(pid) default \(defaultValue) outside \(minimum)...\(maximum)")
            }
            if scale == .log, minimum <= 0 {
                throw SynthDefinitionError(description: "\(file): log parameter \(pid) needs min > 0")
            }
            let choices = (a["choices"] ?? "").split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            let implicitResolution: Double = (scale == .linear || scale == .log) ? 0 : 1
            parameters.append(ParameterSpec(
                id: pid, label: a["label"] ?? pid, minimum: minimum, maximum: maximum,
                defaultValue: defaultValue, scale: scale, unit: a["unit"] ?? "",
                resolution: element.double("resolution") ?? implicitResolution,
                choices: choices, source: a["source"] ?? "",
                group: element.attributes["group"] ?? ""))
        }
        return SynthSchema(id: id, name: root.attributes["name"] ?? id, tool: root.attributes["tool"] ?? "",
                           parameters: parameters)
    }

    /// The `Synths/` folder (`PackageData.synthsFolder`: beside the binary, installed, or the package
    /// it was built from; never found from the current directory).
    public static func directory() throws -> URL {
        do { return try PackageData.synthsFolder() } catch let error as PackageData.NotFound {
            throw SynthDefinitionError(description: error.description)
        }
    }

    /// The schema of a built-in synth by id (`tripleoscillator` loads `Synths/tripleoscillator.xml`).
    public static func named(_ id: String) throws -> SynthSchema {
        try load(try directory().appendingPathComponent("\(id).xml"))
    }
}
