// Random, Sobol and sweep patches: reproducible, in range, spread as their scale says.
import Testing
@testable import Synthesis

private let schema = SynthSchema(id: "toy", name: "Toy", tool: "test", parameters: [
    ParameterSpec(id: "volume", label: "Volume", minimum: 0, maximum: 200, defaultValue: 100, scale: .linear),
    ParameterSpec(id: "attackSeconds", label: "Attack", minimum: 0.001, maximum: 10, defaultValue: 0.01, scale: .log),
    ParameterSpec(id: "wave", label: "Wave", minimum: 0, maximum: 2, defaultValue: 0, scale: .enum,
                  choices: ["sine", "saw", "square"]),
    ParameterSpec(id: "on", label: "On", minimum: 0, maximum: 1, defaultValue: 1, scale: .bool),
])

@Suite struct PatchSamplerTests {
    @Test func splitMixMatchesTheReferenceSequence() {
        // First outputs of Vigna's splitmix64.c seeded with 0 (published test vector).
        var generator = SplitMix64(seed: 0)
        #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
        #expect(generator.next() == 0x6E78_9E6A_A1B9_65F4)
    }

    @Test func sameSeedSamePatchesOtherSeedOthers() throws {
        let a = try PatchSampler(schema: schema, seed: 7).randomPatches(0..<20)
        let b = try PatchSampler(schema: schema, seed: 7).randomPatches(0..<20)
        let c = try PatchSampler(schema: schema, seed: 8).randomPatches(0..<20)
        #expect(a == b)
        #expect(a != c)
        // Any index alone gives the same patch as drawing the whole run (resume and shards rely on it).
        #expect(try PatchSampler(schema: schema, seed: 7).randomPatch(index: 13) == a[13])
    }

    @Test func uniformValuesFollowEachScale() throws {
        let patches = try PatchSampler(schema: schema, seed: 1).randomPatches(0..<4000)
        let attacks = patches.map { $0.values["attackSeconds"]! }
        #expect(attacks.allSatisfy { $0 >= 0.001 && $0 <= 10 })
        // Log scale: a quarter of the octaves lies below 0.01 s (log10 range -3...1), not 0.1 % of the span.
        let below = Double(attacks.filter { $0 < 0.01 }.count) / Double(attacks.count)
        #expect(abs(below - 0.25) < 0.03)
        let volumes = patches.map { $0.values["volume"]! }
        let mean = volumes.reduce(0, +) / Double(volumes.count)
        #expect(abs(mean - 100) < 4)
        // Enum: three choices, each about a third, all whole numbers.
        for choice in 0...2 {
            let share = Double(patches.filter { $0.values["wave"] == Double(choice) }.count) / 4000
            #expect(abs(share - 1.0 / 3) < 0.03)
        }
        #expect(patches.allSatisfy { [0, 1].contains($0.values["on"]!) })
    }

    @Test func sobolMatchesSciPyUnscrambled() throws {
        // Reference: scipy.stats.qmc.Sobol(d=200, scramble=False).random(1030), rows 1000 and 1029
        // (SciPy 1.17, an independent implementation over the same Joe & Kuo numbers).
        let sequence = try SobolSequence(dimensions: 200)
        let p1000 = sequence.point(1000), p1029 = sequence.point(1029)
        #expect(Array(p1000[0..<4]) == [0.2197265625, 0.0966796875, 0.5185546875, 0.6767578125])
        #expect(Array(p1000[150..<154]) == [0.0439453125, 0.8701171875, 0.4794921875, 0.9345703125])
        #expect(Array(p1029[0..<4]) == [0.87646484375, 0.50146484375, 0.32275390625, 0.11181640625])
        #expect(Array(p1029[150..<154]) == [0.70556640625, 0.10009765625, 0.50634765625, 0.02197265625])
    }

    @Test func sobolPointsAreBalancedAndShiftDependsOnSeed() throws {
        // The first 2^k points of a (shifted) Sobol net put exactly one point in each of 2^k equal bins per axis.
        let shifted = try SobolSequence(dimensions: 30, digitalShiftSeed: 99)
        let points = (0..<64).map { shifted.point(UInt32($0)) }
        for d in [0, 7, 29] {
            let bins = Set(points.map { Int($0[d] * 64) })
            #expect(bins.count == 64)
        }
        let other = try SobolSequence(dimensions: 30, digitalShiftSeed: 100)
        #expect(other.point(5) != shifted.point(5))
        #expect(throws: SobolError.self) { try SobolSequence(dimensions: 5000) }
    }

    @Test func sobolPatchesAreReproducibleAndInRange() throws {
        let a = try PatchSampler(schema: schema, method: .sobol, seed: 3).randomPatches(0..<32)
        let b = try PatchSampler(schema: schema, method: .sobol, seed: 3).randomPatches(0..<32)
        #expect(a == b)
        // Patch i is Sobol point i + 1, so patches 31..<63 are points 32..<64: an aligned block of 32
        // that fills each of 32 equal bins of a linear knob exactly once (32 uniform draws would leave
        // about 12 empty).
        let block = try PatchSampler(schema: schema, method: .sobol, seed: 3).randomPatches(31..<63)
        #expect(Set(block.map { Int($0.values["volume"]! / 200 * 32) }).count == 32)
    }

    @Test func sweepsMoveOneKnobFromTheInitPatch() {
        let sweeps = PatchSampler.sweeps(of: schema, steps: 5)
        let initValues = schema.initPatch().values
        // 5 steps for the two continuous knobs, 3 for the enum, 2 for the bool.
        #expect(sweeps.count == 5 + 5 + 3 + 2)
        for step in sweeps {
            let changed = step.patch.values.filter { initValues[$0.key] != $0.value }.map(\.key)
            #expect(changed.allSatisfy { $0 == step.parameterID })
        }
        let volumes = sweeps.filter { $0.parameterID == "volume" }.map { $0.patch.values["volume"]! }
        #expect(volumes == [0, 50, 100, 150, 200])
        let attacks = sweeps.filter { $0.parameterID == "attackSeconds" }.map { $0.patch.values["attackSeconds"]! }
        #expect(abs(attacks[2] - 0.1) < 1e-9)   // the geometric middle of 0.001...10
        #expect(PatchSampler.sweeps(of: schema, steps: 1).isEmpty)
    }
}
