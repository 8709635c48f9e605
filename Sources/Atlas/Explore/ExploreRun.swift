// `presetatlas explore`: playable patches from the regions of sound space a bank never reaches.
import Foundation
import GRDB
import Features
import SoundSpace
import Synthesis

/// Where candidate patches come from.
public enum ExploreSource: String, Sendable, CaseIterable {
    /// The atlas's own random settings.
    case random
    /// New random settings rendered now, plus a short local search around the farthest of them.
    case search
    /// Mutations of one named preset, pushed step by step out of the bank's region.
    case beyond
}

public struct ExploreRequest: Sendable {
    public var synth: String
    public var count: Int
    public var source: ExploreSource
    public var seed: UInt64
    /// New settings rendered by `search` (before its local search).
    public var searchSize: Int
    /// The preset `beyond` starts from (its name, as shown in the atlas).
    public var presetName: String?
    public var rule: PlayableRule
    /// Whether the synth is expected to give a pitched note (the pitch part of the playable rule).
    public var tonal: Bool

    public init(synth: String, count: Int = 32, source: ExploreSource = .random, seed: UInt64 = 1, searchSize: Int = 2000,
                presetName: String? = nil, rule: PlayableRule = PlayableRule(), tonal: Bool = true) {
        self.synth = synth
        self.count = count
        self.source = source
        self.seed = seed
        self.searchSize = searchSize
        self.presetName = presetName
        self.rule = rule
        self.tonal = tonal
    }
}

/// One exported patch: its new name, where it came from, how far it lies from the bank.
public struct ExploredPatch: Sendable {
    public var patch: Patch
    /// The atlas key, `search #N` or `beyond NAME #N`.
    public var origin: String
    /// Distance to the nearest preset, in units of the bank's median nearest-preset distance.
    public var distanceRatio: Double
    public var rmsDecibels: Double
}

public struct ExploreResult: Sendable {
    public var patches: [ExploredPatch]
    /// How many patches were asked for (`patches` holds fewer when too few candidates are playable).
    public var requested: Int
    public var presetCount: Int
    /// The bank's median nearest-preset distance (standardised embedding units).
    public var bankSpacing: Double
    public var candidates: Int
    public var playableCandidates: Int
    /// How many candidates each reason ruled out.
    public var rejections: [String: Int]
    /// Median distance to the nearest preset (in bank spacings) of the atlas's playable random settings.
    public var randomMedianRatio: Double?
    /// Vendi scores on one Gaussian kernel (bandwidth: the median pairwise distance of the synth's points).
    public var vendiBank: Double
    public var vendiRandom: Double?
    public var vendiExported: Double
    public var vendiBandwidth: Double
    public var vendiRowsUsed: (bank: Int, random: Int, exported: Int)
    /// The standardised rows each Vendi score was computed on (after subsampling), for cross-checks.
    public var vendiSets: [(name: String, points: Matrix)] = []
}

public struct ExploreError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}

public enum ExploreRun {
    public static func run(store: AtlasStore, request: ExploreRequest, components: AtlasComponents,
                           progress: (String) -> Void = { _ in }) throws -> ExploreResult {
        guard request.count >= 1, request.count <= 32 * 1024 else { throw ExploreError("--count must be 1...32768") }
        // Candidates are embedded here and compared with the atlas's stored points: both must come from one embedder.
        let madeWith = try store.settings()["embedder"] ?? "an unknown embedder"
        guard madeWith == components.embedder.identifier else {
            throw ExploreError("the atlas was embedded by \(madeWith) and explore embeds with \(components.embedder.identifier): "
                + "its points and the new patches would not be comparable; run `presetatlas atlas` on it with this version first")
        }
        let standardisation = try ExploreStore.standardisation(store, synth: request.synth)
        let settings = try ExploreStore.renderSettings(store)
        let points = try ExploreStore.points(store, synth: request.synth)
        let presets = points.filter { $0.origin == "preset" }
        if points.isEmpty {
            let synths = try store.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT synth FROM patch ORDER BY synth") }
            throw ExploreError("the atlas holds no \(request.synth) patches; its synths: \(synths.joined(separator: ", "))")
        }
        guard presets.count >= 2 else {
            throw ExploreError("the atlas holds \(presets.count) embedded \(request.synth) presets; at least 2 are needed to know the bank's region")
        }
        let presetMatrix = try standardisation.matrix(presets)
        let spacing = UnexploredSelection.bankSpacing(presetMatrix)
        guard spacing > 0 else { throw ExploreError("every \(request.synth) preset sounds the same; the bank has no region to leave") }
        let schema = try model(request.synth, components).schema
        let names = points.first.map { $0.raw.count == EmbeddingLayout.count ? EmbeddingLayout.names : [] } ?? []
        let initMatrix = try standardisation.matrix(points.filter { $0.origin == "init" })

        let candidates: [ExplorePoint]
        switch request.source {
        case .random:
            candidates = points.filter { $0.origin == "random" }
        case .search:
            candidates = try searchCandidates(request: request, presets: presetMatrix, spacing: spacing,
                                              standardisation: standardisation, settings: settings, components: components,
                                              progress: progress)
        case .beyond:
            candidates = try beyondCandidates(request: request, presets: presets, presetMatrix: presetMatrix, spacing: spacing,
                                              standardisation: standardisation, settings: settings, components: components,
                                              progress: progress)
        }
        guard !candidates.isEmpty else { throw ExploreError("no \(request.source.rawValue) candidates for \(request.synth) in this atlas") }

        let candidateMatrix = try standardisation.matrix(candidates)
        let ratios = UnexploredSelection.nearestDistances(candidateMatrix, to: presetMatrix).map { $0 / spacing }
        let initDistances = initMatrix.rows > 0 ? UnexploredSelection.nearestDistances(candidateMatrix, to: initMatrix) : []
        var rejections: [String: Int] = [:]
        var playable: [Int] = []
        for (i, candidate) in candidates.enumerated() {
            var reason = request.rule.rejection(levelDecibels: candidate.levelDecibels, peak: candidate.peak, raw: candidate.raw, names: names,
                                                tonal: request.tonal)
            if reason == nil, !initDistances.isEmpty, initDistances[i] < request.rule.initCopyShare * spacing {
                reason = "a copy of the init patch"
            }
            if let reason {
                rejections[reason.components(separatedBy: " (").first ?? reason, default: 0] += 1
            } else {
                playable.append(i)
            }
        }
        guard !playable.isEmpty else {
            throw ExploreError("none of \(candidates.count) \(request.source.rawValue) candidates is playable: "
                               + rejections.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", "))
        }
        // Far from every preset first: candidates at least one bank spacing out, or the farthest half
        // when too few are.
        let far = playable.filter { ratios[$0] >= 1 }
        let eligible = far.count >= request.count ? far
            : Array(playable.sorted { ratios[$0] > ratios[$1] }.prefix(max(request.count, playable.count / 2)))
        let chosen = UnexploredSelection.spreadOut(candidateMatrix, eligible: eligible, distanceToBank: ratios, count: request.count)

