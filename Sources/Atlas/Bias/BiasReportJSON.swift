// The bias report as JSON (`presetatlas bias --json`, `bias.json`): `"tempo": [{"tool", "files",
// "at_default", "spike_ratio", …}]`, `"parameters": [one object per bank]`, `"problems": [lines]`.
import Foundation
import SoundSpace

extension BiasReport {
    struct JSONInterval: Encodable {
        var low: Double
        var high: Double
        init?(_ i: ProportionInterval?) {
            guard let i, i.lower.isFinite, i.upper.isFinite else { return nil }
            low = i.lower
            high = i.upper
        }
    }

    struct JSONFileTempo: Encodable { var file: String; var bpm: Double; var writer: String? }

    struct JSONTempo: Encodable {
        var tool: String
        var default_bpm: Double?
        var default_source: String?
        var files: Int
        var at_default: Int?
        var share_at_default: Double?
        var share_ci95: JSONInterval?
        var spike_ratio: Double?
        var spike_ratio_ci95: JSONInterval?
        var neighbour_mean: Double?
        var no_tempo_files: Int
        var templates: [JSONFileTempo]
        var writers: [String: Int]
        var histogram: [[Int]]
        var groups: Int?
        var group_mean_share_at_default: Double?
        var group_share_ci95: JSONInterval?
        var versions: [JSONVersion]
        var speed: JSONSpeed?
    }

    struct JSONVersion: Encodable { var version: String; var songs: Int; var at_tempo: [String: Int] }

    struct JSONSpeed: Encodable {
        var default_speed: Int
        var songs: Int
        var speed_at_default: Int
        var speed_share_ci95: JSONInterval?
        var tempo_and_speed_at_default: Int
        var tempo_and_speed_share_ci95: JSONInterval?
        var speeds: [[Int]]
    }

    /// One readable song or project, so any figure can be recomputed.
    struct JSONSong: Encodable {
        var file: String
        var tool: String
        var version: String?
        var bpm: Double
        var speed: Int?
        var rows_per_beat: Int?
        var rows_per_beat_bpm: Double?
        var template: Bool
        var no_tempo: Bool
        var patterns: Int?
        var channels: Int?
    }

    struct JSONCrossCell: Encodable { var tempo: Double; var songs: Int; var share: Double; var share_ci95: JSONInterval? }
    struct JSONCrossRow: Encodable { var tool: String; var own_default: Double?; var songs: Int; var at: [JSONCrossCell] }

    struct JSONParameter: Encodable {
        var id: String
        var label: String
        var presets: Int
        var at_default: Int
        var share: Double
        var share_ci95: JSONInterval?
        var random_share: Double
        var lift: Double?
        var lift_ci95: JSONInterval?
        var untouched: Bool
        /// From the atlas's sweeps: whether the patch needs the default to sound (nil without an atlas).
        var default_needed: Bool?
    }

    struct JSONDistance: Encodable { var name: String; var file: String; var rms: Double; var changed_parameters: Int }

    struct JSONBank: Encodable {
        var synth: String
        var tool: String
        var presets: Int
        var untouched: [String]
        var median_distance_from_init: Double
        var mean_distance_from_init: Double
        var parameters: [JSONParameter]
        var presets_distance_from_init: [JSONDistance]
    }

    struct JSONSoundSpace: Encodable {
        var synth: String
        var median_preset_distance: Double?
        var median_random_distance: Double?
        var preset_to_random_ratio: Double?
        var random_settings: Int
        var presets: [JSONPresetDistance]
    }

    struct JSONPresetDistance: Encodable { var name: String; var file: String; var distance: Double }

    struct JSONRoot: Encodable {
        var tempo: [JSONTempo]
        var cross_program: [JSONCrossRow]
        var songs: [JSONSong]
        var parameters: [JSONBank]
        var sound_space: [JSONSoundSpace]
        var problems: [String]
    }

    /// Finite-or-nil: JSON has no NaN or infinity.
    static func finite(_ x: Double?) -> Double? { x.flatMap { $0.isFinite ? $0 : nil } }

