// Tempo bias per tool: groups tempo readings by tool, keeps templates and files without any tempo
// apart, and summarises the songs against the tool's default from `Presets/default-tempos.csv`.
import Foundation
import Formats
import SoundSpace

/// One tool's tempo statistics and the files behind them.
public struct ToolTempoReport: Sendable {
    public var tool: String
    public var defaultTempo: DefaultTempo?
    /// Statistics of the songs (origin `.stored` or `.keptDefault`), nil without a known default.
    public var summary: TempoSummary?
    /// Songs counted (templates and `.absent` excluded).
    public var songs: [(file: String, reading: TempoReading)]
    /// Files without any tempo (the format's specification default applies): counted apart.
    public var absentTempo: [(file: String, reading: TempoReading)]
    /// The tool's own templates: its defaults, never counted as songs.
    public var templates: [(file: String, reading: TempoReading)]
    /// How many songs each writer (program and version) saved.
    public var writers: [(writer: String, songs: Int)]
    /// The share at the default counted per group (`--group-by`), nil without a known default.
    public var groupShare: GroupedShare?
    /// Songs per major version of the program that saved them, at each reference tempo.
    public var versions: [VersionTempoShares] = []
    /// Trackers: speed apart from tempo; nil for tools without a speed.
    public var speed: TrackerSpeedShares?
}

public enum BiasTempo {
    /// Bootstrap settings: fixed so reports are reproducible.
    public static let resamples = 2000
    public static let seed: UInt64 = 20_240_607

    public static func analyse(_ readings: [(file: String, reading: TempoReading)],
                               defaults: [String: DefaultTempo], groupBy: BiasGroupBy = .parent) -> [ToolTempoReport] {
        let byTool = Dictionary(grouping: readings, by: { $0.reading.tool })
        return byTool.keys.sorted().map { tool in
            let all = byTool[tool]!
            let templates = all.filter { $0.reading.isTemplate }
            let absent = all.filter { !$0.reading.isTemplate && $0.reading.origin == .absent }
            let songs = all.filter { !$0.reading.isTemplate && $0.reading.origin != .absent }
            let known = defaults[tool]
            let summary = known.map {
                TempoStatistics.summarise(bpms: songs.map(\.reading.bpm), defaultBPM: $0.bpm, resamples: resamples, seed: seed)
            }
            let writerCounts = Dictionary(grouping: songs, by: { $0.reading.writer ?? "unknown" }).mapValues(\.count)
            let writers = writerCounts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .map { (writer: $0.key, songs: $0.value) }
            let groupShare = known.map {
                BiasTempoBreakdowns.groupShare(songs, defaultBPM: $0.bpm, groupBy: groupBy, resamples: resamples, seed: seed)
            }
            return ToolTempoReport(tool: tool, defaultTempo: known, summary: summary, songs: songs,
                                   absentTempo: absent, templates: templates, writers: writers, groupShare: groupShare,
                                   versions: BiasTempoBreakdowns.versions(songs),
                                   speed: BiasTempoBreakdowns.speeds(songs, defaultBPM: known?.bpm))
        }
    }
}
