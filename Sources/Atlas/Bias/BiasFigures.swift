// SVG figures of the bias report: one tempo histogram per tool (whole-BPM bars, the default marked)
// and the bias report's files written into a report folder. Every text that reaches SVG is escaped.
import Formats
import Foundation
import SoundSpace

public enum BiasFigures {
    /// Escapes text for XML/SVG content and attribute values (`Formats.xmlEscaped`).
    public static func xmlEscaped(_ s: String) -> String { Formats.xmlEscaped(s) }

    /// A histogram of `summary` (songs per whole BPM) with the default tempo marked in red.
    public static func tempoHistogram(tool: String, summary: TempoSummary) -> String {
        let width = 640.0, height = 300.0, left = 50.0, right = 20.0, top = 40.0, bottom = 40.0
        let bins = summary.histogram
        let defaultBin = Int(summary.defaultBPM.rounded())
        let low = Swift.min(bins.first?.bpm ?? defaultBin, defaultBin - 10)
        let high = Swift.max(bins.last?.bpm ?? defaultBin, defaultBin + 10)
        let span = Double(high - low + 1)
        let maxCount = Double(Swift.max(1, bins.map(\.count).max() ?? 1))
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let barWidth = plotWidth / span
        func x(_ bpm: Int) -> Double { left + Double(bpm - low) * barWidth }
        func y(_ count: Double) -> Double { top + plotHeight * (1 - count / maxCount) }
        var svg = """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" font-family="sans-serif" font-size="11">
        <title>\(xmlEscaped("\(tool): initial tempo of \(summary.files) songs; default \(fmt(summary.defaultBPM)) BPM"))</title>
        <rect width="100%" height="100%" fill="white"/>
        <text x="\(left)" y="20" font-size="13">\(xmlEscaped("\(tool): \(summary.atDefault) of \(summary.files) songs at the default \(fmt(summary.defaultBPM)) BPM"))</text>

        """
        for bin in bins {
            let isDefault = bin.bpm == defaultBin
            svg += "<rect x=\"\(fmt(x(bin.bpm)))\" y=\"\(fmt(y(Double(bin.count))))\" width=\"\(fmt(Swift.max(1, barWidth - 0.5)))\" "
            svg += "height=\"\(fmt(top + plotHeight - y(Double(bin.count))))\" fill=\"\(isDefault ? "#c0392b" : "#4a6fa5")\">"
            svg += "<title>\(bin.bpm) BPM: \(bin.count)</title></rect>\n"
        }
        let markX = x(defaultBin) + barWidth / 2
        svg += "<line x1=\"\(fmt(markX))\" y1=\"\(fmt(top - 4))\" x2=\"\(fmt(markX))\" y2=\"\(fmt(top + plotHeight))\" stroke=\"#c0392b\" stroke-dasharray=\"4 3\"/>\n"
        svg += "<text x=\"\(fmt(markX + 4))\" y=\"\(fmt(top + 8))\" fill=\"#c0392b\">default \(fmt(summary.defaultBPM))</text>\n"
        svg += "<line x1=\"\(left)\" y1=\"\(fmt(top + plotHeight))\" x2=\"\(fmt(width - right))\" y2=\"\(fmt(top + plotHeight))\" stroke=\"black\"/>\n"
        // Ticks every 10 BPM.
        var tick = (low + 9) / 10 * 10
        while tick <= high {
            svg += "<text x=\"\(fmt(x(tick) + barWidth / 2))\" y=\"\(fmt(height - bottom + 15))\" text-anchor=\"middle\">\(tick)</text>\n"
            tick += 10
        }
        svg += "<text x=\"\(fmt(width / 2))\" y=\"\(fmt(height - 6))\" text-anchor=\"middle\">tempo (BPM, rounded)</text>\n"
        svg += "<text x=\"12\" y=\"\(fmt(top + plotHeight / 2))\" transform=\"rotate(-90 12 \(fmt(top + plotHeight / 2)))\" text-anchor=\"middle\">songs (max \(Int(maxCount)))</text>\n"
        svg += "</svg>\n"
        return svg
    }