        let exported = chosen.enumerated().map { rank, index -> ExploredPatch in
            var patch = ExploredBankWriter.asWritten(candidates[index].patch, schema: schema)
            patch.name = exportName(source: request.source, rank: rank + 1, presetName: request.presetName)
            patch.attributes = patch.attributes.filter { !$0.key.hasPrefix("source") }
            return ExploredPatch(patch: patch, origin: candidates[index].key, distanceRatio: ratios[index],
                                 rmsDecibels: Double(20 * log10(max(candidates[index].rms, 1e-12))))
        }

        // Diversity: bank, an equally large set of playable random settings, the exported set; one kernel.
        let randomPoints = points.filter { $0.origin == "random" }
        let randomMatrix = try standardisation.matrix(randomPoints)
        let randomPlayable = randomPoints.indices.filter {
            request.rule.rejection(levelDecibels: randomPoints[$0].levelDecibels, peak: randomPoints[$0].peak, raw: randomPoints[$0].raw, names: names,
                                   tonal: request.tonal) == nil
        }
        let randomRatios = UnexploredSelection.nearestDistances(randomMatrix.selecting(rows: randomPlayable), to: presetMatrix)
            .map { $0 / spacing }.sorted()
        let bandwidth = VendiScore.medianPairwiseDistance(try presetMatrix.stacked(on: randomMatrix), seed: request.seed)
        var generator = SeededGenerator(seed: request.seed)
        let sameSize = Array(randomPlayable.shuffled(using: &generator).prefix(presets.count)).sorted()
        var sets: [(name: String, points: Matrix)] = [("bank", VendiScore.subsample(presetMatrix, seed: request.seed))]
        if !sameSize.isEmpty { sets.append(("random", VendiScore.subsample(randomMatrix.selecting(rows: sameSize), seed: request.seed))) }
        sets.append(("exported", VendiScore.subsample(candidateMatrix.selecting(rows: chosen), seed: request.seed)))
        let scores = Dictionary(uniqueKeysWithValues: sets.map { ($0.name, VendiScore.gaussian($0.points, bandwidth: bandwidth)) })
        let vendiBank = scores["bank"]!, vendiRandom = scores["random"], vendiExported = scores["exported"]!
        var result = ExploreResult(patches: exported, requested: request.count, presetCount: presets.count, bankSpacing: spacing, candidates: candidates.count,
                             playableCandidates: playable.count, rejections: rejections,
                             randomMedianRatio: randomRatios.isEmpty ? nil : randomRatios[randomRatios.count / 2],
                             vendiBank: vendiBank.score, vendiRandom: vendiRandom?.score, vendiExported: vendiExported.score,
                             vendiBandwidth: bandwidth,
                             vendiRowsUsed: (vendiBank.rowsUsed, vendiRandom?.rowsUsed ?? 0, vendiExported.rowsUsed))
        result.vendiSets = sets
        return result
    }

    /// A DX7-safe name (10 printable ASCII characters at most) that says where the patch came from:
    /// `EMPTY 07` (the atlas's random settings), `FOUND 07` (searched now), `E.PIANO+07` (beyond a preset).
    static func exportName(source: ExploreSource, rank: Int, presetName: String?) -> String {
        let number = String(format: "%02d", rank % 100)
        switch source {
        case .random: return "EMPTY \(number)"
        case .search: return "FOUND \(number)"
        case .beyond:
            let stem = String((presetName ?? "PRESET").uppercased().unicodeScalars
                .filter { $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F }.prefix(7).map(Character.init))
                .trimmingCharacters(in: .whitespaces)
            return "\(stem)+\(number)"
        }
    }
}
