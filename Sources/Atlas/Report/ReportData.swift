// Everything the report shows, read from the store once: points, previews, metrics, rankings, problems.
import Features
import Foundation
import GRDB
import SoundSpace

/// One point of the map.
struct ReportPoint {
    var key: String
    var synth: String
    var origin: PatchOrigin
    var name: String
    var author: String
    var collection: String
    var sourcePath: String
    /// The swept parameter of a sweep step.
    var sweepParameter: String? = nil
    var x: Double
    var y: Double
    var rms: Double
    /// Short-term level (Features.Audibility), dBFS.
    var levelDecibels: Double = 0
    /// The descriptors the map can be coloured by (`Descriptor.all` order); empty for other embeddings.
    var descriptors: [Float] = []
    /// The full embedding (raw, as stored).
    var embedding: [Float] = []

    /// Inaudible by the one rule (Features.Audibility). The analysis places no inaudible render on the map,
    /// so this holds only for points of stores analysed before the rule; they stay hidden and counted.
    var isSilent: Bool { !Audibility.isAudible(levelDecibels: levelDecibels) }
}

struct ReportFinding {
    var kind: String
    var synth: String
    var rank: Int
    var patchKey: String?
    var parameterID: String?
    var value: Double
}

struct ReportData {
    var points: [ReportPoint] = []
    /// Parameter values by index into `points` (unreadable JSON leaves a point without values).
    var parameterValues = ParameterTable()
    /// Preview audio bytes (Ogg Vorbis; WAV in older stores) by index into `points`.
    /// The file extension ("ogg", or "wav" from older stores) of each point that has a preview, by point index.
    /// Only the kind: the bytes are copied from the store to previews/ one at a time (ReportWriter).
    var previews: [Int: String] = [:]
    /// metrics[scope][name]
    var metrics: [String: [String: Double]] = [:]
    var findings: [ReportFinding] = []
    var badInputs: [(path: String, problem: String)] = []
    var renderErrors: [(key: String, name: String, problem: String)] = []
    var settings: [String: String] = [:]
    var projectionName = ""
    /// Analysis steps skipped for too few points, one line each.
    var skipped: [String] = []
    var patchCountsByOrigin: [String: Int] = [:]
    /// Each synth's learnt invariance transform, when the analysis measured in its space.
    var invariance: [String: InvarianceTransform] = [:]

    var synths: [String] { Array(Set(points.map(\.synth))).sorted() }

    /// Rows of the coverage table: each synth, then each of its preset collections measured alone.
    var coverageScopes: [String] {
        synths.flatMap { synth in [synth] + metrics.keys.filter { $0.hasPrefix(synth + " · ") }.sorted() }
    }
    /// Index into `points` by patch key (built once by `load`).
    var indexByKey: [String: Int] = [:]

    static func load(from store: AtlasStore) throws -> ReportData {
        var data = ReportData()
        var usedInvariance = false
        try store.read { db in
            // A cursor, not fetchAll: every row's parameter JSON and vector at once would be gigabytes at a million points.
            let rows = try Row.fetchCursor(db, sql: """
                SELECT p.key, p.synth, p.origin, p.name, p.author, p.collection, p.sourcePath, p.sweepParameter, m.x, m.y, r.rms,
                       r.levelDecibels, substr(r.previewWAV, 1, 4) AS previewHead, e.vector, p.valuesJSON FROM patch p JOIN mapPoint m ON m.patchKey = p.key AND m.method = 'map'
                JOIN render r ON r.patchKey = p.key LEFT JOIN embedding e ON e.patchKey = p.key ORDER BY p.key
                """)
            while let row = try rows.next() {
                let index = data.points.count
                data.points.append(ReportPoint(
                    key: row["key"], synth: row["synth"], origin: PatchOrigin(rawValue: row["origin"]) ?? .random,
                    name: row["name"], author: row["author"], collection: row["collection"],
                    sourcePath: row["sourcePath"], sweepParameter: row["sweepParameter"], x: row["x"], y: row["y"], rms: row["rms"],
                    levelDecibels: StoredAudibility.levelDecibels(stored: row["levelDecibels"], rms: row["rms"]),
                    embedding: (row["vector"] as Data?).map(EmbeddingBlob.decode) ?? []))
                data.points[index].descriptors = Descriptor.pick(data.points[index].embedding)
                if let head = row["previewHead"] as Data?, let kind = PreviewAudio.fileExtension(head) { data.previews[index] = kind }
                data.parameterValues.append(synth: row["synth"], values: try? PatchJSON.decodeValues(row["valuesJSON"]))
            }
            data.skipped = try String.fetchAll(db, sql: "SELECT text FROM analysisNote ORDER BY rank")
            for row in try Row.fetchAll(db, sql: "SELECT scope, name, value FROM metric") {
                let scope: String = row["scope"], name: String = row["name"]
                if scope == "map" { data.projectionName = name; continue }
                if scope == "standardisation" { usedInvariance = usedInvariance || name == "invariance"; continue }
                data.metrics[scope, default: [:]][name] = row["value"]
            }
            data.findings = try Row.fetchAll(db, sql: "SELECT * FROM finding ORDER BY kind, scope, rank").map { row in
                ReportFinding(kind: row["kind"], synth: row["scope"], rank: row["rank"], patchKey: row["patchKey"],
                              parameterID: row["parameterID"], value: row["value"])
            }
            data.badInputs = try Row.fetchAll(db, sql: "SELECT path, problem FROM badInput ORDER BY path").map {
                (path: $0["path"], problem: $0["problem"])
            }
            data.renderErrors = try Row.fetchAll(db, sql: """
                SELECT p.key, p.name, r.error FROM render r JOIN patch p ON p.key = r.patchKey
                WHERE r.error IS NOT NULL ORDER BY p.key
                """).map { (key: $0["key"], name: $0["name"], problem: $0["error"]) }
            for row in try Row.fetchAll(db, sql: "SELECT origin, COUNT(*) AS n FROM patch GROUP BY origin") {
                data.patchCountsByOrigin[row["origin"]] = row["n"]
            }
        }
        // Paths as a shared page shows them: no local directories (see DisplayPath).
        let shown = DisplayPath.relative(data.points.map(\.sourcePath) + data.badInputs.map(\.path))
        for i in data.points.indices { data.points[i].sourcePath = shown[i] }
        for k in data.badInputs.indices { data.badInputs[k].path = shown[data.points.count + k] }
        data.settings = try store.settings()
        if usedInvariance { data.invariance = try InvarianceStage.load(store).mapValues(\.transform) }
        data.indexByKey = Dictionary(uniqueKeysWithValues: data.points.enumerated().map { ($1.key, $0) })
        return data
    }

    /// A patch key as a shared file shows it: a preset's key names its source file, which is given
    /// as the page shows it (DisplayPath, no local folders) instead of the store's absolute path.
    func shownKey(_ key: String) -> String {
        guard let i = indexByKey[key], points[i].origin == .preset, let hash = key.lastIndex(of: "#") else { return key }
        return "\(points[i].synth)|preset|\(points[i].sourcePath)\(key[hash...])"
    }

    /// The name shown for a finding's patch.
    func pointName(_ key: String?) -> String {
        guard let key, let i = indexByKey[key] else { return key ?? "" }
        return points[i].name
    }
}