    /// Tools side by side: one bar per tool for the share of songs at its default tempo, with the
    /// bootstrap 95% interval as a whisker and the tool's default in the label.
    public static func tempoComparison(_ tools: [ToolTempoReport]) -> String {
        let rows = tools.compactMap { t in t.summary.map { (t.tool, $0) } }.filter { $0.1.files > 0 }
        let rowHeight = 26.0, left = 190.0, right = 70.0, top = 40.0, width = 640.0
        let height = top + rowHeight * Double(Swift.max(1, rows.count)) + 40
        let plotWidth = width - left - right
        var svg = """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" font-family="sans-serif" font-size="11">
        <title>Share of songs at their tool's default tempo</title>
        <rect width="100%" height="100%" fill="white"/>
        <text x="10" y="20" font-size="13">Share of songs exactly at the tool's default tempo (bootstrap 95% interval)</text>

        """
        for (index, row) in rows.enumerated() {
            let (tool, summary) = row
            let y = top + Double(index) * rowHeight
            let label = "\(tool) (\(fmt(summary.defaultBPM)) BPM, n=\(summary.files))"
            svg += "<text x=\"\(fmt(left - 6))\" y=\"\(fmt(y + 15))\" text-anchor=\"end\">\(xmlEscaped(label))</text>\n"
            svg += "<rect x=\"\(fmt(left))\" y=\"\(fmt(y + 4))\" width=\"\(fmt(plotWidth * summary.shareAtDefault))\" height=\"\(fmt(rowHeight - 10))\" fill=\"#4a6fa5\"/>\n"
            let low = left + plotWidth * summary.shareInterval.lower, high = left + plotWidth * summary.shareInterval.upper
            svg += "<line x1=\"\(fmt(low))\" y1=\"\(fmt(y + 11))\" x2=\"\(fmt(high))\" y2=\"\(fmt(y + 11))\" stroke=\"black\"/>\n"
            svg += "<text x=\"\(fmt(left + plotWidth + 6))\" y=\"\(fmt(y + 15))\">\(String(format: "%.0f%%", summary.shareAtDefault * 100))</text>\n"
        }
        let axisY = top + rowHeight * Double(Swift.max(1, rows.count)) + 4
        svg += "<line x1=\"\(fmt(left))\" y1=\"\(fmt(axisY))\" x2=\"\(fmt(left + plotWidth))\" y2=\"\(fmt(axisY))\" stroke=\"black\"/>\n"
        for tick in stride(from: 0, through: 100, by: 25) {
            let x = left + plotWidth * Double(tick) / 100
            svg += "<text x=\"\(fmt(x))\" y=\"\(fmt(axisY + 15))\" text-anchor=\"middle\">\(tick)%</text>\n"
        }
        svg += "</svg>\n"
        return svg
    }

    static func fmt(_ x: Double) -> String {
        x == x.rounded() ? String(Int(x)) : String(format: "%.1f", x)
    }

    /// File-name-safe form of a tool name (`Impulse Tracker` → `impulse-tracker`).
    static func slug(_ s: String) -> String {
        let mapped = s.lowercased().unicodeScalars.map { CharacterSet.alphanumerics.contains($0) ? Character($0) : "-" }
        let collapsed = String(mapped).split(separator: "-").joined(separator: "-")
        return collapsed.isEmpty ? "tool" : collapsed
    }

    /// Key of the side-by-side figure in the `figures` map handed to `BiasReport.markdown`.
    public static let comparisonFigureKey = "*comparison*"

    /// Writes `bias.md`, `bias.json`, `tempo-comparison.svg`, `tempo-<tool>.svg` and
    /// `stickiness-<synth>.svg` into `folder` (created if needed).
    /// Returns the paths written.
    @discardableResult
    public static func write(_ report: BiasReport, to folder: URL) throws -> [URL] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var written: [URL] = []
        var figures: [String: String] = [:]
        for t in report.tempo {
            guard let summary = t.summary, summary.files > 0 else { continue }
            let name = "tempo-\(slug(t.tool)).svg"
            let url = folder.appendingPathComponent(name)
            try Data(tempoHistogram(tool: t.tool, summary: summary).utf8).write(to: url, options: .atomic)
            figures[t.tool] = name
            written.append(url)
        }
        if report.tempo.contains(where: { ($0.summary?.files ?? 0) > 0 }) {
            let url = folder.appendingPathComponent("tempo-comparison.svg")
            try Data(tempoComparison(report.tempo).utf8).write(to: url, options: .atomic)
            figures[comparisonFigureKey] = url.lastPathComponent
            written.append(url)
            for (name, svg) in [("tempo-cross-program.svg", crossProgramShares(report.tempo)),
                                ("tempo-all-programs.svg", allProgramsHistogram(report.tempo))] {
                let figure = folder.appendingPathComponent(name)
                try Data(svg.utf8).write(to: figure, options: .atomic)
                figures[name] = name
                written.append(figure)
            }
        }
        for bank in report.parameters where bank.presets > 0 {
            let name = "stickiness-\(slug(bank.synthID)).svg"
            let url = folder.appendingPathComponent(name)
            try Data(stickiness(bank).utf8).write(to: url, options: .atomic)
            figures["synth:" + bank.synthID] = name
            written.append(url)
        }
        let md = folder.appendingPathComponent("bias.md")
        try Data(report.markdown(figures: figures).utf8).write(to: md, options: .atomic)
        let json = folder.appendingPathComponent("bias.json")
        try report.json().write(to: json, options: .atomic)
        return [md, json] + written
    }
}
