// Stage 3: with every patch rendered, standardises the embeddings, projects them onto the map and
// measures each synth's presets against its random settings. One transaction; skipped when the
// embeddings are unchanged since the last analysis.
import Foundation
import GRDB
import SoundSpace
import Synthesis

public enum AnalysisStage {
    /// Neighbours for PRDC (Naeem et al. 2020 use k = 5).
    static let prdcNeighbours = 5
    /// Rows kept per ranking table.
    static let rankingLength = 10
    /// A random point counts as playable (for "empty regions") above this RMS (-50 dBFS).
    static let playableRMS = 0.00316

    public enum Outcome: Sendable, Equatable {
        /// Patches still to render (in some shard): nothing analysed.
        case waiting(pending: Int)
        case analysed(points: Int)
        case unchanged(points: Int)
    }

    struct Point {
        var key: String
        var synth: String
        var origin: PatchOrigin
        var sweepParameter: String?
        var collection: String
        var rms: Double
    }

    /// The metric scope of one collection of a synth's presets (`dx7 · DX7 SysEx`).
    public static func scope(synth: String, collection: String) -> String { "\(synth) · \(collection)" }

    public static func run(store: AtlasStore, analysis: any SpaceAnalysis, seed: UInt64) throws -> Outcome {
        let pending = try store.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM patch p LEFT JOIN render r ON r.patchKey = p.key WHERE r.patchKey IS NULL") ?? 0
        }
        guard pending == 0 else { return .waiting(pending: pending) }

        let (points, vectors) = try store.read { db -> ([Point], [[Float]]) in
            var points: [Point] = []
            var vectors: [[Float]] = []
            for row in try Row.fetchAll(db, sql: """
                SELECT p.key, p.synth, p.origin, p.sweepParameter, p.collection, r.rms, e.vector FROM patch p
                JOIN embedding e ON e.patchKey = p.key JOIN render r ON r.patchKey = p.key ORDER BY p.key
                """) {
                points.append(Point(key: row["key"], synth: row["synth"],
                                    origin: PatchOrigin(rawValue: row["origin"]) ?? .random,
                                    sweepParameter: row["sweepParameter"], collection: row["collection"], rms: row["rms"]))
                vectors.append(EmbeddingBlob.decode(row["vector"]))
            }
            return (points, vectors)
        }
        let fingerprint = "\(points.count) \(stableHash64(points.map(\.key).joined(separator: "\n"))) \(analysis.projectionName) \(seed)"
        let previous = try store.read { db in
            try String.fetchOne(db, sql: "SELECT fingerprint FROM stage WHERE name = 'analysis'")
        }
        if previous == fingerprint { return .unchanged(points: points.count) }

        let dimension = vectors.first?.count ?? 0
        guard vectors.allSatisfy({ $0.count == dimension }) else {
            throw AtlasStoreError("\(store.url.path): embeddings of different lengths; was the embedder changed mid-run?")
        }
        let (standardised, means, deviations) = standardise(vectors, dimension: dimension)

        var metrics: [(scope: String, name: String, value: Double)] = []
        var findings: [(kind: String, scope: String, rank: Int, key: String?, parameter: String?, value: Double)] = []
        for (i, mean) in means.enumerated() {
            metrics.append(("standardisation", "mean.\(i)", Double(mean)))
            metrics.append(("standardisation", "deviation.\(i)", Double(deviations[i])))
        }

        // The map: every point of every synth on one plane (coverage itself is measured in the full space).
        let map = points.count >= 3 ? try analysis.project(standardised, seed: seed) : Matrix(rows: points.count, columns: 2)
        guard map.rows == points.count, map.columns >= 2 else {
            throw AtlasStoreError("projection gave \(map.rows)x\(map.columns) for \(points.count) points")
        }

