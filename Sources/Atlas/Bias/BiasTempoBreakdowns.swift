// Breakdowns of one tool's songs beyond the overall share: per group (repository), per version of
// the program that saved them (does FL's 140 give way to 130 after FL 11?), and for trackers speed
// apart from tempo ("tempo 125" and "125 at speed 6" are different claims).
import Foundation
import Formats
import SoundSpace

/// Songs saved by one major version of a program, and how many sit at each reference tempo.
public struct VersionTempoShares: Sendable {
    public var version: String
    public var songs: Int
    /// Songs exactly at each of `BiasTempoBreakdowns.referenceTempos`.
    public var atTempo: [Double: Int]
}

/// Tracker songs: tempo at the default, speed at the default, and both.
public struct TrackerSpeedShares: Sendable {
    public var defaultSpeed: Int
    public var songs: Int
    public var speedAtDefault: Int
    public var speedInterval: ProportionInterval
    public var bothAtDefault: Int
    public var bothInterval: ProportionInterval
    /// Songs per speed (ticks per row), sorted by speed.
    public var speeds: [(speed: Int, count: Int)]
}

public enum BiasTempoBreakdowns {
    /// The defaults the programs here start at (Presets/default-tempos.csv) plus 130, FL Studio 12's
    /// "Basic" template tempo: the columns of the cross-program comparison and the version table.
    public static let referenceTempos: [Double] = [120, 125, 130, 140]

    /// A new song's ticks per row in every tracker the defaults table cites (ProTracker, FastTracker 2,
    /// OpenMPT, Schism: speed 6; Renoise's tutorial: "6 ticks, which is the default").
    public static let trackerDefaultSpeed = 6

    static func isAt(_ bpm: Double, _ tempo: Double) -> Bool { Swift.abs(bpm - tempo) <= TempoStatistics.exactToleranceBPM }

    /// "FL Studio 20.7.1.1773" → "FL Studio 20"; versions 0.x and 1.x keep their minor ("LMMS 1.2").
    public static func majorVersion(_ writer: String?) -> String {
        guard let writer else { return "unknown" }
        let words = writer.split(separator: " ")
        guard let index = words.firstIndex(where: { $0.first?.isNumber == true }) else { return writer }
        let parts = words[index].split(separator: ".")
        let kept = (parts.first == "0" || parts.first == "1") ? parts.prefix(2) : parts.prefix(1)
        return (words[..<index] + [Substring(kept.joined(separator: "."))]).joined(separator: " ")
    }

    static func versions(_ songs: [(file: String, reading: TempoReading)]) -> [VersionTempoShares] {
        let byVersion = Dictionary(grouping: songs, by: { majorVersion($0.reading.writer) })
        return byVersion.keys.sorted { a, b in
            let na = Double(a.split(separator: " ").last ?? "") ?? .infinity, nb = Double(b.split(separator: " ").last ?? "") ?? .infinity
            return na != nb ? na < nb : a < b
        }.map { version in
            let group = byVersion[version]!
            var atTempo: [Double: Int] = [:]
            for tempo in referenceTempos { atTempo[tempo] = group.filter { isAt($0.reading.bpm, tempo) }.count }
            return VersionTempoShares(version: version, songs: group.count, atTempo: atTempo)
        }
    }

    static func groupShare(_ songs: [(file: String, reading: TempoReading)], defaultBPM: Double, groupBy: BiasGroupBy,
                           resamples: Int, seed: UInt64) -> GroupedShare {
        let groups = Dictionary(grouping: songs, by: { groupBy.group(of: $0.file) })
        let flags = groups.keys.sorted().map { key in groups[key]!.map { isAt($0.reading.bpm, defaultBPM) } }
        return GroupedShare.summarise(flags, resamples: resamples, seed: seed)
    }

    /// Nil when no song carries a speed (not a tracker).
    static func speeds(_ songs: [(file: String, reading: TempoReading)], defaultBPM: Double?) -> TrackerSpeedShares? {
        let withSpeed = songs.filter { $0.reading.ticksPerRow != nil }
        guard !withSpeed.isEmpty else { return nil }
        let speed = withSpeed.filter { $0.reading.ticksPerRow == trackerDefaultSpeed }.count
        let both = withSpeed.filter { song in
            song.reading.ticksPerRow == trackerDefaultSpeed && defaultBPM.map { isAt(song.reading.bpm, $0) } == true
        }.count
        let counts = Dictionary(grouping: withSpeed, by: { $0.reading.ticksPerRow! }).mapValues(\.count)
        return TrackerSpeedShares(
            defaultSpeed: trackerDefaultSpeed, songs: withSpeed.count,
            speedAtDefault: speed, speedInterval: .wilson(successes: speed, trials: withSpeed.count),
            bothAtDefault: both, bothInterval: .wilson(successes: both, trials: withSpeed.count),
            speeds: counts.keys.sorted().map { ($0, counts[$0]!) })
    }
}
