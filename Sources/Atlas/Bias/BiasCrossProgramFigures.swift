// Two figures across programs: each program's share at every program's default (its own marked),
// and every program's tempo histogram on one shared BPM axis, so FL Studio's 140 and Ableton's 120
// can be seen side by side. Every text that reaches SVG is escaped.
import Foundation

extension BiasFigures {
    static let crossProgramColours = ["#4a6fa5", "#7f9c4a", "#b07aa1", "#c0392b"]

    /// Rows of grouped bars: one row per program, one bar per reference tempo (share of its songs,
    /// Wilson 95% whisker); the bar at the program's own default is outlined in black.
    public static func crossProgramShares(_ tools: [ToolTempoReport]) -> String {
        let rows = BiasCrossProgram.rows(tools)
        let tempos = BiasTempoBreakdowns.referenceTempos
        let rowHeight = 14.0 * Double(tempos.count) + 12, left = 170.0, right = 30.0, top = 56.0, width = 640.0
        let plotWidth = width - left - right
        let height = top + rowHeight * Double(Swift.max(1, rows.count)) + 36
        var svg = """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" font-family="sans-serif" font-size="11">
        <title>Share of each program's songs at each program's default tempo</title>
        <rect width="100%" height="100%" fill="white"/>
        <text x="10" y="20" font-size="13">Share of each program's songs at each program's default (outlined: its own; Wilson 95% CI)</text>

        """
        for (index, tempo) in tempos.enumerated() {
            let x = left + Double(index) * 90
            svg += "<rect x=\"\(fmt(x))\" y=\"30\" width=\"10\" height=\"10\" fill=\"\(crossProgramColours[index % crossProgramColours.count])\"/>"
            svg += "<text x=\"\(fmt(x + 14))\" y=\"39\">at \(fmt(tempo)) BPM</text>\n"
        }
        for (rowIndex, row) in rows.enumerated() {
            let y = top + Double(rowIndex) * rowHeight
            svg += "<text x=\"\(fmt(left - 6))\" y=\"\(fmt(y + rowHeight / 2))\" text-anchor=\"end\">\(xmlEscaped("\(row.tool) (n=\(row.songs))"))</text>\n"
            for (index, cell) in row.cells.enumerated() {
                let share = Double(cell.count) / Double(Swift.max(1, row.songs))
                let barY = y + 4 + Double(index) * 14
                let own = row.ownDefault.map { BiasTempoBreakdowns.isAt($0, cell.tempo) } == true
                svg += "<rect x=\"\(fmt(left))\" y=\"\(fmt(barY))\" width=\"\(fmt(Swift.max(0.5, plotWidth * share)))\" height=\"11\" "
                svg += "fill=\"\(crossProgramColours[index % crossProgramColours.count])\"\(own ? " stroke=\"black\" stroke-width=\"1.5\"" : "")>"
                svg += "<title>\(xmlEscaped("\(row.tool): \(cell.count) of \(row.songs) at \(fmt(cell.tempo)) BPM"))</title></rect>\n"
                let low = left + plotWidth * cell.interval.lower, high = left + plotWidth * cell.interval.upper
                svg += "<line x1=\"\(fmt(low))\" y1=\"\(fmt(barY + 5.5))\" x2=\"\(fmt(high))\" y2=\"\(fmt(barY + 5.5))\" stroke=\"#333\" stroke-width=\"0.8\"/>\n"
            }
        }
        let axisY = top + rowHeight * Double(Swift.max(1, rows.count)) + 4
        svg += "<line x1=\"\(fmt(left))\" y1=\"\(fmt(axisY))\" x2=\"\(fmt(left + plotWidth))\" y2=\"\(fmt(axisY))\" stroke=\"black\"/>\n"
        for tick in stride(from: 0, through: 100, by: 25) {
            svg += "<text x=\"\(fmt(left + plotWidth * Double(tick) / 100))\" y=\"\(fmt(axisY + 15))\" text-anchor=\"middle\">\(tick)%</text>\n"
        }
        return svg + "</svg>\n"
    }

    /// One strip per program on a shared BPM axis: songs per whole BPM, scaled to the program's own
    /// largest bar, its default marked with a dashed red line.
    public static func allProgramsHistogram(_ tools: [ToolTempoReport]) -> String {
        let rows = tools.filter { !$0.songs.isEmpty }
        let bpms = rows.flatMap { $0.songs.map { Int($0.reading.bpm.rounded()) } }
        let low = Swift.min(60, (bpms.min() ?? 60) / 10 * 10), high = Swift.max(200, ((bpms.max() ?? 200) + 9) / 10 * 10)
        let stripHeight = 40.0, left = 130.0, right = 20.0, top = 34.0, width = 720.0
        let plotWidth = width - left - right
        let height = top + stripHeight * Double(Swift.max(1, rows.count)) + 40
        let binWidth = plotWidth / Double(high - low + 1)
        func x(_ bpm: Double) -> Double { left + (bpm - Double(low)) * binWidth }
        var svg = """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" font-family="sans-serif" font-size="11">
        <title>Every program's song tempos on one axis</title>
        <rect width="100%" height="100%" fill="white"/>
        <text x="10" y="20" font-size="13">Song tempos per program on one axis (bars scaled per program; red: the program's default)</text>

        """
        for (index, tool) in rows.enumerated() {
            let base = top + Double(index + 1) * stripHeight - 4
            let counts = Dictionary(grouping: tool.songs, by: { Int($0.reading.bpm.rounded()) }).mapValues(\.count)
            let most = Double(counts.values.max() ?? 1)
            svg += "<text x=\"\(fmt(left - 6))\" y=\"\(fmt(base - 10))\" text-anchor=\"end\">\(xmlEscaped("\(tool.tool) (n=\(tool.songs.count))"))</text>\n"
            svg += "<line x1=\"\(fmt(left))\" y1=\"\(fmt(base))\" x2=\"\(fmt(left + plotWidth))\" y2=\"\(fmt(base))\" stroke=\"#999\"/>\n"
            for (bpm, count) in counts.sorted(by: { $0.key < $1.key }) where bpm >= low && bpm <= high {
                let barHeight = (stripHeight - 8) * Double(count) / most
                svg += "<rect x=\"\(fmt(x(Double(bpm))))\" y=\"\(fmt(base - barHeight))\" width=\"\(fmt(Swift.max(1, binWidth)))\" height=\"\(fmt(barHeight))\" fill=\"#4a6fa5\">"
                svg += "<title>\(xmlEscaped("\(tool.tool): \(count) at \(bpm) BPM"))</title></rect>\n"
            }
            if let own = tool.defaultTempo?.bpm {
                let mark = x(own.rounded()) + binWidth / 2
                svg += "<line x1=\"\(fmt(mark))\" y1=\"\(fmt(base - stripHeight + 6))\" x2=\"\(fmt(mark))\" y2=\"\(fmt(base))\" stroke=\"#c0392b\" stroke-dasharray=\"3 2\"/>\n"
            }
        }
        let axisY = top + stripHeight * Double(Swift.max(1, rows.count)) + 10
        var tick = (low + 19) / 20 * 20
        while tick <= high {
            svg += "<text x=\"\(fmt(x(Double(tick)) + binWidth / 2))\" y=\"\(fmt(axisY))\" text-anchor=\"middle\">\(tick)</text>\n"
            tick += 20
        }
        svg += "<text x=\"\(fmt(left + plotWidth / 2))\" y=\"\(fmt(axisY + 16))\" text-anchor=\"middle\">tempo (BPM, rounded)</text>\n"
        return svg + "</svg>\n"
    }
}