        for synth in Set(points.map(\.synth)).sorted() {
            let indices = points.indices.filter { points[$0].synth == synth }
            let presets = indices.filter { points[$0].origin == .preset }
            let randoms = indices.filter { points[$0].origin == .random }
            metrics.append((synth, "presets", Double(presets.count)))
            metrics.append((synth, "random", Double(randoms.count)))
            let presetMatrix = standardised.selecting(rows: presets)
            let randomMatrix = standardised.selecting(rows: randoms)
            if presets.count > prdcNeighbours, randoms.count > prdcNeighbours {
                let prdc = try analysis.fidelityDiversity(real: randomMatrix, fake: presetMatrix, k: prdcNeighbours)
                metrics += [(synth, "precision", prdc.precision), (synth, "recall", prdc.recall),
                            (synth, "density", prdc.density), (synth, "coverage", prdc.coverage)]
            }
            // The headline's figures: against as many audible random settings as there are presets.
            let audible = randoms.filter { points[$0].rms >= playableRMS }
            metrics.append((synth, "random.audible", Double(audible.count)))
            if let balanced = try BalancedCoverage.measure(presets: presetMatrix, audibleRandom: standardised.selecting(rows: audible),
                                                           analysis: analysis, k: prdcNeighbours, seed: seed) {
                metrics += balanced.metrics(scope: synth)
            }
            // Each collection (factory bank, this project's bank, ...) on its own against the same random settings.
            let collections = Set(presets.map { points[$0].collection }).sorted()
            if collections.count > 1, randoms.count > prdcNeighbours {
                for collection in collections {
                    let members = presets.filter { points[$0].collection == collection }
                    guard members.count > prdcNeighbours else { continue }
                    let prdc = try analysis.fidelityDiversity(real: randomMatrix, fake: standardised.selecting(rows: members),
                                                              k: prdcNeighbours)
                    let scope = scope(synth: synth, collection: collection)
                    metrics += [(scope, "presets", Double(members.count)), (scope, "random", Double(randoms.count)),
                                (scope, "precision", prdc.precision), (scope, "recall", prdc.recall),
                                (scope, "density", prdc.density), (scope, "coverage", prdc.coverage)]
                    metrics.append((scope, "random.audible", Double(audible.count)))
                    if let balanced = try BalancedCoverage.measure(presets: standardised.selecting(rows: members),
                                                                   audibleRandom: standardised.selecting(rows: audible),
                                                                   analysis: analysis, k: prdcNeighbours, seed: seed) {
                        metrics += balanced.metrics(scope: scope)
                    }
                }
            }
            // Occupancy: k-means cells over presets and random points together; which cells each reaches.
            let both = presets + randoms
            let clusters = min(32, both.count / 5)
            if clusters >= 2 {
                let labels = try analysis.kMeansLabels(standardised.selecting(rows: both), clusters: clusters, seed: seed)
                let presetCells = Set(labels.prefix(presets.count)), randomCells = Set(labels.dropFirst(presets.count))
                metrics += [(synth, "cells", Double(clusters)),
                            (synth, "occupancy.presets", Double(presetCells.count) / Double(clusters)),
                            (synth, "occupancy.random", Double(randomCells.count) / Double(clusters))]
            }
            // The most original presets: furthest from their nearest other preset.
            if presets.count >= 2 {
                let distances = analysis.nearestDistances(from: presetMatrix, to: presetMatrix, excludingSameIndex: true)
                for (rank, j) in topIndices(distances, count: rankingLength).enumerated() {
                    findings.append(("original", synth, rank + 1, points[presets[j]].key, nil, Double(distances[j])))
                }
            }
            // The largest empty regions: playable random points furthest from every preset.
            let playable = randoms.filter { points[$0].rms >= playableRMS }
            if !presets.isEmpty, !playable.isEmpty {
                let distances = analysis.nearestDistances(from: standardised.selecting(rows: playable), to: presetMatrix,
                                                          excludingSameIndex: false)
                for (rank, j) in topIndices(distances, count: rankingLength).enumerated() {
                    findings.append(("empty", synth, rank + 1, points[playable[j]].key, nil, Double(distances[j])))
                }
            }
            // The knobs that move the sound furthest: the radius of each one-knob sweep (SoundSpace.Reach:
            // the largest distance of any step from the init patch's sound), steps in sweep order.
            let initIndex = indices.first { points[$0].origin == .initPatch }
            var spreads: [(String, Double)] = []
            for parameter in Set(indices.compactMap { points[$0].sweepParameter }).sorted() {
                let steps = indices.filter { points[$0].sweepParameter == parameter }
                    .sorted { points[$0].key.sweepStep < points[$1].key.sweepStep }
                let origin = initIndex.map { standardised.row($0) }
                spreads.append((parameter, try Reach.sweep(standardised.selecting(rows: steps), origin: origin).radius))
            }
            let ordered = spreads.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.prefix(rankingLength)
            for (rank, spread) in ordered.enumerated() {
                findings.append(("knob", synth, rank + 1, nil, spread.0, spread.1))
            }
        }

