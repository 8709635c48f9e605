// Monstro's engine on input LMMS never sees: hostile numbers (clamped by the schema), the shortest random LFO cycle at
// the lowest sample rate (LMMS would divide by zero), and a render repeated (its noise restarts with each render, as
// in a fresh LMMS process). Fidelity to LMMS itself: AtlasTests/MonstroFidelityOnTrackTests.
import Testing
import TestSupport
@testable import Synthesis

@Suite struct MonstroEngineTests {
    static let schema = TestSchemas.required("monstro")

    static func patch(_ values: [String: Double]) -> Patch {
        Patch(synthID: "monstro", name: "test", values: values)
    }

    @Test func hostileNumbersRenderFiniteSound() throws {
        let ids = Self.schema.parameters.map(\.id).filter { $0.hasPrefix("monstro.") }
        // 28 oscillator knobs, 20 LFO and 44 envelope ids (tempo sync included), 44 matrix amounts.
        #expect(ids.count == 136)
        for value in [Double.nan, .infinity, -.infinity, 1e308, -1e308] {
            let audio = try Monstro(schema: Self.schema).render(Self.patch(Dictionary(uniqueKeysWithValues: ids.map { ($0, value) })),
                                                               settings: .probe)
            #expect(audio.channels.count == 2 && audio.channels.allSatisfy { $0.allSatisfy(\.isFinite) }, "all knobs at \(value)")
        }
    }

    @Test func shortestRandomLFOAtTheLowestRateDoesNotTrap() throws {
        var values: [String: Double] = ["monstro.v1l1": 1, "monstro.v2l2": 1]
        for lfo in [1, 2] {
            values["monstro.l\(lfo)wav"] = Double(8 + lfo)  // random, random smooth
            values["monstro.l\(lfo)rat"] = 0.1
        }
        let settings = RenderSettings(note: 69, velocity: 100, holdSeconds: 0.2, tailSeconds: 0.1, sampleRateHz: 8000)
        let audio = try Monstro(schema: Self.schema).render(Self.patch(values), settings: settings)
        #expect(audio.channels.allSatisfy { $0.allSatisfy(\.isFinite) })
        #expect(audio.peak > 0.01)
    }

    @Test func aRenderRepeatsItsNoise() throws {
        // Osc 2 white noise, LFO 1 random on osc 1's pitch: both draw from the plugin's fast_rand.
        let patch = Self.patch(["monstro.o2wav": 9, "monstro.l1wav": 9, "monstro.l1rat": 5, "monstro.f1l1": 0.5])
        let engine = Monstro(schema: Self.schema)
        let first = try engine.render(patch, settings: .probe), second = try engine.render(patch, settings: .probe)
        #expect(first == second)
        #expect(first.peak > 0.05)
    }
}
