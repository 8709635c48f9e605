// The bias report: one value holding tempo and parameter results, rendered as text tables for the
// terminal, JSON (`bias.json`) and Markdown (`bias.md`), and written with its SVG figures.
import Foundation
import SoundSpace

public struct BiasReport: Sendable {
    public var tempo: [ToolTempoReport]
    public var parameters: [ParameterBankReport]
    /// Distances from the init patch in sound space, when an atlas store was given.
    public var soundSpace: [SoundSpaceInitDistances]
    public var problems: [String]
    /// How songs were grouped for the per-group share.
    public var groupBy: BiasGroupBy = .parent
    /// Per synth and parameter, whether the default is needed to sound (`DefaultNeeds`), when an atlas was given.
    public var defaultNeeds: [String: [String: DefaultNeed]] = [:]

    public init(tempo: [ToolTempoReport], parameters: [ParameterBankReport], soundSpace: [SoundSpaceInitDistances] = [],
                problems: [String]) {
        self.tempo = tempo
        self.parameters = parameters
        self.soundSpace = soundSpace
        self.problems = problems
    }

    /// Builds the whole report from the inputs read. Deterministic (seeded bootstrap).
    public static func make(from inputs: BiasInputs, defaults: [String: DefaultTempo],
                            soundSpace: [SoundSpaceInitDistances] = [], groupBy: BiasGroupBy = .parent) -> BiasReport {
        let tempo = BiasTempo.analyse(inputs.tempoReadings, defaults: defaults, groupBy: groupBy)
        let banks = inputs.banks.keys.sorted().compactMap { id -> ParameterBankReport? in
            guard let schema = inputs.schemas[id], let patches = inputs.banks[id] else { return nil }
            return BiasParameters.analyse(schema: schema, patches: patches)
        }
        var problems = inputs.problems
        for report in tempo where report.defaultTempo == nil {
            problems.append("\(report.tool): no default tempo in Presets/default-tempos.csv; statistics left out")
        }
        var report = BiasReport(tempo: tempo, parameters: banks, soundSpace: soundSpace, problems: problems)
        report.groupBy = groupBy
        return report
    }

    /// How many parameters the text and Markdown tables list per bank (stickiest first); JSON has all.
    public static let tableRows = 15

    static func fmt(_ x: Double?, _ digits: Int = 2) -> String {
        guard let x, x.isFinite else { return "—" }
        return String(format: "%.\(digits)f", x)
    }

    /// The spike ratio with its interval; songs at the default with none at default ±1…±8 make the
    /// ratio unbounded, which says more than a dash.
    static func spike(_ s: TempoSummary) -> String {
        if s.spikeRatio == nil, s.atDefault > 0 { return "unbounded (\(s.atDefault) at default, none within ±8)" }
        return "\(fmt(s.spikeRatio, 1)) \(interval(s.spikeInterval, 1))"
    }

    static func interval(_ i: ProportionInterval?, _ digits: Int = 2) -> String {
        guard let i else { return "—" }
        return "[\(fmt(i.lower, digits)), \(fmt(i.upper, digits))]"
    }

    /// Parameters sorted stickiest first: by the share of presets at the default, then its interval's lower
    /// bound. (Lift, share over the random share, put a rarely kept default with a tiny random share first.)
    static func stickiest(_ bank: ParameterBankReport) -> [StickinessResult] {
        bank.parameters.sorted { ($0.share, $0.shareInterval.lower, $1.id) > ($1.share, $1.shareInterval.lower, $0.id) }
    }

    /// What the atlas's sweep says of a parameter's default ("—" without an atlas or a sweep).
    func need(_ bank: ParameterBankReport, _ parameter: StickinessResult) -> String {
        defaultNeeds[bank.synthID]?[parameter.id]?.text ?? "—"
    }

    // MARK: Text

