// The points of one synth in an analysed atlas, in the standardised space the report's metrics use.
import Foundation
import GRDB
import SoundSpace
import Synthesis

/// One rendered, embedded patch of the atlas (or one rendered while exploring).
public struct ExplorePoint: Sendable {
    public var key: String
    public var origin: String
    public var patch: Patch
    public var rms: Float
    /// Short-term level (Features.Audibility), dBFS.
    public var levelDecibels: Double
    public var peak: Float
    /// The embedder's output, before standardisation.
    public var raw: [Float]
}

/// The z-scoring the atlas's analysis applied (stored as its `standardisation` metrics), so points
/// rendered later land in the same space as the map and the coverage figures.
public struct Standardisation: Sendable {
    public var means: [Float]
    public var deviations: [Float]
    /// The synth's learnt invariance transform, when the analysis measured in its space (replaces the z-scores).
    public var invariance: InvarianceTransform?

    public func apply(_ vector: [Float]) -> [Float] {
        if let invariance { return invariance.apply(vector) }
        return zip(vector, zip(means, deviations)).map { value, stats in stats.1 > 1e-12 ? (value - stats.0) / stats.1 : 0 }
    }

    /// - Throws: `SoundSpaceError` when a point's embedding is not as long as the atlas's.
    public func matrix(_ points: [ExplorePoint]) throws -> Matrix {
        try Matrix(rows: points.count, columns: invariance?.components ?? means.count, values: points.flatMap { apply($0.raw) })
    }
}

enum ExploreStore {
    /// Every embedded patch of `synth` with its render levels, in key order.
    static func points(_ store: AtlasStore, synth: String) throws -> [ExplorePoint] {
        try store.read { db in
            try Row.fetchAll(db, sql: """
                SELECT p.key, p.origin, p.name, p.valuesJSON, p.attributesJSON, r.rms, r.levelDecibels, r.peak, e.vector
                FROM patch p JOIN render r ON r.patchKey = p.key JOIN embedding e ON e.patchKey = p.key
                WHERE p.synth = ? ORDER BY p.key
                """, arguments: [synth]).map { row in
                let patch = Patch(synthID: synth, name: row["name"], values: try PatchJSON.decodeValues(row["valuesJSON"]),
                                  attributes: try PatchJSON.decodeAttributes(row["attributesJSON"]))
                return ExplorePoint(key: row["key"], origin: row["origin"], patch: patch, rms: Float(row["rms"] as Double),
                                    levelDecibels: StoredAudibility.levelDecibels(stored: row["levelDecibels"], rms: row["rms"]),
                                    peak: Float(row["peak"] as Double), raw: EmbeddingBlob.decode(row["vector"]))
            }
        }
    }

    /// The analysis's standardisation; throws when the atlas was never analysed.
    static func standardisation(_ store: AtlasStore, synth: String) throws -> Standardisation {
        let rows = try store.read { db in
            try Row.fetchAll(db, sql: "SELECT name, value FROM metric WHERE scope = 'standardisation'")
                .map { ($0["name"] as String, $0["value"] as Double) }
        }
        var means: [Int: Float] = [:], deviations: [Int: Float] = [:]
        for (name, value) in rows {
            let parts = name.split(separator: ".")
            guard parts.count == 2, let index = Int(parts[1]) else { continue }
            if parts[0] == "mean" { means[index] = Float(value) } else if parts[0] == "deviation" { deviations[index] = Float(value) }
        }
        let dimension = means.count
        guard dimension > 0, deviations.count == dimension, (0..<dimension).allSatisfy({ means[$0] != nil && deviations[$0] != nil }) else {
            throw AtlasStoreError("\(store.url.deletingLastPathComponent().path): the atlas has no analysis yet; run `presetatlas atlas` to its end first")
        }
        var standardisation = Standardisation(means: (0..<dimension).map { means[$0]! }, deviations: (0..<dimension).map { deviations[$0]! })
        if rows.contains(where: { $0.0 == "invariance" }) { standardisation.invariance = try InvarianceStage.load(store)[synth]?.transform }
        return standardisation
    }

    static func renderSettings(_ store: AtlasStore) throws -> AtlasSettings {
        let stored = try store.settings()
        func number(_ key: String) throws -> Double {
            guard let text = stored[key], let value = Double(text), value.isFinite else {
                throw AtlasStoreError("\(store.url.path): setting \(key) missing or not a number")
            }
            return value
        }
        var settings = AtlasSettings(randomCount: Int(try number("randomCount")), seed: UInt64(try number("seed")))
        settings.render = RenderSettings(note: Int(try number("note")), velocity: Int(try number("velocity")),
                                         holdSeconds: try number("holdSeconds"), tailSeconds: try number("tailSeconds"))
        settings.render.sampleRateHz = try number("sampleRateHz")
        settings.render.tempoBPM = try number("tempoBPM")
        settings.render.seed = UInt64(try number("renderSeed"))
        // Explored points are played like the atlas's own (`atlas --notes`).
        settings.probeNotes = stored["notes"].map { $0.split(separator: ",").compactMap { Int($0) } } ?? []
        // Previews of explored patches are cut like every other point's (older atlases lack these: defaults).
        if let seconds = stored["previewSeconds"].flatMap(Double.init), seconds.isFinite, seconds > 0 { settings.previewSeconds = seconds }
        if let rate = stored["previewSampleRateHz"].flatMap(Double.init), rate.isFinite, rate > 0 { settings.previewSampleRateHz = rate }
        return settings
    }
}