        try store.write { db in
            try db.execute(sql: "DELETE FROM mapPoint; DELETE FROM metric; DELETE FROM finding")
            for (i, point) in points.enumerated() {
                try db.execute(sql: "INSERT INTO mapPoint(patchKey, method, x, y) VALUES (?, 'map', ?, ?)",
                               arguments: [point.key, Double(map[i, 0]), Double(map[i, 1])])
            }
            for metric in metrics where metric.value.isFinite {
                try db.execute(sql: "INSERT INTO metric(scope, name, value) VALUES (?, ?, ?)",
                               arguments: [metric.scope, metric.name, metric.value])
            }
            for f in findings {
                try db.execute(sql: "INSERT INTO finding(kind, scope, rank, patchKey, parameterID, value) VALUES (?, ?, ?, ?, ?, ?)",
                               arguments: [f.kind, f.scope, f.rank, f.key, f.parameter, f.value])
            }
            try db.execute(sql: "INSERT INTO metric(scope, name, value) VALUES ('map', ?, 1)", arguments: [analysis.projectionName])
            try db.execute(sql: "INSERT OR REPLACE INTO stage(name, fingerprint) VALUES ('analysis', ?)", arguments: [fingerprint])
        }
        return .analysed(points: points.count)
    }

    /// Z-scores every column (mean 0, deviation 1; constant columns become 0) so no descriptor dominates
    /// distances by its unit alone. Returns the matrix and the per-column mean and deviation.
    static func standardise(_ vectors: [[Float]], dimension: Int) -> (Matrix, [Float], [Float]) {
        let n = vectors.count
        var means = [Double](repeating: 0, count: dimension)
        var squares = [Double](repeating: 0, count: dimension)
        for v in vectors { for j in 0..<dimension { means[j] += Double(v[j]) } }
        for j in 0..<dimension { means[j] /= Double(max(n, 1)) }
        for v in vectors { for j in 0..<dimension { let d = Double(v[j]) - means[j]; squares[j] += d * d } }
        let deviations = squares.map { ($0 / Double(max(n, 1))).squareRoot() }
        var values = [Float](repeating: 0, count: n * dimension)
        for (i, v) in vectors.enumerated() {
            for j in 0..<dimension where deviations[j] > 1e-12 {
                values[i * dimension + j] = Float((Double(v[j]) - means[j]) / deviations[j])
            }
        }
        return (Matrix(rows: n, columns: dimension, values: values), means.map(Float.init), deviations.map(Float.init))
    }

    /// Indices of the `count` largest values, largest first, ties by index.
    static func topIndices(_ values: [Float], count: Int) -> [Int] {
        Array(values.indices.filter { values[$0].isFinite }
            .sorted { values[$0] != values[$1] ? values[$0] > values[$1] : $0 < $1 }.prefix(count))
    }
}

private extension String {
    /// The step number at the end of a sweep patch's key (`synth|sweep|parameter|step`).
    var sweepStep: Int { Int(split(separator: "|").last ?? "") ?? 0 }
}
