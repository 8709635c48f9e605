// New candidates for `explore`: random settings searched toward empty regions, and mutations of a preset
// pushed out of the bank's region. Each is rendered and embedded exactly as the atlas renders its patches.
import Foundation
import SoundSpace
import Synthesis

extension ExploreRun {
    /// Rejection sampling plus one round of local search: `searchSize` new random settings, then 16
    /// mutations of each of the 8 farthest from the bank.
    static func searchCandidates(request: ExploreRequest, presets: Matrix, spacing: Double, standardisation: Standardisation,
                                 settings: AtlasSettings, components: AtlasComponents,
                                 progress: (String) -> Void) throws -> [ExplorePoint] {
        let schema = try model(request.synth, components).schema
        guard request.searchSize >= 1, request.searchSize <= 1_000_000 else { throw ExploreError("--search must be 1...1000000") }
        // A seed stream apart from the atlas's own random settings, so the search finds new ones.
        let sampler = try PatchSampler(schema: schema, method: .uniform, seed: SplitMix64.mix(request.seed, 0x5EA7C4))
        let drawn = sampler.randomPatches(0..<request.searchSize).enumerated().map { i, patch in
            (key: "search #\(i)", patch: patch)
        }
        progress("rendering \(drawn.count) new \(request.synth) settings")
        let first = render(drawn, settings: settings, components: components)
        let ratios = UnexploredSelection.nearestDistances(try standardisation.matrix(first), to: presets)
        let farthest = first.indices.sorted { ratios[$0] > ratios[$1] }.prefix(8)
        var mutations: [(key: String, patch: Patch)] = []
        for index in farthest {
            for k in 0..<16 {
                let seed = SplitMix64.mix(request.seed, UInt64(index * 16 + k) &+ 0xA11CE)
                mutations.append(("\(first[index].key) step \(k)", mutate(first[index].patch, schema: schema, spread: 0.1, seed: seed)))
            }
        }
        progress("local search: \(mutations.count) mutations of the 8 farthest")
        return first + render(mutations, settings: settings, components: components)
    }

    /// Mutations of the named preset at growing spreads (5 % ... 40 % of each knob's range), 48 per spread.
    static func beyondCandidates(request: ExploreRequest, presets: [ExplorePoint], presetMatrix: Matrix, spacing: Double,
                                 standardisation: Standardisation, settings: AtlasSettings, components: AtlasComponents,
                                 progress: (String) -> Void) throws -> [ExplorePoint] {
        guard let wanted = request.presetName?.trimmingCharacters(in: .whitespaces), !wanted.isEmpty else {
            throw ExploreError("--source beyond needs --preset NAME")
        }
        let matches = presets.filter { $0.patch.name.trimmingCharacters(in: .whitespaces).caseInsensitiveCompare(wanted) == .orderedSame }
        guard var start = matches.first else {
            let close = presets.map(\.patch.name).filter { $0.lowercased().contains(wanted.lowercased()) }.prefix(5)
            throw ExploreError("no \(request.synth) preset named \(wanted.debugDescription) in the atlas"
                               + (close.isEmpty ? "" : "; similar: " + close.joined(separator: ", ")))
        }
        let schema = try model(request.synth, components).schema
        // The exported .xpf carries no FX chain, so the mutations are heard (and measured) without one.
        start.patch.attributes[LMMSEffectChainSettings.attributeKey] = nil
        var mutations: [(key: String, patch: Patch)] = []
        for (step, spread) in [0.05, 0.1, 0.15, 0.2, 0.3, 0.4].enumerated() {
            for k in 0..<48 {
                let seed = SplitMix64.mix(request.seed, UInt64(step * 48 + k) &+ 0xBE10D)
                mutations.append(("beyond \(start.patch.name) #\(step * 48 + k)", mutate(start.patch, schema: schema, spread: spread, seed: seed)))
            }
        }
        progress("rendering \(mutations.count) mutations of \(start.patch.name)")
        return render(mutations, settings: settings, components: components)
    }

    /// Every knob moved by a Gaussian step of `spread` (share of its range, in the sampler's normalised
    /// units, so log-scaled knobs move by octaves), clamped into range.
    static func mutate(_ patch: Patch, schema: SynthSchema, spread: Double, seed: UInt64) -> Patch {
        var generator = SplitMix64(seed: seed)
        var mutated = patch
        for spec in schema.parameters {
            // Box-Muller from two uniform draws.
            let u1 = max(generator.nextUnit(), 1e-12), u2 = generator.nextUnit()
            let step = (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2) * spread
            let unit = min(max(spec.normalised(patch.value(spec)) + step, 0), 0.999_999)
            mutated.values[spec.id] = spec.value(atNormalised: unit)
        }
        return mutated
    }

    static func model(_ synth: String, _ components: AtlasComponents) throws -> any SynthModel {
        guard let model = components.models[synth] else { throw ExploreError("synth \(synth) is not built in") }
        return model
    }

    /// Renders and embeds on all cores, 64 at a time; renders that fail are left out.
    static func render(_ patches: [(key: String, patch: Patch)], settings: AtlasSettings,
                       components: AtlasComponents) -> [ExplorePoint] {
        var points: [ExplorePoint] = []
        var start = 0
        while start < patches.count {
            let batch = patches[start..<min(start + 64, patches.count)]
            let pending = batch.map { item in
                RenderStage.Pending(key: item.key, synth: item.patch.synthID, valuesJSON: PatchJSON.encode(item.patch.values),
                                    attributesJSON: PatchJSON.encode(item.patch.attributes), name: item.patch.name,
                                    keepsPreview: false)
            }
            let outcomes = RenderStage.renderConcurrently(pending, components: components, settings: settings)
            let byKey = Dictionary(outcomes.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
            for item in batch {
                guard let outcome = byKey[item.key], let vector = outcome.embedding else { continue }
                points.append(ExplorePoint(key: item.key, origin: "explore", patch: item.patch, rms: outcome.rms,
                                           levelDecibels: outcome.levelDecibels,
                                           peak: outcome.peak, raw: vector))
            }
            start += batch.count
        }
        return points
    }
}
