// Reads a ZynAddSubFX / Yoshimi instrument (`.xiz`, Yoshimi also `.xiy`: gzip-compressed or plain XML, root
// `<ZynAddSubFX-data>`) into a `Patch` of the parameters `Synths/zynaddsubfx.xml` lists, for
// default-bias statistics (we do not render ZynAddSubFX). Format notes: ../shared/corpora/zynaddsubfx/FORMAT.md.
import Foundation
import Synthesis

/// Why an instrument file could not be read; one line naming the file and the problem.
public struct ZynAddSubFXError: Error, CustomStringConvertible, Sendable {
    public var description: String
}

public enum ZynAddSubFXInstrument {
    /// Largest instrument file read (compressed); factory instruments are under 100 KiB.
    public static let maximumFileBytes = 16 << 20

    /// Whether bytes look like a Zyn document: gzip, or XML whose root is `ZynAddSubFX-data`.
    public static func looksLike(_ data: Data) -> Bool {
        if Decompression.isGzip(data) { return true }
        return XMLRootName.of(data) == "ZynAddSubFX-data"
    }

    public static func read(_ url: URL, schema: SynthSchema) throws -> Patch {
        do {
            let data = try InputFile.read(url, maximumBytes: maximumFileBytes)
            return try read(data, schema: schema, fallbackName: url.deletingPathExtension().lastPathComponent)
        } catch let error as ZynAddSubFXError {
            throw ZynAddSubFXError(description: "\(url.path): \(error.description)")
        } catch {
            throw ZynAddSubFXError(description: "\(url.path): \(error)")
        }
    }

    /// Parses instrument bytes. Parameters whose element is missing stay unset (= default, as Zyn
    /// itself leaves them); values that cannot be expressed in the schema's encoding are counted in
    /// `attributes["zyn.unconverted"]` and left unset.
    public static func read(_ data: Data, schema: SynthSchema, fallbackName: String = "") throws -> Patch {
        let inflated = Decompression.isGzip(data) ? try Decompression.gunzip(data) : data
        // Some bank files (the_mysterious_bank_*) start with a newline before `<?xml`, which XML
        // forbids and Zyn's own loader tolerates: drop leading whitespace.
        var xml = Data(inflated.drop { $0 == 0x20 || $0 == 0x0a || $0 == 0x0d || $0 == 0x09 })
        // ZynAddSubFX 2.5.x writes `<?xml version="1.0f" …?>`, which libxml2 rejects; the declaration
        // carries nothing we need (the files are UTF-8), so drop it.
        if xml.starts(with: Array("<?xml".utf8)), let end = xml.firstRange(of: Data("?>".utf8)) {
            xml = Data(xml[end.upperBound...])
        }
        let root: XMLElement
        do { root = try XMLParser.parse(xml) } catch { throw ZynAddSubFXError(description: "\(error)") }
        guard root.name == "ZynAddSubFX-data" else {
            throw ZynAddSubFXError(description: "root element is <\(root.name)>, not <ZynAddSubFX-data>")
        }
        guard let instrument = root.child("INSTRUMENT") else {
            throw ZynAddSubFXError(description: "no <INSTRUMENT> (a .xmz master file or a scale, not an instrument?)")
        }
        let version = ZynVersion(root: root)
        let name = instrument.child("INFO")?.children("string").first { $0.attributes["name"] == "name" }?.text
        var patch = Patch(synthID: schema.id, name: (name?.isEmpty == false ? name! : fallbackName))
        patch.attributes["zyn.version"] = [root.attributes["version-major"], root.attributes["version-minor"],
                                           root.attributes["version-revision"]].compactMap { $0 }.joined(separator: ".")
        var unknown: [String] = []
        for spec in schema.parameters {
            guard let element = resolve(spec.source, in: root) else { continue }
            switch value(of: element, spec: spec, version: version) {
            case .some(let v): patch.values[spec.id] = spec.clamped(v)
            case .none: unknown.append(spec.id)
            }
        }
        if !unknown.isEmpty { patch.attributes[unknownParametersAttribute] = unknown.joined(separator: ",") }
        return patch
    }

    /// Attribute listing (comma-separated) the parameters present in the file whose value could not
    /// be expressed in the schema's encoding: statistics leave these presets out for those parameters
    /// instead of counting them at the default. The bias statistics read the same key.
    public static let unknownParametersAttribute = "unknownParameters"

    /// Follows `A/B[2]/name` from the root: each step a child element (with `id="2"` when indexed),
    /// the last step the `name` attribute of a `par`, `par_bool` or `par_real` child.
    static func resolve(_ source: String, in root: XMLElement) -> XMLElement? {
        var steps = source.split(separator: "/").map(String.init)
        guard let leaf = steps.popLast() else { return nil }
        var node = root
        for step in steps {
            var childName = step
            var id: String?
            if let open = step.firstIndex(of: "["), step.hasSuffix("]") {
                childName = String(step[..<open])
                id = String(step[step.index(after: open)..<step.index(before: step.endIndex)])
            }
            guard let next = node.children.first(where: { $0.name == childName && (id == nil || $0.attributes["id"] == id) }) else {
                return nil
            }
            node = next
        }
        if let found = node.children.first(where: { $0.attributes["name"] == leaf && $0.name.hasPrefix("par") }) {
            return found
        }
        // 3.x files name some filter knobs differently (`freq` became `basefreq`, …).
        guard let renamed = ZynUpgrades.renamedLeaves[leaf] else { return nil }
        return node.children.first { $0.attributes["name"] == renamed && $0.name.hasPrefix("par") }
    }

    /// The value of a `par`/`par_bool`/`par_real` element in the schema's (1.x–2.x integer) encoding,
    /// or nil when it cannot be expressed there.
    static func value(of element: XMLElement, spec: ParameterSpec, version: ZynVersion) -> Double? {
        let text = element.attributes["value"] ?? ""
        switch element.name {
        case "par_bool":
            return text == "yes" ? 1 : (text == "no" ? 0 : nil)
        case "par":
            guard let v = Double(text), v.isFinite else { return nil }
            // Zyn stores a user-drawn base function as 127; the schema's last choice stands for it.
            if spec.scale == .enum, v > spec.maximum, v == 127 { return spec.maximum }
            return v
        case "par_real":
            guard let v = exactValue(element) ?? Double(text), v.isFinite else { return nil }
            let leaf = element.attributes["name"] ?? ""
            guard let converted = ZynUpgrades.integerValue(real: v, leaf: leaf, spec: spec, version: version),
                  converted.isFinite else { return nil }
            // Stepped knobs come back as whole steps; continuous ones (LFO frequency) as they are.
            return spec.scale == .linear || spec.scale == .log ? converted : converted.rounded()
        default:
            return nil
        }
    }

    /// `exact_value="0x3E020C4A"`: the IEEE-754 single-precision bits, exact where `value` is rounded.
    static func exactValue(_ element: XMLElement) -> Double? {
        guard var hex = element.attributes["exact_value"] else { return nil }
        if hex.hasPrefix("0x") || hex.hasPrefix("0X") { hex.removeFirst(2) }
        guard let bits = UInt32(hex, radix: 16) else { return nil }
        return Double(Float(bitPattern: bits))
    }
}
