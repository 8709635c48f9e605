// Distance from the init patch in sound space: reads an atlas store's embeddings, standardises them
// as the analysis stage does (per-dimension mean and deviation over every patch), and measures each
// preset's and each random setting's Euclidean distance from its synth's init patch.
import Foundation
import GRDB

/// One synth's presets and random settings, by distance from the init patch in standardised embedding space.
public struct SoundSpaceInitDistances: Sendable {
    public var synthID: String
    public var presets: [(name: String, file: String, distance: Double)]
    /// Distances of the random settings (the baseline: where the sampler lands).
    public var randomDistances: [Double]

    public var medianPresetDistance: Double? { Self.median(presets.map(\.distance)) }
    public var medianRandomDistance: Double? { Self.median(randomDistances) }
    /// Median preset distance over median random distance: below 1, presets stay nearer the init sound.
    public var presetToRandomRatio: Double? {
        guard let p = medianPresetDistance, let r = medianRandomDistance, r > 0 else { return nil }
        return p / r
    }

    static func median(_ values: [Double]) -> Double? {
        let sorted = values.filter(\.isFinite).sorted()
        guard !sorted.isEmpty else { return nil }
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }
}

public enum BiasSoundSpace {
    /// Reads the store in `reportDirectory` (`atlas.sqlite`, written by `presetatlas atlas`).
    /// Synths without an embedded init patch are skipped and named in `problems`. O(patches × dimension).
    public static func distances(reportDirectory: URL) throws -> (synths: [SoundSpaceInitDistances], problems: [String]) {
        let storeURL = reportDirectory.appendingPathComponent(AtlasStore.fileName)
        guard FileManager.default.fileExists(atPath: storeURL.path) else {
            throw AtlasStoreError("\(storeURL.path): no atlas store (run presetatlas atlas --out \(reportDirectory.path) first)")
        }
        let store = try AtlasStore(url: storeURL)
        struct Row_ { var synth: String; var origin: PatchOrigin?; var name: String; var file: String }
        var rows: [Row_] = []
        var vectors: [[Float]] = []
        try store.read { db in
            for row in try Row.fetchAll(db, sql: """
                SELECT p.synth, p.origin, p.name, p.sourcePath, e.vector FROM patch p
                JOIN embedding e ON e.patchKey = p.key ORDER BY p.key
                """) {
                rows.append(Row_(synth: row["synth"], origin: PatchOrigin(rawValue: row["origin"]), name: row["name"], file: row["sourcePath"]))
                vectors.append(EmbeddingBlob.decode(row["vector"]))
            }
        }
        let dimension = vectors.first?.count ?? 0
        guard vectors.allSatisfy({ $0.count == dimension }) else {
            throw AtlasStoreError("\(storeURL.path): embeddings of different lengths")
        }
        let (standardised, _, _) = try AnalysisStage.standardise(vectors, dimension: dimension,
                                                             fittedOn: rows.indices.filter { rows[$0].origin != .explored })
        func distance(_ a: Int, _ b: Int) -> Double {
            var sum = 0.0
            for j in 0..<dimension {
                let d = Double(standardised[a, j]) - Double(standardised[b, j])
                sum += d * d
            }
            return sum.squareRoot()
        }
        var synths: [SoundSpaceInitDistances] = []
        var problems: [String] = []
        for synth in Set(rows.map(\.synth)).sorted() {
            let indices = rows.indices.filter { rows[$0].synth == synth }
            guard let initIndex = indices.first(where: { rows[$0].origin == .initPatch }) else {
                problems.append("\(storeURL.path): \(synth) has no embedded init patch; sound-space distances left out")
                continue
            }
            let presets = indices.filter { rows[$0].origin == .preset }
                .map { (name: rows[$0].name, file: rows[$0].file, distance: distance($0, initIndex)) }
            let randoms = indices.filter { rows[$0].origin == .random }.map { distance($0, initIndex) }
            synths.append(SoundSpaceInitDistances(synthID: synth, presets: presets, randomDistances: randoms))
        }
        return (synths, problems)
    }
}
