// The tempo breakdowns as titled tables, rendered by both the text and the Markdown report: the
// per-group share, speed apart from tempo for trackers, songs by program version, and every
// program's share at every program's default.
import Foundation

extension BiasReport {
    struct TitledTable {
        var title: String
        var header: [String]
        var rows: [[String]]
    }

    func breakdownTables() -> [TitledTable] {
        var tables: [TitledTable] = []
        let grouped = tempo.compactMap { t in t.groupShare.map { (t, $0) } }.filter { $0.1.groups > 0 }
        if !grouped.isEmpty {
            tables.append(TitledTable(
                title: "Share at the default per group (--group-by \(groupBy.rawValue)): each group's share counts once; cluster bootstrap 95% CI",
                header: ["tool", "songs", "groups", "groups with a song at default", "mean group share [95% CI]"],
                rows: grouped.map { t, g in
                    [t.tool, String(t.songs.count), String(g.groups), String(g.groupsWithDefault),
                     "\(Self.fmt(g.meanShare)) \(Self.interval(g.interval))"]
                }))
        }
        let trackers = tempo.compactMap { t in t.speed.map { (t, $0) } }
        if !trackers.isEmpty {
            tables.append(TitledTable(
                title: "Trackers: tempo and speed apart (default speed \(BiasTempoBreakdowns.trackerDefaultSpeed) ticks per row; Wilson 95% CI)",
                header: ["tool", "songs", "tempo at default", "speed at default [95% CI]", "tempo and speed at default [95% CI]", "speeds (speed:songs)"],
                rows: trackers.map { t, s in
                    [t.tool, String(s.songs), t.summary.map { String($0.atDefault) } ?? "—",
                     "\(s.speedAtDefault) \(Self.interval(s.speedInterval))", "\(s.bothAtDefault) \(Self.interval(s.bothInterval))",
                     s.speeds.map { "\($0.speed):\($0.count)" }.joined(separator: " ")]
                }))
        }
        let tempos = BiasTempoBreakdowns.referenceTempos
        let versionRows = tempo.filter { $0.versions.count > 1 || $0.tool == "FL Studio" }.flatMap { t in
            t.versions.map { v in
                [t.tool, v.version, String(v.songs)] + tempos.map { "\(v.atTempo[$0] ?? 0) (\(Self.percent(v.atTempo[$0] ?? 0, of: v.songs)))" }
            }
        }
        if !versionRows.isEmpty {
            tables.append(TitledTable(title: "Songs by the program version that saved them, at each reference tempo",
                                      header: ["tool", "version", "songs"] + tempos.map { "at \(Self.fmt($0, 0))" }, rows: versionRows))
        }
        let cross = BiasCrossProgram.rows(tempo)
        if !cross.isEmpty {
            tables.append(TitledTable(
                title: "Across programs: share of each program's songs at each program's default (* = its own; Wilson 95% CI)",
                header: ["tool", "songs"] + tempos.map { "at \(Self.fmt($0, 0))" },
                rows: cross.map { row in
                    [row.tool, String(row.songs)] + row.cells.map { cell in
                        let own = row.ownDefault.map { BiasTempoBreakdowns.isAt($0, cell.tempo) } == true ? "*" : ""
                        return "\(own)\(Self.fmt(Double(cell.count) / Double(Swift.max(1, row.songs)))) \(Self.interval(cell.interval))"
                    }
                }))
        }
        return tables
    }

    static func percent(_ count: Int, of total: Int) -> String {
        total > 0 ? String(format: "%.0f%%", 100 * Double(count) / Double(total)) : "—"
    }

    func breakdownText() -> String {
        breakdownTables().map { "\($0.title)\n" + Self.table($0.header, $0.rows) + "\n\n" }.joined()
    }

    func breakdownMarkdown() -> String {
        breakdownTables().map { table in
            var out = "### \(Self.md(table.title))\n\n| " + table.header.map(Self.md).joined(separator: " | ") + " |\n"
            out += "|" + String(repeating: " --- |", count: table.header.count) + "\n"
            for row in table.rows { out += "| " + row.map(Self.md).joined(separator: " | ") + " |\n" }
            return out + "\n"
        }.joined()
    }
}
