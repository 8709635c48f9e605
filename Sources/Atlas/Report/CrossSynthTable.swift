// The cross-synth coverage (`CrossSynthCoverage`) as a Markdown table and an SVG grid: row = the reference
// synth's presets, column = the candidate's; each cell its precision and recall.
import Foundation

enum CrossSynthTable {
    static let figureName = "cross-synth.svg"

    /// Synths in the table and a cell's (precision, recall), nil on the diagonal or when not measured.
    static func cells(_ data: ReportData) -> (synths: [String], cell: (String, String) -> (Double, Double)?) {
        let m = data.metrics[CrossSynthCoverage.scope] ?? [:]
        let synths = Set(m.keys.compactMap { $0.split(separator: ">").first.map(String.init) }).sorted()
        return (synths, { reference, candidate in
            guard let p = m["\(reference)>\(candidate).precision"], let r = m["\(reference)>\(candidate).recall"] else { return nil }
            return (p, r)
        })
    }

    static let explanation = "Each synth's presets (rows, the reference) against each other synth's presets (columns, the candidate) "
        + "in the shared standardised embedding, k = \(AnalysisStage.prdcNeighbours): precision is the share of the column's presets "
        + "inside the row's region, recall the share of the row's presets inside the column's region."

    static func markdown(_ data: ReportData) -> String {
        let (synths, cell) = cells(data)
        guard synths.count >= 2 else { return "" }
        var md = "## Which synth covers what\n\n\(explanation) Cells: precision / recall.\n\n"
        md += "| reference \\ candidate | " + synths.map(Escape.markdownCell).joined(separator: " | ") + " |\n"
        md += "| --- |" + String(repeating: " ---: |", count: synths.count) + "\n"
        for reference in synths {
            md += "| \(Escape.markdownCell(reference)) | " + synths.map { candidate in
                cell(reference, candidate).map { "\(Escape.number($0.0, digits: 2)) / \(Escape.number($0.1, digits: 2))" } ?? "–"
            }.joined(separator: " | ") + " |\n"
        }
        return md + "\n![Which synth covers what](\(figureName))\n\n"
    }

    /// A grid of cells, each split in two bars (precision, recall) with their values; nil with fewer than 2 synths.
    static func svg(_ data: ReportData) -> String? {
        let (synths, cell) = cells(data)
        guard synths.count >= 2 else { return nil }
        let size = 110.0, left = 150.0, top = 70.0
        let width = left + size * Double(synths.count) + 20, height = top + size * Double(synths.count) + 50
        var out = """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" font-family="sans-serif" font-size="12">
        <rect width="100%" height="100%" fill="#ffffff"/>
        <text x="10" y="20">Which synth covers what: rows = reference presets, columns = candidate presets</text>
        <text x="10" y="38"><tspan fill="#0072B2">■ precision</tspan> (column's presets inside the row's region)  <tspan fill="#E69F00">■ recall</tspan> (row's presets inside the column's region)</text>

        """
        for (j, name) in synths.enumerated() {
            out += "<text x=\"\(Escape.number(left + size * (Double(j) + 0.5), digits: 1))\" y=\"\(Int(top) - 8)\" text-anchor=\"middle\">\(Escape.html(name))</text>\n"
        }
        for (i, reference) in synths.enumerated() {
            let y = top + size * Double(i)
            out += "<text x=\"\(Int(left) - 8)\" y=\"\(Escape.number(y + size / 2, digits: 1))\" text-anchor=\"end\">\(Escape.html(reference))</text>\n"
            for (j, candidate) in synths.enumerated() {
                let x = left + size * Double(j)
                out += "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(size)\" height=\"\(size)\" fill=\"none\" stroke=\"#999\"/>\n"
                guard let (p, r) = cell(reference, candidate) else { continue }
                for (k, (value, colour)) in [(p, "#0072B2"), (r, "#E69F00")].enumerated() {
                    let barHeight = (size - 30) * min(max(value, 0), 1)
                    let barX = x + 18 + Double(k) * 40
                    out += "<rect x=\"\(Escape.number(barX, digits: 1))\" y=\"\(Escape.number(y + size - 12 - barHeight, digits: 1))\" width=\"30\" height=\"\(Escape.number(barHeight, digits: 1))\" fill=\"\(colour)\"><title>\(Escape.html(reference)) vs \(Escape.html(candidate)): \(k == 0 ? "precision" : "recall") \(Escape.number(value, digits: 3))</title></rect>\n"
                    out += "<text x=\"\(Escape.number(barX + 15, digits: 1))\" y=\"\(Escape.number(y + size - 16 - barHeight, digits: 1))\" text-anchor=\"middle\" font-size=\"10\">\(Escape.number(value, digits: 2))</text>\n"
                }
            }
        }
        return out + "</svg>\n"
    }
}