    public func json() throws -> Data {
        let tempoRows = tempo.map { t in
            JSONTempo(tool: t.tool, default_bpm: t.defaultTempo?.bpm, default_source: t.defaultTempo?.source,
                      files: t.songs.count, at_default: t.summary?.atDefault,
                      share_at_default: Self.finite(t.summary?.shareAtDefault),
                      share_ci95: JSONInterval(t.summary?.shareInterval),
                      spike_ratio: Self.finite(t.summary?.spikeRatio), spike_ratio_ci95: JSONInterval(t.summary?.spikeInterval),
                      neighbour_mean: Self.finite(t.summary?.neighbourMean), no_tempo_files: t.absentTempo.count,
                      templates: t.templates.map { JSONFileTempo(file: $0.file, bpm: $0.reading.bpm, writer: $0.reading.writer) },
                      writers: Dictionary(uniqueKeysWithValues: t.writers.map { ($0.writer, $0.songs) }),
                      histogram: (t.summary?.histogram ?? []).map { [$0.bpm, $0.count] },
                      groups: t.groupShare?.groups, group_mean_share_at_default: Self.finite(t.groupShare?.meanShare),
                      group_share_ci95: JSONInterval(t.groupShare?.interval),
                      versions: t.versions.map { v in
                          JSONVersion(version: v.version, songs: v.songs,
                                      at_tempo: Dictionary(uniqueKeysWithValues: v.atTempo.map { (BiasFigures.fmt($0.key), $0.value) }))
                      },
                      speed: t.speed.map { s in
                          JSONSpeed(default_speed: s.defaultSpeed, songs: s.songs, speed_at_default: s.speedAtDefault,
                                    speed_share_ci95: JSONInterval(s.speedInterval), tempo_and_speed_at_default: s.bothAtDefault,
                                    tempo_and_speed_share_ci95: JSONInterval(s.bothInterval), speeds: s.speeds.map { [$0.speed, $0.count] })
                      })
        }
        let cross = BiasCrossProgram.rows(tempo).map { row in
            JSONCrossRow(tool: row.tool, own_default: row.ownDefault, songs: row.songs, at: row.cells.map {
                JSONCrossCell(tempo: $0.tempo, songs: $0.count, share: Double($0.count) / Double(Swift.max(1, row.songs)),
                              share_ci95: JSONInterval($0.interval))
            })
        }
        let songs = tempo.flatMap { t in
            (t.songs + t.absentTempo + t.templates).map { song in
                JSONSong(file: song.file, tool: t.tool, version: song.reading.writer, bpm: song.reading.bpm,
                         speed: song.reading.ticksPerRow, rows_per_beat: song.reading.rowsPerBeat,
                         rows_per_beat_bpm: Self.finite(song.reading.rowsPerBeatBPM), template: song.reading.isTemplate,
                         no_tempo: song.reading.origin == .absent, patterns: song.reading.patterns,
                         channels: song.reading.channels)
            }
        }.sorted { $0.file < $1.file }
        let banks = parameters.map { b in
            JSONBank(synth: b.synthID, tool: b.tool, presets: b.presets, untouched: b.untouched.map(\.id),
                     median_distance_from_init: b.medianDistance, mean_distance_from_init: b.meanDistance,
                     parameters: b.parameters.map { p in
                         JSONParameter(id: p.id, label: p.label, presets: p.presets, at_default: p.atDefault, share: p.share,
                                       share_ci95: JSONInterval(p.shareInterval), random_share: p.randomShare,
                                       lift: Self.finite(p.lift), lift_ci95: JSONInterval(p.liftInterval), untouched: p.untouched,
                                       default_needed: defaultNeeds[b.synthID]?[p.id]?.needed)
                     },
                     presets_distance_from_init: b.distances.map {
                         JSONDistance(name: $0.name, file: $0.file, rms: $0.distance.rms, changed_parameters: $0.distance.changedParameters)
                     })
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let space = soundSpace.map { s in
            JSONSoundSpace(synth: s.synthID, median_preset_distance: Self.finite(s.medianPresetDistance),
                           median_random_distance: Self.finite(s.medianRandomDistance),
                           preset_to_random_ratio: Self.finite(s.presetToRandomRatio), random_settings: s.randomDistances.count,
                           presets: s.presets.map { JSONPresetDistance(name: $0.name, file: $0.file, distance: $0.distance) })
        }
        return try encoder.encode(JSONRoot(tempo: tempoRows, cross_program: cross, songs: songs, parameters: banks, sound_space: space, problems: problems))
    }
}
