// Our amsynth renders of Debian's factory presets against amsynth 1.13.2's own renders
// (../shared/fixtures/amsynth-reference, files `<bank>_<NNN>.flac`): the reference distance and the
// level difference per preset, and the summary the goals are stated in.
import Features
import Formats
import Foundation
import Synthesis

public enum AmsynthFidelity {
    /// The fixtures' settings: note 60, velocity 100, note-off at 1.0 s, 110,250 frames at 44.1 kHz.
    public static let referenceSettings = RenderSettings(note: 60, velocity: 100, holdSeconds: 1.0, tailSeconds: 1.5,
                                                         sampleRateHz: 44_100)

    public struct Row: Sendable {
        public var file: String
        public var name: String
        public var distance: Double
        /// Our RMS over the reference's, in dB (channel average).
        public var levelDifferenceDecibels: Double
        /// The manifest's flags (`noise`, `glide0`), "" when none.
        public var flags: String
    }

    public struct Summary: Sendable {
        public var presets: Int
        public var medianDistance: Double
        public var p90Distance: Double
        public var shareBelow015: Double
        public var above050: Int
    }

    /// Renders the preset each reference names (bank file looked up in `banks` by its name up to the
    /// first dot) and measures it against the reference.
    public static func measure(banks: URL, references: URL, model: Amsynth, limit: Int? = nil,
                               progress: (Row) -> Void = { _ in }) throws -> [Row] {
        let bankFiles = try FileManager.default.contentsOfDirectory(atPath: banks.path).filter { $0.hasSuffix(".bank") }
        let flags = manifestFlags(references.appendingPathComponent("manifest.csv"))
        var files = try FileManager.default.contentsOfDirectory(atPath: references.path).filter { $0.hasSuffix(".flac") }.sorted()
        if let limit { files = Array(files.prefix(limit)) }
        var loaded: [String: [Patch]] = [:]
        var rows: [Row] = []
        for file in files {
            let stem = file.dropLast(".flac".count)
            guard let underscore = stem.lastIndex(of: "_"), let index = Int(stem[stem.index(after: underscore)...]) else { continue }
            let bankStem = String(stem[..<underscore])
            guard let bankFile = bankFiles.first(where: { $0.split(separator: ".").first.map(String.init) == bankStem }) else {
                throw PresetError(file: file, problem: "no bank \(bankStem).* in \(banks.path)")
            }
            if loaded[bankFile] == nil {
                let data = try Data(contentsOf: banks.appendingPathComponent(bankFile))
                loaded[bankFile] = try AmsynthBank.parse(data, fileName: bankFile, schema: model.schema)
                    .patches(schema: model.schema, source: bankFile)
            }
            guard let patches = loaded[bankFile], patches.indices.contains(index) else {
                throw PresetError(file: file, problem: "\(bankFile) has no preset \(index)")
            }
            let theirs = try AudioFile.read(references.appendingPathComponent(file)).mono
            let ours = try model.render(patches[index], settings: referenceSettings).mono
            let row = Row(file: file, name: patches[index].name, distance: ReferenceDistance.distance(ours, theirs),
                          levelDifferenceDecibels: 20 * log10(max(rms(ours), 1e-12) / max(rms(theirs), 1e-12)),
                          flags: flags[file] ?? "")
            rows.append(row)
            progress(row)
        }
        return rows
    }

    public static func summary(_ rows: [Row]) -> Summary {
        let sorted = rows.map(\.distance).sorted()
        guard !sorted.isEmpty else { return Summary(presets: 0, medianDistance: .nan, p90Distance: .nan, shareBelow015: 0, above050: 0) }
        let p90 = sorted[min(sorted.count - 1, Int((Double(sorted.count) * 0.9).rounded(.up)) - 1)]
        return Summary(presets: rows.count, medianDistance: sorted[sorted.count / 2], p90Distance: p90,
                       shareBelow015: Double(sorted.filter { $0 < 0.15 }.count) / Double(sorted.count),
                       above050: sorted.filter { $0 > 0.5 }.count)
    }

    static func rms(_ x: [Float]) -> Double {
        guard !x.isEmpty else { return 0 }
        return (x.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(x.count)).squareRoot()
    }

    /// file → flags column of the fixture manifest (empty when the manifest is missing).
    static func manifestFlags(_ url: URL) -> [String: String] {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [:] }
        var flags: [String: String] = [:]
        for line in text.split(whereSeparator: \.isNewline).dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            if fields.count > 8 { flags[String(fields[0])] = String(fields[8]) }
        }
        return flags
    }
}
