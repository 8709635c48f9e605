// Patches as store rows: their stable keys and the JSON text of their values.
import Foundation
import Synthesis

/// Where a patch in the atlas came from.
public enum PatchOrigin: String, Sendable, CaseIterable, Codable {
    case preset
    case initPatch = "init"
    case random, sweep
    /// Written by `presetatlas explore` to a bank file and added back to the atlas as its own layer.
    case explored
}

/// Stable keys: the same patch gets the same key on every run and machine, so resumes skip it,
/// shards split by it and merges join on it.
enum PatchKey {
    static func preset(synth: String, sourcePath: String, index: Int) -> String { "\(synth)|preset|\(sourcePath)#\(index)" }
    static func initPatch(synth: String) -> String { "\(synth)|init" }
    static func random(synth: String, index: Int) -> String {
        // Zero-padded so keys sort in index order.
        let digits = String(index)
        return "\(synth)|random|" + String(repeating: "0", count: max(0, 7 - digits.count)) + digits
    }
    static func sweep(synth: String, parameterID: String, step: Int) -> String { "\(synth)|sweep|\(parameterID)|\(step)" }
    /// An explored patch is known by the file it was written to and its place there: exporting again to the
    /// same file replaces it.
    static func explored(synth: String, file: String, index: Int) -> String { "\(synth)|explored|\(file)#\(index)" }
}

/// Text forms of a patch's values and attributes, exact for every double (Swift's shortest
/// round-tripping decimal form).
enum PatchJSON {
    static func encode(_ values: [String: Double]) -> String {
        "{" + values.sorted { $0.key < $1.key }.map { "\(quoted($0.key)):\(number($0.value))" }.joined(separator: ",") + "}"
    }

    static func encode(_ attributes: [String: String]) -> String {
        "{" + attributes.sorted { $0.key < $1.key }.map { "\(quoted($0.key)):\(quoted($0.value))" }.joined(separator: ",") + "}"
    }

    static func decodeValues(_ text: String) throws -> [String: Double] {
        try JSONDecoder().decode([String: Double].self, from: Data(text.utf8))
    }

    static func decodeAttributes(_ text: String) throws -> [String: String] {
        try JSONDecoder().decode([String: String].self, from: Data(text.utf8))
    }

    /// JSON has no NaN or infinity: the catalog clamps values through the schema before storing.
    static func number(_ value: Double) -> String { value.isFinite ? "\(value)" : "0" }

    /// A JSON string literal (the report's escaper: also safe inside `<script>`).
    static func quoted(_ text: String) -> String { Escape.jsonString(text) }
}
