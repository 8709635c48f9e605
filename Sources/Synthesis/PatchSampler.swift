// Random, Sobol and one-knob-sweep patches of a synth, reproducible from a seed and an index.

/// How random settings are drawn.
public enum SamplingMethod: String, Sendable, CaseIterable {
    /// Independent uniform draws in each parameter's normalised range (SplitMix64).
    case uniform
    /// A digitally shifted Sobol sequence over all parameters (Joe & Kuo direction numbers).
    case sobol
}

/// Makes patches of one schema. Every patch depends only on (schema, method, seed, index), so a
/// resumed or sharded run makes exactly the patches an uninterrupted one does.
public struct PatchSampler: Sendable {
    public let schema: SynthSchema
    public let method: SamplingMethod
    public let seed: UInt64
    private let sobol: SobolSequence?

    public init(schema: SynthSchema, method: SamplingMethod = .uniform, seed: UInt64) throws {
        self.schema = schema
        self.method = method
        // The synth id enters the seed so two synths never share a stream.
        self.seed = SplitMix64.mix(seed, stableHash64(schema.id))
        sobol = method == .sobol && !schema.parameters.isEmpty
            ? try SobolSequence(dimensions: schema.parameters.count, digitalShiftSeed: self.seed) : nil
    }

    /// Random patch number `index` (0-based). Uniform: parameter values are `value(atNormalised:)` of
    /// a uniform draw, so log-scaled times and frequencies spread evenly over octaves. Sobol: point
    /// `index + 1` of the sequence (the origin, every knob at its minimum, is skipped).
    public func randomPatch(index: Int) -> Patch {
        let units: [Double]
        if let sobol {
            units = sobol.point(UInt32(truncatingIfNeeded: index + 1))
        } else {
            var generator = SplitMix64(seed: SplitMix64.mix(seed, UInt64(index)))
            units = schema.parameters.map { _ in generator.nextUnit() }
        }
        var values: [String: Double] = [:]
        for (spec, unit) in zip(schema.parameters, units) { values[spec.id] = spec.value(atNormalised: unit) }
        return Patch(synthID: schema.id, name: "\(method.rawValue) \(index)", values: values)
    }

    /// Random patches `range`.
    public func randomPatches(_ range: Range<Int>) -> [Patch] { range.map(randomPatch(index:)) }

    /// One sweep step: a parameter and where it was set.
    public struct SweepStep: Sendable, Equatable {
        public var parameterID: String
        public var step: Int
        public var normalised: Double
        public var patch: Patch
    }

    /// For every parameter, `steps` patches equal to the init patch except that parameter, set at
    /// evenly spaced points 0, 1/(S-1), ..., 1 of its normalised range. Stepped parameters with fewer
    /// than `steps` values give each value once. Patches equal to the init patch are kept (they
    /// anchor the sweep's distance to the init sound).
    public static func sweeps(of schema: SynthSchema, steps: Int) -> [SweepStep] {
        guard steps >= 2 else { return [] }
        let initPatch = schema.initPatch()
        var out: [SweepStep] = []
        for spec in schema.parameters where spec.maximum > spec.minimum {
            var seen = Set<Double>()
            for step in 0..<steps {
                let unit = Double(step) / Double(steps - 1)
                let value = spec.value(atNormalised: unit)
                guard seen.insert(value).inserted else { continue }
                var patch = initPatch
                patch.values[spec.id] = value
                patch.name = "\(spec.id) \(step + 1)/\(steps)"
                out.append(SweepStep(parameterID: spec.id, step: step, normalised: unit, patch: patch))
            }
        }
        return out
    }
}
