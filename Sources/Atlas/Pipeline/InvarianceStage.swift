// Stage 3a (before the analysis): learns which directions of the embedding only say "another note,
// velocity or level" from the synths' own renders, without labels: of each synth a quarter of its audible
// patches (at least 8, at most 160, chosen by a stable hash of their keys), each heard five ways: as the
// atlas rendered it (its stored embedding), 12 dB quieter, an octave down, an octave up, and at a softer
// velocity. The patch is the class of SoundSpace.InvarianceTransform. ONE transform is fitted on the
// pooled renders of every synth, each synth weighted equally, so a multi-synth atlas keeps one space in
// which distances between synths mean something (README: measured, pooling costs a synth little). Patches `explore` added are left
// out, so exporting never moves a bank's figures. The transform is stored in the atlas (table `invariance`, as
// JSON a reader can inspect) with the fingerprint of what it was fitted on; the same bank and settings
// give the same transform, and an unchanged fingerprint skips the work on the next run.
import Dispatch
import Features
import Foundation
import GRDB
import SoundSpace
import Synthesis

public enum InvarianceStage {
    static let maximumPatches = 160
    /// The share of a synth's audible patches used for fitting (the rest only use the transform).
    static let patchShare = 4
    /// The softer velocity, as a share of the probe's.
    static let softVelocityShare = 0.6
    static let quieterDecibels = -12.0
    static let components = 32
    static let regularisation = 0.1
    /// Fewer patches than this leave a synth without a transform (its scatter would be noise).
    static let minimumPatches = 8

    /// A synth's stored transform and what it was fitted on.
    public struct Fitted: Sendable {
        public var synth: String
        public var fingerprint: String
        public var patches: Int
        public var renders: Int
        public var transform: InvarianceTransform
    }

    /// The probes each fitting patch is rendered with, and the gain each render is heard at: the atlas's
    /// own probe 12 dB quieter, an octave down, an octave up, a softer velocity.
    static func probes(_ base: RenderSettings) -> [(settings: RenderSettings, gainDecibels: Double)] {
        var low = base, high = base, soft = base
        low.note = max(0, base.note - 12)
        high.note = min(127, base.note + 12)
        soft.velocity = max(1, Int((Double(base.velocity) * softVelocityShare).rounded()))
        return [(base, quieterDecibels), (low, 0), (high, 0), (soft, 0)]
    }

