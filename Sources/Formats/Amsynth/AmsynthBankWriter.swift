// Writes amsynth bank files as amsynth 1.13.2's PresetController saves them: "amSynth", then per preset a
// "<preset> <name> NAME" line and one "<parameter> NAME VALUE" line for each of the 41 parameters, then
// "EOF". No blank lines: amsynth's reader lets a blank line swallow the line after it.
import Foundation
import Synthesis

public enum AmsynthBankWriter {
    /// amsynth keeps 128 presets per bank.
    public static let presetsPerBank = 128

    /// The bank's text. Values are written as amsynth writes floats (6 significant digits, `%g`), so
    /// what amsynth loads is `asWritten`, not the patch's exact doubles.
    public static func text(_ patches: [Patch], schema: SynthSchema) throws -> String {
        guard schema.id == AmsynthBank.synthID else { throw PresetError(file: "bank", problem: "schema \(schema.id) is not amsynth's") }
        guard patches.count <= presetsPerBank else {
            throw PresetError(file: "bank", problem: "an amsynth bank holds \(presetsPerBank) presets, not \(patches.count)")
        }
        var lines = ["amSynth"]
        for patch in patches {
            guard patch.synthID == AmsynthBank.synthID else {
                throw PresetError(file: patch.name, problem: "an amsynth bank holds amsynth patches, not \(patch.synthID)")
            }
            lines.append("<preset> <name> \(presetName(patch.name))")
            for spec in schema.parameters { lines.append("<parameter> \(spec.id) \(number(patch.value(spec)))") }
        }
        lines.append("EOF")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The patch as amsynth reads it back from the text written here: each value through amsynth's own
    /// float parser and its clamping and rounding (`AmsynthBank`), the name as written.
    public static func asWritten(_ patch: Patch, schema: SynthSchema) -> Patch {
        var written = patch
        written.name = presetName(patch.name)
        for spec in schema.parameters {
            written.values[spec.id] = Double(AmsynthBank.setValue(AmsynthNumber.parse(Substring(number(patch.value(spec)))), spec))
        }
        return written
    }

    /// A name on one line (the format has no escaping), never empty.
    static func presetName(_ name: String) -> String {
        let flat = name.unicodeScalars.map { $0.properties.generalCategory == .control || $0 == "\u{2028}" || $0 == "\u{2029}" ? " " : String($0) }
            .joined().trimmingCharacters(in: .whitespaces)
        return flat.isEmpty ? "preset" : flat
    }

    static func number(_ value: Double) -> String {
        let text = String(format: "%g", Float(value))
        return text == "-0" ? "0" : text
    }
}