    public func text() -> String {
        var out = ""
        if !tempo.isEmpty {
            out += "Tempo: songs at their tool's default (share and spike ratio with bootstrap 95% CI)\n"
            let header = ["tool", "default", "songs", "at default", "share [95% CI]", "spike ratio [95% CI]", "no tempo", "templates"]
            var rows: [[String]] = []
            for t in tempo {
                let s = t.summary
                rows.append([t.tool, t.defaultTempo.map { Self.fmt($0.bpm, 0) } ?? "?", String(t.songs.count),
                             s.map { String($0.atDefault) } ?? "—",
                             s.map { "\(Self.fmt($0.shareAtDefault)) \(Self.interval($0.shareInterval))" } ?? "—",
                             s.map(Self.spike) ?? "—",
                             String(t.absentTempo.count), String(t.templates.count)])
            }
            out += Self.table(header, rows) + "\n"
            for t in tempo where !t.templates.isEmpty {
                let list = t.templates.map { "\(URL(fileURLWithPath: $0.file).lastPathComponent) \(Self.fmt($0.reading.bpm, 0))" }
                out += "\(t.tool) templates (the tool's defaults, not counted): \(list.joined(separator: ", "))\n"
            }
            out += "\n" + breakdownText()
        }
        for bank in parameters {
            out += "Parameters: \(bank.synthID) (\(bank.tool)), \(bank.presets) presets, \(bank.parameters.count) parameters\n"
            let header = ["parameter", "at default", "share [95% CI]", "random", "lift [95% CI]", "default"]
            let rows = Self.stickiest(bank).prefix(Self.tableRows).map { p in
                [p.id, "\(p.atDefault)/\(p.presets)", "\(Self.fmt(p.share)) \(Self.interval(p.shareInterval))",
                 Self.fmt(p.randomShare, 4), "\(Self.fmt(p.lift, 1)) \(Self.interval(p.liftInterval, 1))", need(bank, p)]
            }
            out += Self.table(header, Array(rows)) + "\n"
            let untouched = bank.untouched.map(\.id)
            out += "untouched by every preset (\(untouched.count)): \(untouched.isEmpty ? "none" : untouched.joined(separator: ", "))\n"
            out += "distance from init patch (RMS, normalised): median \(Self.fmt(bank.medianDistance, 3)), mean \(Self.fmt(bank.meanDistance, 3))\n\n"
        }
        if !soundSpace.isEmpty {
            out += "Sound space: distance from the init patch (standardised embedding, Euclidean; medians)\n"
            let rows = soundSpace.map { s in
                [s.synthID, String(s.presets.count), Self.fmt(s.medianPresetDistance), String(s.randomDistances.count),
                 Self.fmt(s.medianRandomDistance), Self.fmt(s.presetToRandomRatio)]
            }
            out += Self.table(["synth", "presets", "preset median", "random", "random median", "ratio"], rows) + "\n\n"
        }
        if !problems.isEmpty {
            out += "Problems (\(problems.count)):\n" + problems.map { "  \($0)" }.joined(separator: "\n") + "\n"
        }
        return out
    }

