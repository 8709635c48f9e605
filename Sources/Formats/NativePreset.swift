// PresetAtlas's own preset format: XML naming the synth, the preset, its author and every parameter by
// its `Synths/` id. Read and written here; the banks in `Presets/` use it.
import Foundation
import Synthesis

/// A preset in the native format: a patch plus who made it.
public struct NativePreset: Sendable, Equatable {
    public var patch: Patch
    public var author: String
    /// Free text: what the preset is for, how it was designed.
    public var comment: String

    public init(patch: Patch, author: String, comment: String = "") {
        self.patch = patch
        self.author = author
        self.comment = comment
    }

    /// The root element's name, which identifies the format by content.
    public static let rootElement = "presetatlas-preset"
    public static let formatVersion = 1
}

/// Why a native preset file could not be read (one line: the file and the problem).
public struct NativePresetError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(description: String) { self.description = description }
}

extension NativePreset {
    /// Whether these leading bytes look like a native preset (sniffing by content, not extension).
    public static func looksLikeNativePreset(_ head: Data) -> Bool {
        XMLRootName.of(head) == rootElement
    }

    /// Reads a native preset. With `schema`, each value is checked against it: unknown ids, values
    /// that are not finite numbers or lie outside the range are errors (a preset is data we wrote,
    /// so a wrong one is a bug to report, not to clamp silently). Missing ids mean "default".
    public static func read(_ data: Data, file: String, schema: SynthSchema? = nil) throws -> NativePreset {
        let root: XMLElement
        do { root = try XMLParser.parse(data) } catch {
            throw NativePresetError(description: "\(file): \(error)")
        }
        guard root.name == rootElement else {
            throw NativePresetError(description: "\(file): root element is <\(root.name)>, not <\(rootElement)>")
        }
        guard let synthID = root.attributes["synth"], !synthID.isEmpty else {
            throw NativePresetError(description: "\(file): <\(rootElement)> lacks a synth attribute")
        }
        if let version = root.attributes["version"], Int(version) != formatVersion {
            throw NativePresetError(description: "\(file): format version \(version) is not \(formatVersion)")
        }
        if let schema, schema.id != synthID {
            throw NativePresetError(description: "\(file): preset is for synth \(synthID), not \(schema.id)")
        }
        var values: [String: Double] = [:]
        for element in root.children("parameter") {
            guard let id = element.attributes["id"], !id.isEmpty else {
                throw NativePresetError(description: "\(file): a <parameter> lacks its id")
            }
            guard let value = element.double("value"), value.isFinite else {
                throw NativePresetError(description: "\(file): parameter \(id) has no finite value (\(element.attributes["value"] ?? "none"))")
            }
            guard values[id] == nil else {
                throw NativePresetError(description: "\(file): parameter \(id) appears twice")
            }
            if let schema {
                guard let spec = schema.parameter(id) else {
                    throw NativePresetError(description: "\(file): synth \(synthID) has no parameter \(id)")
                }
                guard value >= spec.minimum, value <= spec.maximum else {
                    throw NativePresetError(description: "\(file): parameter \(id) = \(value) outside \(spec.minimum)...\(spec.maximum)")
                }
            }
            values[id] = value
        }
        var attributes: [String: String] = [:]
        for element in root.children("attribute") {
            guard let key = element.attributes["key"] else {
                throw NativePresetError(description: "\(file): an <attribute> lacks its key")
            }
            attributes[key] = element.attributes["value"] ?? ""
        }
        let name = root.attributes["name"] ?? URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        return NativePreset(patch: Patch(synthID: synthID, name: name, values: values, attributes: attributes),
                            author: root.attributes["author"] ?? "",
                            comment: root.child("comment")?.text.trimmingCharacters(in: .whitespacesAndNewlines) ?? "")
    }

    /// Reads a native preset file.
    public static func read(_ url: URL, schema: SynthSchema? = nil) throws -> NativePreset {
        let data: Data
        do { data = try InputFile.read(url, maximumBytes: XMLParser.maximumBytes) } catch {
            throw NativePresetError(description: "\(url.path): \(error)")
        }
        return try read(data, file: url.path, schema: schema)
    }

    /// The XML text: every parameter of `schema` in schema order (defaults written out, so a file says
    /// everything), then any value the schema does not know (kept, never dropped), then attributes.
    /// Numbers use Swift's shortest round-tripping form, so reading gives back the same doubles.
    public func xml(schema: SynthSchema?) -> String {
        var lines = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>"]
        lines.append("<\(Self.rootElement) version=\"\(Self.formatVersion)\" synth=\"\(xmlEscaped(patch.synthID))\" "
                     + "name=\"\(xmlEscaped(patch.name))\" author=\"\(xmlEscaped(author))\">")
        if !comment.isEmpty { lines.append("  <comment>\(xmlEscaped(comment))</comment>") }
        var written = Set<String>()
        for spec in schema?.parameters ?? [] {
            lines.append("  <parameter id=\"\(xmlEscaped(spec.id))\" value=\"\(patch.value(spec))\"/>")
            written.insert(spec.id)
        }
        for (id, value) in patch.values.sorted(by: { $0.key < $1.key }) where !written.contains(id) {
            lines.append("  <parameter id=\"\(xmlEscaped(id))\" value=\"\(value)\"/>")
        }
        for (key, value) in patch.attributes.sorted(by: { $0.key < $1.key }) {
            lines.append("  <attribute key=\"\(xmlEscaped(key))\" value=\"\(xmlEscaped(value))\"/>")
        }
        lines.append("</\(Self.rootElement)>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes the XML to `url` atomically.
    public func write(to url: URL, schema: SynthSchema?) throws {
        try Data(xml(schema: schema).utf8).write(to: url, options: .atomic)
    }
}

/// Escapes text for XML, SVG and HTML content and attribute values: the five special characters as
/// entities, line breaks as `&#10;` (so attribute values round-trip), and the other control characters,
/// which XML 1.0 does not allow, dropped. The one escaper of the project's XML and HTML output.
public func xmlEscaped(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.count)
    for scalar in text.unicodeScalars {
        switch scalar {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        case "\n": out += "&#10;"
        case "\t": out += "&#9;"
        default:
            if scalar.value < 0x20 { continue }
            out.unicodeScalars.append(scalar)
        }
    }
    return out
}
