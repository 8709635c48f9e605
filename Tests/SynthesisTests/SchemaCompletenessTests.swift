// Engines read parameters only through Synths/*.xml: an id (or a DX7 VCED place) the schema lacks
// is a render error naming it, never a silent 0.
import Foundation
import Formats
import Testing
import TestSupport
@testable import Synthesis

@Suite struct SchemaCompletenessTests {
    static let settings = RenderSettings(note: 60, velocity: 100, holdSeconds: 0.1, tailSeconds: 0.05, sampleRateHz: 22_050)

    static func schema(_ id: String, without removed: String? = nil) throws -> SynthSchema {
        var schema = try TestSchemas.load(id)
        if let removed {
            let before = schema.parameters.count
            schema.parameters.removeAll { $0.id == removed }
            #expect(schema.parameters.count == before - 1, "\(removed) is not in \(id).xml")
        }
        return schema
    }

    static func renderError(_ render: () throws -> AudioBuffer) -> String? {
        do { _ = try render(); return nil } catch { return "\(error)" }
    }

    @Test func tripleOscillatorRefusesASchemaLackingAnIdItReads() throws {
        let schema = try Self.schema("tripleoscillator", without: "eldata.fcut")
        let message = Self.renderError { try TripleOscillator(schema: schema).render(schema.initPatch(), settings: Self.settings) }
        #expect(message?.contains("eldata.fcut") == true, "got \(message ?? "no error")")
    }

    @Test func dx7RefusesASchemaLackingAVCEDParameter() throws {
        // OP3 is stored third from the front (OP6, OP5, OP4, OP3, ...): VCED 63-83, fine frequency is its 20th.
        let schema = try Self.schema("dx7", without: "op3.fine")
        let message = Self.renderError { try DX7(schema: schema).render(schema.initPatch(), settings: Self.settings) }
        #expect(message?.contains("vced[82]") == true, "got \(message ?? "no error")")
    }

    @Test func dx7SchemaNamesEachVCEDParameterOnce() throws {
        let places = try Self.schema("dx7").parameters.compactMap { $0.storedIndex(in: "vced")?.index }
        #expect(places.sorted() == Array(0..<145))
    }

    @Test func storedIndexReadsPlaceAndOffset() {
        func spec(_ source: String) -> ParameterSpec {
            ParameterSpec(id: "x", label: "x", minimum: 0, maximum: 1, defaultValue: 0, scale: .linear, source: source)
        }
        #expect(spec("vced[134]+1").storedIndex(in: "vced")! == (134, 1))
        #expect(spec("vced[5]").storedIndex(in: "vced")! == (5, 0))
        #expect(spec("osc0/@vol").storedIndex(in: "vced") == nil)
        #expect(spec("vced[x]").storedIndex(in: "vced") == nil)
        #expect(spec("vced[3]-").storedIndex(in: "vced") == nil)
        #expect(spec("voice[3]").storedIndex(in: "vced") == nil)
    }
}