    static func table(_ header: [String], _ rows: [[String]]) -> String {
        let widths = header.indices.map { c in ([header] + rows).map { $0[c].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  ")
        }
        return ([line(header), line(widths.map { String(repeating: "-", count: $0) })] + rows.map(line)).joined(separator: "\n")
    }

    // MARK: Markdown

    public func markdown(figures: [String: String] = [:]) -> String {
        var out = "# Default gravity\n\n"
        if !tempo.isEmpty {
            out += "## Tempo\n\nShare of songs exactly at the tool's default tempo and the spike ratio (songs at the default "
            out += "divided by the mean count at default ±1…±8 BPM), with seeded bootstrap 95% intervals "
            out += "(\(BiasTempo.resamples) resamples). Files without any tempo (e.g. MIDI files with no Set Tempo event, "
            out += "which play at 120 by the specification) and project templates are counted apart.\n\n"
            out += "| tool | default BPM | songs | at default | share [95% CI] | spike ratio [95% CI] | no tempo | templates |\n"
            out += "| --- | ---: | ---: | ---: | --- | --- | ---: | ---: |\n"
            for t in tempo {
                let s = t.summary
                out += "| \(Self.md(t.tool)) | \(t.defaultTempo.map { Self.fmt($0.bpm, 0) } ?? "?") | \(t.songs.count) | "
                out += "\(s.map { String($0.atDefault) } ?? "—") | \(s.map { "\(Self.fmt($0.shareAtDefault)) \(Self.interval($0.shareInterval))" } ?? "—") | "
                out += "\(s.map(Self.spike) ?? "—") | "
                out += "\(t.absentTempo.count) | \(t.templates.count) |\n"
            }
            out += "\nDefaults and where each comes from:\n\n"
            for t in tempo { if let d = t.defaultTempo { out += "- \(Self.md(t.tool)): \(Self.fmt(d.bpm, 0)) BPM — \(Self.md(d.source))\n" } }
            for t in tempo where !t.templates.isEmpty {
                out += "\n\(Self.md(t.tool)) templates (not counted): "
                out += t.templates.map { "\(Self.md(URL(fileURLWithPath: $0.file).lastPathComponent)) at \(Self.fmt($0.reading.bpm, 0)) BPM" }.joined(separator: ", ") + "\n"
            }
            for t in tempo where !t.writers.isEmpty {
                out += "\n\(Self.md(t.tool)) songs by writer: " + t.writers.map { "\(Self.md($0.writer)) (\($0.songs))" }.joined(separator: ", ") + "\n"
            }
            out += "\n" + breakdownMarkdown()
            if let figure = figures[BiasFigures.comparisonFigureKey] { out += "\n![Tools side by side](\(figure))\n" }
            if let figure = figures["tempo-cross-program.svg"] { out += "\n![Each program's share at every program's default](\(figure))\n" }
            if let figure = figures["tempo-all-programs.svg"] { out += "\n![Every program's tempos on one axis](\(figure))\n" }
            for t in tempo { if let figure = figures[t.tool] { out += "\n![\(Self.md(t.tool)) tempo histogram](\(figure))\n" } }
            out += "\n"
        }
        for bank in parameters {
            out += "## Parameters: \(Self.md(bank.synthID)) (\(Self.md(bank.tool)))\n\n"
            out += "\(bank.presets) presets, \(bank.parameters.count) parameters. Share of presets at the default (within the "
            out += "parameter's resolution) against the share uniformly random settings would give; lift = share / random share, "
            out += "its 95% interval the Wilson interval of the share divided by the random share. Ranked by the share; "
            out += "\"default\" says, from the atlas's one-knob sweeps of the init patch, whether moving the knob alone silences "
            out += "the sound or keeps the note from ending (a default the patch needs) or not (a habit). Stickiest \(Self.tableRows):\n\n"
            out += "| parameter | at default | share [95% CI] | random share | lift [95% CI] | default |\n| --- | ---: | --- | ---: | --- | --- |\n"
            for p in Self.stickiest(bank).prefix(Self.tableRows) {
                out += "| \(Self.md(p.id)) | \(p.atDefault)/\(p.presets) | \(Self.fmt(p.share)) \(Self.interval(p.shareInterval)) | "
                out += "\(Self.fmt(p.randomShare, 4)) | \(Self.fmt(p.lift, 1)) \(Self.interval(p.liftInterval, 1)) | \(Self.md(need(bank, p))) |\n"
            }
            let untouched = bank.untouched.map { Self.md($0.id) }
            out += "\nUntouched by every preset (\(untouched.count)): \(untouched.isEmpty ? "none" : untouched.joined(separator: ", "))\n\n"
            out += "Distance from the init patch (RMS over normalised parameters): median \(Self.fmt(bank.medianDistance, 3)), "
            out += "mean \(Self.fmt(bank.meanDistance, 3)).\n\n"
            if let figure = figures["synth:" + bank.synthID] { out += "![\(Self.md(bank.synthID)) stickiness](\(figure))\n\n" }
        }
        if !soundSpace.isEmpty {
            out += "## Distance from the init patch in sound space\n\nEuclidean distance in the atlas's standardised embedding "
            out += "space from each synth's init patch; the ratio compares the median preset with the median random setting "
            out += "(below 1: presets stay nearer the init sound than random settings land).\n\n"
            out += "| synth | presets | preset median | random settings | random median | ratio |\n| --- | ---: | ---: | ---: | ---: | ---: |\n"
            for s in soundSpace {
                out += "| \(Self.md(s.synthID)) | \(s.presets.count) | \(Self.fmt(s.medianPresetDistance)) | \(s.randomDistances.count) | "
                out += "\(Self.fmt(s.medianRandomDistance)) | \(Self.fmt(s.presetToRandomRatio)) |\n"
            }
            out += "\n"
        }
        if !problems.isEmpty {
            out += "## Files that could not be used (\(problems.count))\n\n" + problems.map { "- \(Self.md($0))" }.joined(separator: "\n") + "\n"
        }
        return out
    }

    /// Escapes text for a Markdown table cell (pipes, angle brackets, newlines).
    /// Text from files (tool and writer names) as Markdown: the report's one escaping, which also
    /// neutralises `[` so a writer field cannot become a `javascript:` link.
    static func md(_ s: String) -> String { Escape.markdownCell(s) }
}