    /// Fits (or keeps) the atlas's one transform, stored once per synth (every synth measures in it).
    public static func run(store: AtlasStore, components: AtlasComponents) throws {
        let settings = try ExploreStore.renderSettings(store).render
        let candidates = try store.read { db in
            try Row.fetchAll(db, sql: """
                SELECT p.key, p.synth, p.name, p.valuesJSON, p.attributesJSON, e.vector FROM patch p
                JOIN embedding e ON e.patchKey = p.key WHERE p.origin != 'explored' ORDER BY p.key
                """).map { row in
                Candidate(key: row["key"], synth: row["synth"], name: row["name"], values: row["valuesJSON"],
                          attributes: row["attributesJSON"], vector: EmbeddingBlob.decode(row["vector"]))
            }
        }
        let synths = Set(candidates.map(\.synth)).sorted()
        // Each synth's fitting patches: a quarter of its audible ones, by a stable hash of their keys.
        let chosen: [(synth: String, patches: [Candidate])] = synths.map { synth in
            let audible = candidates.filter { $0.synth == synth }
            let cap = min(components.invariancePatches, max(minimumPatches, audible.count / patchShare))
            return (synth, Array(audible.sorted { (stableHash64($0.key), $0.key) < (stableHash64($1.key), $1.key) }.prefix(cap)))
        }
        let fingerprint = ([components.embedder.identifier, "octaves, soft \(softVelocityShare), \(quieterDecibels) dB",
                            "quantile-normalised", "components \(Self.components) r \(regularisation)", "pooled, synths weighted equally"]
                           + chosen.map { "\($0.synth) \($0.patches.count) \(stableHash64($0.patches.map(\.key).joined(separator: "\n")))" })
            .joined(separator: " | ")
        let stored = try load(store)
        if Set(stored.keys) == Set(synths), stored.values.allSatisfy({ $0.fingerprint == fingerprint }) { return }
        let patchCount = chosen.reduce(0) { $0 + $1.patches.count }
        guard patchCount >= minimumPatches, components.invariancePatches > 0 else {
            try store.write { db in try db.execute(sql: "DELETE FROM invariance") }
            return
        }
        // Rows of every synth, patches numbered across synths; each synth's rows share a total weight of 1.
        var vectors: [(patch: Int, vector: [Float], weight: Double)] = []
        var first = 0
        for (synth, patches) in chosen {
            var rows = patches.enumerated().map { (patch: first + $0.offset, vector: $0.element.vector) }
            if let model = components.models[synth] {
                let decoded = try patches.map {
                    Patch(synthID: synth, name: $0.name, values: try PatchJSON.decodeValues($0.values),
                          attributes: try PatchJSON.decodeAttributes($0.attributes))
                }
                rows += renderings(decoded, model: model, embedder: components.embedder, settings: settings)
                    .flatMap { $0 }.map { (patch: first + $0.patch, vector: $0.vector) }
            }
            vectors += rows.map { ($0.patch, $0.vector, 1 / Double(rows.count)) }
            first += patches.count
        }
        guard let width = vectors.first?.vector.count, vectors.allSatisfy({ $0.vector.count == width }),
              Set(vectors.map(\.patch)).count >= 2 else { return }
        let matrix = try Matrix(rows: vectors.count, columns: width, values: vectors.flatMap(\.vector))
        let transform = try InvarianceTransform.fit(matrix, patches: vectors.map(\.patch), weights: vectors.map(\.weight),
                                                    components: Self.components, regularisation: regularisation)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(transform), as: UTF8.self)
        try store.write { db in
            try db.execute(sql: "DELETE FROM invariance")
            for synth in synths {
                try db.execute(sql: """
                    INSERT INTO invariance(synth, fingerprint, patches, renders, transformJSON) VALUES (?, ?, ?, ?, ?)
                    """, arguments: [synth, fingerprint, Set(vectors.map(\.patch)).count, vectors.count, json])
            }
        }
    }

    /// A stored, embedded patch that may be chosen for fitting.
    struct Candidate {
        var key: String
        var synth: String
        var name: String
        var values: String
        var attributes: String
        var vector: [Float]
    }

    /// Every patch at every probe and its gain: the embeddings of the audible variants, on all cores.
    static func renderings(_ patches: [Patch], model: any SynthModel, embedder: any Embedder,
                           settings: RenderSettings) -> [[(patch: Int, vector: [Float])]] {
        let slots = Slots(count: patches.count)
        DispatchQueue.concurrentPerform(iterations: patches.count) { i in
            var out: [(patch: Int, vector: [Float])] = []
            for (probe, gain) in probes(settings) {
                guard let audio = try? model.render(patches[i], settings: probe), audio.frameCount > 0, audio.isFinite else { continue }
                let scale = Float(pow(10, gain / 20))
                let scaled = AudioBuffer(sampleRateHz: audio.sampleRateHz, channels: audio.channels.map { $0.map { $0 * scale } })
                guard Audibility.isAudible(scaled.mono, sampleRateHz: scaled.sampleRateHz),
                      let vector = try? embedder.embed(scaled, settings: probe), vector.allSatisfy(\.isFinite) else { continue }
                out.append((i, vector))
            }
            slots.set(i, out)
        }
        return slots.values
    }

    /// The stored transforms by synth.
    public static func load(_ store: AtlasStore) throws -> [String: Fitted] {
        try store.read { db in
            var out: [String: Fitted] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT synth, fingerprint, patches, renders, transformJSON FROM invariance") {
                let transform = try JSONDecoder().decode(InvarianceTransform.self, from: Data((row["transformJSON"] as String).utf8))
                out[row["synth"]] = Fitted(synth: row["synth"], fingerprint: row["fingerprint"], patches: row["patches"],
                                           renders: row["renders"], transform: transform)
            }
            return out
        }
    }
}

/// Result slots written from concurrent iterations, each index by exactly one.
private final class Slots: @unchecked Sendable {
    private var slots: [[(patch: Int, vector: [Float])]]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: [], count: count) }
    func set(_ index: Int, _ value: [(patch: Int, vector: [Float])]) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }
    var values: [[(patch: Int, vector: [Float])]] { slots }
}
