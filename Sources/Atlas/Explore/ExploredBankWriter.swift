// Writes explored patches as files the original tool loads: DX7 32-voice bulk dumps, TripleOscillator .xpf
// presets, amsynth banks, and native preset XML for any other synth.
import Foundation
import Formats
import Synthesis

public enum ExploredBankWriter {
    /// DX7: `out` ending in `.syx` gets one bulk dump (at most 32 voices); a folder gets `unexplored-1.syx`,
    /// `unexplored-2.syx`, ... of 32 voices each. TripleOscillator: a folder of .xpf files. amsynth: see
    /// `writeAmsynth`. Other synths: a folder of native preset files, one per patch.
    /// Returns the files written. Every file is written whole or not at all.
    public static func write(_ patches: [ExploredPatch], synth: String, schema: SynthSchema?, to out: URL) throws -> [URL] {
        if synth == DX7VoiceData.synthID {
            guard let schema else { throw ExploreError("no DX7 schema to write voices with") }
            let voices = patches.map { DX7VoiceData(patch: $0.patch, schema: schema) }
            if out.pathExtension.lowercased() == "syx" {
                guard voices.count <= 32 else {
                    throw ExploreError("\(out.path): a .syx bulk dump holds 32 voices; give --count 32 or less, or a folder")
                }
                try createFolder(out.deletingLastPathComponent())
                try Data(DX7SysEx.bulkDump(voices)).write(to: out, options: .atomic)
                return [out]
            }
            try createFolder(out)
            return try stride(from: 0, to: voices.count, by: 32).enumerated().map { number, start in
                let url = out.appendingPathComponent("unexplored-\(number + 1).syx")
                try Data(DX7SysEx.bulkDump(Array(voices[start..<min(start + 32, voices.count)]))).write(to: url, options: .atomic)
                return url
            }
        }
        if synth == AmsynthBank.synthID {
            guard let schema else { throw ExploreError("no amsynth schema to write presets with") }
            return try writeAmsynth(patches.map(\.patch), schema: schema, to: out)
        }
        guard out.pathExtension.isEmpty else {
            throw ExploreError("\(out.path): \(synth) patches are written as a folder of preset files; give a folder")
        }
        try createFolder(out)
        return try patches.map { explored in
            if synth == LMMSPreset.synthID, let schema {
                let url = out.appendingPathComponent(fileName(explored.patch.name) + ".xpf")
                try LMMSPresetWriter.write(explored.patch, schema: schema, to: url)
                return url
            }
            let url = out.appendingPathComponent(fileName(explored.patch.name) + ".xml")
            let comment = String(format: "Explored by presetatlas: %.2f bank spacings from the nearest preset; from %@.",
                                 explored.distanceRatio, explored.origin)
            try NativePreset(patch: explored.patch, author: "presetatlas explore", comment: comment).write(to: url, schema: schema)
            return url
        }
    }

    /// amsynth: `out` ending in `.bank` gets one bank (at most 128 presets); a folder gets
    /// `unexplored-1.amSynth.bank`, ... of 128 presets each.
    static func writeAmsynth(_ patches: [Patch], schema: SynthSchema, to out: URL) throws -> [URL] {
        let size = AmsynthBankWriter.presetsPerBank
        if out.pathExtension.lowercased() == "bank" {
            guard patches.count <= size else {
                throw ExploreError("\(out.path): an amsynth bank holds \(size) presets; give --count \(size) or less, or a folder")
            }
            try createFolder(out.deletingLastPathComponent())
            try Data(AmsynthBankWriter.text(patches, schema: schema).utf8).write(to: out, options: .atomic)
            return [out]
        }
        try createFolder(out)
        return try stride(from: 0, to: patches.count, by: size).enumerated().map { number, start in
            let url = out.appendingPathComponent("unexplored-\(number + 1).amSynth.bank")
            let bank = Array(patches[start..<min(start + size, patches.count)])
            try Data(AmsynthBankWriter.text(bank, schema: schema).utf8).write(to: url, options: .atomic)
            return url
        }
    }

    /// How many patches share one written file, in order: a DX7 bulk dump's 32, an amsynth bank's 128, else 1.
    public static func patchesPerFile(synth: String) -> Int {
        switch synth {
        case DX7VoiceData.synthID: return 32
        case AmsynthBank.synthID: return AmsynthBankWriter.presetsPerBank
        default: return 1
        }
    }

    /// The patch as the written file gives it back: DX7 values rounded and clamped to the voice's fields.
    /// TripleOscillator: every value as the .xpf spells it, no FX chain (an .xpf written here has none).
    /// amsynth: values through amsynth's own float parser.
    public static func asWritten(_ patch: Patch, schema: SynthSchema) -> Patch {
        switch patch.synthID {
        case DX7VoiceData.synthID:
            return DX7VoiceData(patch: patch, schema: schema).patch(schema: schema)
        case LMMSPreset.synthID:
            return LMMSPresetWriter.asWritten(patch, schema: schema)
        case AmsynthBank.synthID:
            return AmsynthBankWriter.asWritten(patch, schema: schema)
        default:
            return patch
        }
    }

    static func fileName(_ name: String) -> String {
        let safe = name.unicodeScalars.map { scalar -> Character in
            CharacterSet.alphanumerics.contains(scalar) && scalar.isASCII || "+-. ".unicodeScalars.contains(scalar) ? Character(scalar) : "_"
        }
        let trimmed = String(safe).trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? "patch" : trimmed
    }

    private static func createFolder(_ url: URL) throws {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
}
