// Parameter stickiness of one bank: turns a synth schema and the bank's patches into the
// file-agnostic columns `SoundSpace` analyses, plus each preset's distance from the init patch.
import Foundation
import SoundSpace
import Synthesis

/// Stickiness and init-patch distances of one synth's bank.
public struct ParameterBankReport: Sendable {
    public var synthID: String
    public var tool: String
    public var presets: Int
    public var parameters: [StickinessResult]
    /// Per preset, in input order: name, source file, distance from the init patch.
    public var distances: [(name: String, file: String, distance: InitPatchDistance)]

    public var untouched: [StickinessResult] { parameters.filter(\.untouched) }

    public var medianDistance: Double {
        let sorted = distances.map(\.distance.rms).sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    public var meanDistance: Double {
        distances.isEmpty ? 0 : distances.map(\.distance.rms).reduce(0, +) / Double(distances.count)
    }
}

public enum BiasParameters {
    /// Probability that a uniform random setting (the sampler's: uniform in the normalised range
    /// through the scale) lands at the default within the resolution that `isAtDefault` uses.
    public static func randomAtDefaultProbability(_ spec: ParameterSpec) -> Double {
        switch spec.scale {
        case .int, .enum, .bool:
            return 1 / Swift.max(1, spec.maximum - spec.minimum + 1)
        case .linear, .log:
            guard spec.maximum > spec.minimum else { return 1 }
            let tolerance = Swift.max(spec.resolution / 2, 1e-9 * Swift.max(1, Swift.abs(spec.defaultValue)))
            let low = Swift.max(spec.minimum, spec.defaultValue - tolerance)
            let high = Swift.min(spec.maximum, spec.defaultValue + tolerance)
            return Swift.max(0, spec.normalised(high) - spec.normalised(low))
        }
    }

    /// Patch attribute naming (comma-separated) parameters whose value a reader could not express in
    /// the schema (e.g. `ZynAddSubFXInstrument.unknownParametersAttribute`): such a preset is left out
    /// of those parameters' counts and of its distance, never counted as "at default".
    public static let unknownParametersAttribute = "unknownParameters"

    static func unknownParameters(_ patch: Patch) -> Set<String> {
        guard let list = patch.attributes[unknownParametersAttribute], !list.isEmpty else { return [] }
        return Set(list.split(separator: ",").map(String.init))
    }

    /// Analyses `patches` (with the file each came from) against `schema`. O(presets × parameters).
    public static func analyse(schema: SynthSchema, patches: [(patch: Patch, file: String)]) -> ParameterBankReport {
        let specs = schema.parameters
        let unknown = patches.map { unknownParameters($0.patch) }
        let columns = specs.map { spec in
            ParameterColumn(id: spec.id, label: spec.label,
                            atDefault: patches.indices.filter { !unknown[$0].contains(spec.id) }
                                .map { spec.isAtDefault(patches[$0].patch.value(spec)) },
                            randomAtDefaultProbability: randomAtDefaultProbability(spec))
        }
        let distances = patches.indices.map { i -> (name: String, file: String, distance: InitPatchDistance) in
            let entry = patches[i]
            let known = specs.filter { !unknown[i].contains($0.id) }
            let values = known.map { entry.patch.value($0) }
            let normalised = zip(known, values).map { $0.normalised($1) }
            let changed = zip(known, values).map { !$0.isAtDefault($1) }
            return (entry.patch.name, entry.file,
                    InitPatchDistance.measure(preset: normalised, initPatch: known.map { $0.normalised($0.defaultValue) },
                                              changed: changed))
        }
        return ParameterBankReport(synthID: schema.id, tool: schema.tool, presets: patches.count,
                                   parameters: ParameterStickiness.analyse(columns), distances: distances)
    }
}
