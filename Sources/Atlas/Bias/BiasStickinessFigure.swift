// SVG figure of one bank's parameter stickiness: for the parameters most often left at their default,
// the share of presets at the default (bar, with its Wilson 95% interval) against the share uniformly
// random settings would give (red tick).
import Foundation
import SoundSpace

extension BiasFigures {
    /// How many parameters the figure shows (highest share at default first).
    public static let stickinessRows = 30

    public static func stickiness(_ bank: ParameterBankReport) -> String {
        let rows = bank.parameters.sorted { ($0.share, $1.id) > ($1.share, $0.id) }.prefix(stickinessRows)
        let rowHeight = 16.0, left = 260.0, right = 60.0, top = 44.0, width = 700.0
        let height = top + rowHeight * Double(Swift.max(1, rows.count)) + 40
        let plotWidth = width - left - right
        var svg = """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" font-family="sans-serif" font-size="10">
        <title>\(xmlEscaped("\(bank.synthID): parameters left at their default in \(bank.presets) presets"))</title>
        <rect width="100%" height="100%" fill="white"/>
        <text x="10" y="18" font-size="13">\(xmlEscaped("\(bank.synthID) (\(bank.tool)): share of \(bank.presets) presets at each parameter's default"))</text>
        <text x="10" y="34" fill="#c0392b">red tick: share that uniformly random settings would give</text>

        """
        for (index, p) in rows.enumerated() {
            let y = top + Double(index) * rowHeight
            svg += "<text x=\"\(fmt(left - 6))\" y=\"\(fmt(y + 11))\" text-anchor=\"end\">\(xmlEscaped(p.id))</text>\n"
            svg += "<rect x=\"\(fmt(left))\" y=\"\(fmt(y + 3))\" width=\"\(fmt(plotWidth * p.share))\" height=\"\(fmt(rowHeight - 6))\" fill=\"#4a6fa5\"/>\n"
            let low = left + plotWidth * p.shareInterval.lower, high = left + plotWidth * p.shareInterval.upper
            svg += "<line x1=\"\(fmt(low))\" y1=\"\(fmt(y + 8))\" x2=\"\(fmt(high))\" y2=\"\(fmt(y + 8))\" stroke=\"black\"/>\n"
            let randomX = left + plotWidth * Swift.min(1, p.randomShare)
            svg += "<line x1=\"\(fmt(randomX))\" y1=\"\(fmt(y + 1))\" x2=\"\(fmt(randomX))\" y2=\"\(fmt(y + rowHeight - 1))\" stroke=\"#c0392b\" stroke-width=\"2\"/>\n"
            svg += "<text x=\"\(fmt(left + plotWidth + 6))\" y=\"\(fmt(y + 11))\">\(String(format: "%.0f%%", p.share * 100))</text>\n"
        }
        let axisY = top + rowHeight * Double(Swift.max(1, rows.count)) + 4
        svg += "<line x1=\"\(fmt(left))\" y1=\"\(fmt(axisY))\" x2=\"\(fmt(left + plotWidth))\" y2=\"\(fmt(axisY))\" stroke=\"black\"/>\n"
        for tick in stride(from: 0, through: 100, by: 25) {
            svg += "<text x=\"\(fmt(left + plotWidth * Double(tick) / 100))\" y=\"\(fmt(axisY + 14))\" text-anchor=\"middle\">\(tick)%</text>\n"
        }
        svg += "</svg>\n"
        return svg
    }
}
