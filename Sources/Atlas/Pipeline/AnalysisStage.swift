// Stage 3: with every patch rendered, standardises the embeddings, projects them onto the map and
// measures each synth's presets against its random settings. One transaction; skipped when the
// embeddings are unchanged since the last analysis.
import Features
import Foundation
import GRDB
import SoundSpace
import Synthesis

public enum AnalysisStage {
    /// Neighbours for PRDC (Naeem et al. 2020 use k = 5).
    static let prdcNeighbours = 5
    /// Rows kept per ranking table.
    static let rankingLength = 10

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
        /// The held note's pitch (`KnobRanking.heldPitch`), when voiced.
        var pitch: Float? = nil
    }

    /// The metric scope of one collection of a synth's presets (`dx7 · DX7 SysEx`).
    public static func scope(synth: String, collection: String) -> String { "\(synth) · \(collection)" }

    /// What the analysis writes: metrics by scope and name, and ranked findings.
    struct Results {
        var metrics: [(scope: String, name: String, value: Double)] = []
        var findings: [(kind: String, scope: String, rank: Int, key: String?, parameter: String?, value: Double)] = []
        /// Steps skipped for too few points, one line each (shown in the report).
        var notes: [String] = []
        /// Rendered but inaudible patches (Features.Audibility) by synth and origin: counted, never measured.
        var inaudible: [String: [PatchOrigin: Int]] = [:]
    }

    public static func run(store: AtlasStore, analysis: any SpaceAnalysis, seed: UInt64) throws -> Outcome {
        let pending = try pendingCount(store)
        guard pending == 0 else { return .waiting(pending: pending) }
        let (points, vectors) = try loadPoints(store)
        let transforms = try InvarianceStage.load(store)
        let fingerprint = "\(points.count) \(stableHash64(points.map(\.key).joined(separator: "\n"))) \(analysis.projectionName) \(seed)"
            + transforms.keys.sorted().map { " \(stableHash64(transforms[$0]!.fingerprint))" }.joined()
        if try previousFingerprint(store) == fingerprint { return .unchanged(points: points.count) }

        let dimension = vectors.first?.count ?? 0
        guard vectors.allSatisfy({ $0.count == dimension }) else {
            throw AtlasStoreError("\(store.url.path): embeddings of different lengths; was the embedder changed mid-run?")
        }
        // Explored patches are placed in the space the rest defines, so exporting never moves a bank's figures.
        var (standardised, means, deviations) = try standardise(vectors, dimension: dimension,
                                                            fittedOn: points.indices.filter { points[$0].origin != .explored })
        var results = Results()
        if let invariant = invariantSpace(vectors, synths: points.map(\.synth), transforms: transforms) {
            standardised = invariant
            results.metrics.append(("standardisation", "invariance", 1))
            for (synth, fitted) in transforms {
                results.metrics += [(synth, "invariance.patches", Double(fitted.patches)), (synth, "invariance.renders", Double(fitted.renders)),
                                    (synth, "invariance.components", Double(fitted.transform.components)),
                                    (synth, "invariance.ratio.first", fitted.transform.ratios.first ?? 0),
                                    (synth, "invariance.ratio.last", fitted.transform.ratios.last ?? 0)]
            }
        }
        results.inaudible = try store.read(StoredAudibility.inaudibleCounts)
        for (i, mean) in means.enumerated() {
            results.metrics.append(("standardisation", "mean.\(i)", Double(mean)))
            results.metrics.append(("standardisation", "deviation.\(i)", Double(deviations[i])))
        }
        let (map, mapName) = try project(standardised, points: points, analysis: analysis, seed: seed, notes: &results.notes)
        for synth in Set(points.map(\.synth)).sorted() {
            try measure(synth: synth, points: points, space: standardised, seed: seed, into: &results)
        }
        let presetRows = Dictionary(grouping: points.indices.filter { points[$0].origin == .preset }, by: { points[$0].synth })
        results.metrics += try CrossSynthCoverage.metrics(presetsBySynth: presetRows.mapValues { standardised.selecting(rows: $0) },
                                                          k: prdcNeighbours)
        try write(store, points: points, map: map, results: results, projectionName: mapName,
                  fingerprint: fingerprint)
        return .analysed(points: points.count)
    }

    /// Patches not yet rendered (in any shard).
    static func pendingCount(_ store: AtlasStore) throws -> Int {
        try store.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM patch p LEFT JOIN render r ON r.patchKey = p.key WHERE r.patchKey IS NULL") ?? 0
        }
    }

    /// Every audible rendered patch with its embedding, in key order (an inaudible render has no
    /// embedding; one stored by an older run is left out here by the same rule).
    static func loadPoints(_ store: AtlasStore) throws -> ([Point], [[Float]]) {
        try store.read { db -> ([Point], [[Float]]) in
            var points: [Point] = []
            var vectors: [[Float]] = []
            // A cursor, not fetchAll: only the decoded vectors are kept, never every row with its blob too.
            let rows = try Row.fetchCursor(db, sql: """
                SELECT p.key, p.synth, p.origin, p.sweepParameter, p.collection, r.rms, r.levelDecibels, e.vector FROM patch p
                JOIN embedding e ON e.patchKey = p.key JOIN render r ON r.patchKey = p.key ORDER BY p.key
                """)
            while let row = try rows.next() {
                guard StoredAudibility.isAudible(row) else { continue }
                let vector = EmbeddingBlob.decode(row["vector"])
                points.append(Point(key: row["key"], synth: row["synth"],
                                    origin: PatchOrigin(rawValue: row["origin"]) ?? .random,
                                    sweepParameter: row["sweepParameter"], collection: row["collection"],
                                    pitch: KnobRanking.heldPitch(vector)))
                vectors.append(vector)
            }
            return (points, vectors)
        }
    }

    static func previousFingerprint(_ store: AtlasStore) throws -> String? {
        try store.read { db in try String.fetchOne(db, sql: "SELECT fingerprint FROM stage WHERE name = 'analysis'") }
    }

    /// The map: every point of every synth on one plane (coverage itself is measured in the full space).
    static func project(_ space: Matrix, points: [Point], analysis: any SpaceAnalysis, seed: UInt64,
                        notes: inout [String]) throws -> (Matrix, String) {
        let (map, name) = try mapCoordinates(space, analysis: analysis, seed: seed, notes: &notes)
        guard map.rows == points.count, map.columns >= 2 else {
            throw AtlasStoreError("projection gave \(map.rows)x\(map.columns) for \(points.count) points")
        }
        return (map, name)
    }

    /// Everything measured for one synth: its presets against its random settings in the full space.
    static func measure(synth: String, points: [Point], space: Matrix, seed: UInt64, into results: inout Results) throws {
        let indices = points.indices.filter { points[$0].synth == synth }
        let presets = indices.filter { points[$0].origin == .preset }
        let randoms = indices.filter { points[$0].origin == .random }
        let inaudible = results.inaudible[synth] ?? [:]
        let randomTotal = randoms.count + (inaudible[.random] ?? 0)
        // "presets" counts the audible presets (the ones measured); "random" every random setting rendered,
        // "random.audible" (with the coverage figures) the ones measured.
        results.metrics += [(synth, "presets", Double(presets.count)), (synth, "random", Double(randomTotal)),
                            (synth, "inaudible", Double(inaudible.values.reduce(0, +)))]
        results.metrics += inaudible.map { (synth, "inaudible.\($0.key.rawValue)", Double($0.value)) }
        results.notes += skippedSteps(synth: synth, presets: presets.count, randoms: randomTotal, playable: randoms.count)
        try coverage(synth: synth, points: points, presets: presets, randoms: randoms, randomTotal: randomTotal, space: space,
                     seed: seed, into: &results)
        try occupancy(synth: synth, presets: presets, randoms: randoms, space: space, seed: seed, into: &results)
        try originals(synth: synth, points: points, presets: presets, space: space, into: &results)
        try emptyRegions(synth: synth, points: points, presets: presets, randoms: randoms, space: space, into: &results)
        try knobReach(synth: synth, points: points, indices: indices, space: space, into: &results)
    }

    /// PRDC (SoundSpace.CoverageMetrics) of the (audible) presets against the audible random settings, for
    /// the synth and for each collection (factory bank, this project's bank, ...) on its own.
    /// Also the headline's figures (BalancedCoverage): against as many audible random settings as there are presets.
    static func coverage(synth: String, points: [Point], presets: [Int], randoms: [Int], randomTotal: Int, space: Matrix,
                         seed: UInt64, into results: inout Results) throws {
        guard randoms.count > prdcNeighbours else { return }
        let randomMatrix = space.selecting(rows: randoms)
        let audible = randomMatrix
        func prdc(_ members: [Int], scope: String) throws -> [(String, String, Double)] {
            // Exact up to 100k points; above, approximate neighbours with each figure's error beside it.
            let estimate = try CoverageMetrics.estimate(reference: randomMatrix, candidate: space.selecting(rows: members),
                                                        k: prdcNeighbours, seed: seed)
            let m = estimate.metrics
            var rows: [(String, String, Double)] = [(scope, "precision", m.precision), (scope, "recall", m.recall),
                                                    (scope, "density", m.density), (scope, "coverage", m.coverage),
                                                    (scope, "random.audible", Double(audible.rows))]
            if estimate.isApproximate {
                let e = estimate.errors
                rows += [(scope, "precision.error", e.precision), (scope, "recall.error", e.recall), (scope, "density.error", e.density),
                         (scope, "coverage.error", e.coverage), (scope, "knn.recall", estimate.neighbourRecall),
                         (scope, "knn.sample", Double(estimate.sampleSize))]
            }
            if let balanced = try BalancedCoverage.measure(presets: space.selecting(rows: members), audibleRandom: audible,
                                                           k: prdcNeighbours, seed: seed) {
                rows += balanced.metrics(scope: scope).map { ($0.scope, $0.name, $0.value) }
            }
            return rows
        }
        if presets.count > prdcNeighbours { results.metrics += try prdc(presets, scope: synth) }
        let collections = Set(presets.map { points[$0].collection }).sorted()
        guard collections.count > 1 else { return }
        for collection in collections {
            let members = presets.filter { points[$0].collection == collection }
            guard members.count > prdcNeighbours else { continue }
            let scope = scope(synth: synth, collection: collection)
            results.metrics += [(scope, "presets", Double(members.count)), (scope, "random", Double(randomTotal))]
            results.metrics += try prdc(members, scope: scope)
        }
    }

    /// SoundSpace.CellOccupancy: k-means cells over presets and random points together; the share of
    /// cells each set reaches.
    static func occupancy(synth: String, presets: [Int], randoms: [Int], space: Matrix, seed: UInt64,
                          into results: inout Results) throws {
        let clusters = min(32, (presets.count + randoms.count) / 5)
        guard clusters >= 2, !presets.isEmpty, !randoms.isEmpty else { return }
        let cells = try CellOccupancy.measure(sets: [space.selecting(rows: presets), space.selecting(rows: randoms)],
                                              cells: clusters, seed: seed)
        results.metrics += [(synth, "cells", Double(clusters)),
                            (synth, "occupancy.presets", cells.sets[0].occupiedFraction),
                            (synth, "occupancy.random", cells.sets[1].occupiedFraction)]
    }

    /// The most original presets (SoundSpace.Novelty): furthest from their nearest other preset.
    static func originals(synth: String, points: [Point], presets: [Int], space: Matrix, into results: inout Results) throws {
        guard presets.count >= 2 else { return }
        let isolation = try Novelty.isolation(of: space.selecting(rows: presets), k: 1)
        for (rank, j) in Novelty.top(isolation, count: rankingLength).enumerated() {
            results.findings.append(("original", synth, rank + 1, points[presets[j]].key, nil, isolation[j]))
        }
    }

    /// The largest empty regions (SoundSpace.Novelty): audible random points furthest from every preset.
    static func emptyRegions(synth: String, points: [Point], presets: [Int], randoms: [Int], space: Matrix,
                             into results: inout Results) throws {
        let playable = randoms
        guard !presets.isEmpty, !playable.isEmpty else { return }
        let empty = try Novelty.emptyRegions(candidates: space.selecting(rows: playable), points: space.selecting(rows: presets),
                                             count: rankingLength)
        for (rank, j) in empty.indices.enumerated() {
            results.findings.append(("empty", synth, rank + 1, points[playable[j]].key, nil, empty.distances[j]))
        }
    }

    /// The knobs that move the timbre furthest (`KnobRanking`): the radius of each one-knob sweep (the largest
    /// distance of a heard step from the init patch's sound) in the embedding without its loudness and
    /// pitch dimensions. Silent steps are skipped already (inaudible renders are never embedded, Audibility);
    /// steps that transpose the held note are skipped here.
    static func knobReach(synth: String, points: [Point], indices: [Int], space: Matrix, into results: inout Results) throws {
        let initIndex = indices.first { points[$0].origin == .initPatch }
        var sweeps: [String: [Int]] = [:]
        for i in indices { if let parameter = points[i].sweepParameter { sweeps[parameter, default: []].append(i) } }
        for parameter in sweeps.keys { sweeps[parameter]!.sort { points[$0].key.sweepStep < points[$1].key.sweepStep } }
        let timbre = KnobRanking.selecting(columns: KnobRanking.timbreColumns(columns: space.columns), of: space)
        let initPitch = initIndex.flatMap { points[$0].pitch }
        let ranked = try KnobRanking.rank(sweeps: sweeps, initRow: initIndex, timbre: timbre, heard: {
            !KnobRanking.transposes(points[$0].pitch, from: initPitch)
        })
        for (rank, knob) in ranked.prefix(rankingLength).enumerated() {
            results.findings.append(("knob", synth, rank + 1, nil, knob.parameter, knob.radius))
        }
    }

    /// Replaces the map, metrics and findings in one transaction and records the fingerprint.
    static func write(_ store: AtlasStore, points: [Point], map: Matrix, results: Results, projectionName: String,
                      fingerprint: String) throws {
        try store.write { db in
            try db.execute(sql: "DELETE FROM mapPoint; DELETE FROM metric; DELETE FROM finding")
            for (i, point) in points.enumerated() {
                try db.execute(sql: "INSERT INTO mapPoint(patchKey, method, x, y) VALUES (?, 'map', ?, ?)",
                               arguments: [point.key, Double(map[i, 0]), Double(map[i, 1])])
            }
            for metric in results.metrics where metric.value.isFinite {
                try db.execute(sql: "INSERT INTO metric(scope, name, value) VALUES (?, ?, ?)",
                               arguments: [metric.scope, metric.name, metric.value])
            }
            for f in results.findings {
                try db.execute(sql: "INSERT INTO finding(kind, scope, rank, patchKey, parameterID, value) VALUES (?, ?, ?, ?, ?, ?)",
                               arguments: [f.kind, f.scope, f.rank, f.key, f.parameter, f.value])
            }
            try db.execute(sql: "INSERT INTO metric(scope, name, value) VALUES ('map', ?, 1)", arguments: [projectionName])
            try writeNotes(results.notes, db)
            try db.execute(sql: "INSERT OR REPLACE INTO stage(name, fingerprint) VALUES ('analysis', ?)", arguments: [fingerprint])
        }
    }

    /// The space the map and every metric use when each synth of the atlas has a learnt invariance
    /// transform (InvarianceStage) of one width: each point through its synth's transform. nil otherwise
    /// (the plain z-scores are used).
    static func invariantSpace(_ vectors: [[Float]], synths: [String], transforms: [String: InvarianceStage.Fitted]) -> Matrix? {
        let distinct = Set(synths)
        guard !distinct.isEmpty, distinct.allSatisfy({ transforms[$0]?.transform.dimension == vectors.first?.count }),
              Set(distinct.compactMap { transforms[$0]?.transform.components }).count == 1 else { return nil }
        let width = transforms[synths[0]]!.transform.components
        var space = Matrix(rows: synths.count, columns: width)
        for (i, synth) in synths.enumerated() {
            for (k, value) in transforms[synth]!.transform.apply(vectors[i]).enumerated() { space[i, k] = value }
        }
        return space
    }

    /// Z-scores every column (mean 0, deviation 1; constant columns become 0) so no descriptor dominates
    /// distances by its unit alone, by the same rule `embed` applies (Features' `EmbeddingStatistics`),
    /// with the means and deviations of the rows `fittedOn` (all when nil).
    /// Returns the matrix and the per-column mean and population deviation (0 for a constant column).
    /// Throws (one line) when a vector is not `dimension` long.
    static func standardise(_ vectors: [[Float]], dimension: Int, fittedOn: [Int]? = nil) throws -> (Matrix, [Float], [Float]) {
        let statistics = try EmbeddingStatistics(fittedOn.map { $0.map { vectors[$0] } } ?? vectors, dimensions: dimension)
        guard vectors.allSatisfy({ $0.count == dimension }) else {
            throw EmbeddingError(description: "embeddings of different lengths cannot be standardised together (expected \(dimension))")
        }
        var matrix = Matrix(rows: vectors.count, columns: dimension)
        matrix.values = statistics.standardisedRows(vectors)
        return (matrix, statistics.mean.map(Float.init), statistics.standardDeviation.map(Float.init))
    }
}

private extension String {
    /// The step number at the end of a sweep patch's key (`synth|sweep|parameter|step`).
    var sweepStep: Int { Int(split(separator: "|").last ?? "") ?? 0 }
}
