// amsynth bank files (`*.bank`): a first line "amSynth", then per preset "<preset> <name> NAME" and
// one "<parameter> NAME VALUE" line per parameter. Parsed the way amsynth 1.13.2's readBankFile does
// (its quirks included, see `lines`); a bad line is reported and skipped, the rest of the bank kept.
import Foundation
import Synthesis

/// One preset of a bank, with the values amsynth would set (clamped to the range, stepped
/// parameters rounded, as `Parameter::setValue` does).
public struct AmsynthPreset: Sendable, Equatable {
    public var name: String
    /// The parameters the preset lists, by amsynth name (= parameter id in Synths/amsynth.xml).
    public var values: [String: Float]
}

public struct AmsynthBank: Sendable {
    public var presets: [AmsynthPreset]
    /// One line per bad line: "line N: what is wrong".
    public var problems: [String]

    public static let synthID = "amsynth"
    static let header = Array("amSynth".utf8)

    /// Whether the bytes start like an amsynth bank.
    public static func sniff(_ data: Data) -> Bool {
        data.count >= header.count && Array(data.prefix(header.count)) == header
    }

    /// Parses a bank; throws only when the file is not an amsynth bank at all.
    public static func parse(_ data: Data, fileName: String, schema: SynthSchema) throws -> AmsynthBank {
        let bytes = [UInt8](data)
        guard sniff(data), bytes.count > header.count,
              bytes[header.count] == UInt8(ascii: "\n") || bytes[header.count] == UInt8(ascii: "\r") else {
            throw PresetError(file: fileName, problem: "not an amsynth bank (first line is not \"amSynth\")")
        }
        var bank = AmsynthBank(presets: [], problems: [])
        for (number, text) in lines(bytes) {
            bank.read(line: text, number: number, schema: schema)
        }
        return bank
    }

    private mutating func read(line raw: Substring, number: Int, schema: SynthSchema) {
        let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
        if line.hasPrefix("<preset> <name> ") {
            presets.append(AmsynthPreset(name: String(line.dropFirst(16)), values: [:]))
        } else if line.hasPrefix("<parameter> ") {
            let rest = line.dropFirst(12)
            guard let space = rest.firstIndex(of: " ") else {
                problems.append("line \(number): parameter line without a value: \(line)")
                return
            }
            let name = String(rest[..<space]), text = rest[rest.index(after: space)...]
            guard !presets.isEmpty else {
                problems.append("line \(number): parameter \(name) before any \"<preset> <name>\" line")
                return
            }
            guard let spec = schema.parameter(name) else {
                problems.append("line \(number): unknown parameter '\(name)'")
                return
            }
            guard AmsynthNumber.isWellFormed(text) else {
                problems.append("line \(number): \(name) value '\(text)' is not a number")
                return
            }
            presets[presets.count - 1].values[name] = Self.setValue(AmsynthNumber.parse(text), spec)
        } else if !line.isEmpty && line != "EOF" {
            problems.append("line \(number): not a preset or parameter line: \(line.prefix(60))")
        }
    }

    /// Parameter::setValue: clamp to the range, round stepped parameters, in float.
    static func setValue(_ value: Float, _ spec: ParameterSpec) -> Float {
        let x = min(max(value, Float(spec.minimum)), Float(spec.maximum))
        switch spec.scale {
        case .int, .enum, .bool: return Float(spec.minimum) + (x - Float(spec.minimum)).rounded()
        case .linear, .log: return x
        }
    }

    /// The lines amsynth handles, with 1-based line numbers: each line ended by '\n' after the header
    /// line. As in amsynth, a last line without '\n' is ignored, and the character after each '\n' is
    /// never itself taken as a line end, so a blank line swallows the line after it.
    static func lines(_ bytes: [UInt8]) -> [(Int, Substring)] {
        guard let headerEnd = bytes.firstIndex(of: UInt8(ascii: "\n")) else { return [] }
        var result: [(Int, Substring)] = []
        var start = headerEnd + 1, lineNumber = 2, e = start
        while e < bytes.count && bytes[e] != 0 {
            if bytes[e] == UInt8(ascii: "\n") {
                let text = String(decoding: bytes[start..<e], as: UTF8.self)
                result.append((lineNumber, Substring(text)))
                lineNumber += text.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
                e += 1
                start = e
            }
            e += 1
        }
        return result
    }

    /// Patches for the presets, in file order: every one of the 41 parameters set (defaults for the
    /// ones a preset does not list). Bank problems ride along as the first patch's "amsynth.warnings".
    public func patches(schema: SynthSchema, source: String) -> [Patch] {
        var patches = presets.enumerated().map { index, preset -> Patch in
            var values: [String: Double] = [:]
            for spec in schema.parameters { values[spec.id] = Double(preset.values[spec.id] ?? Float(spec.defaultValue)) }
            return Patch(synthID: Self.synthID, name: preset.name, values: values,
                         attributes: ["source": source, "index": String(index)])
        }
        if !problems.isEmpty, !patches.isEmpty {
            patches[0].attributes["amsynth.warnings"] = problems.joined(separator: "; ")
        }
        return patches
    }
}
