// map.svg: the map as a static picture (points coloured by synth, presets drawn larger), names escaped.
import Foundation

enum SVGMap {
    static let width = 900.0, height = 700.0, margin = 30.0

    /// Colours by synth index (colour-blind-safe Okabe & Ito palette).
    static let palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]

    static func svg(_ data: ReportData) -> String {
        let synths = data.synths
        let xs = data.points.map(\.x), ys = data.points.map(\.y)
        let (minX, maxX) = (xs.min() ?? 0, xs.max() ?? 1), (minY, maxY) = (ys.min() ?? 0, ys.max() ?? 1)
        let scale = min((width - 2 * margin) / max(maxX - minX, 1e-9), (height - 2 * margin - 40) / max(maxY - minY, 1e-9))
        func sx(_ x: Double) -> String { Escape.number(margin + (x - minX) * scale, digits: 1) }
        func sy(_ y: Double) -> String { Escape.number(margin + 40 + (maxY - y) * scale, digits: 1) }
        var out = """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" font-family="sans-serif" font-size="12">
        <rect width="100%" height="100%" fill="#ffffff"/>
        <text x="\(margin)" y="20">Preset atlas: \(data.points.count) points, \(Escape.html(data.projectionName))</text>

        """
        for (i, synth) in synths.enumerated() {
            let x = margin + Double(i) * 170
            out += "<rect x=\"\(x)\" y=\"28\" width=\"10\" height=\"10\" fill=\"\(palette[i % palette.count])\"/>"
            out += "<text x=\"\(x + 14)\" y=\"37\">\(Escape.html(synth))</text>\n"
        }
        // Background layers first (random, sweep), presets and init patches on top with their names as titles.
        let layers: [(PatchOrigin, Double, String)] = [(.random, 1.2, "0.35"), (.sweep, 1.2, "0.35"),
                                                       (.preset, 2.6, "0.9"), (.explored, 3.4, "1"), (.initPatch, 5, "1")]
        for (origin, radius, opacity) in layers {
            out += "<g opacity=\"\(opacity)\">\n"
            for point in data.points where point.origin == origin {
                let colour = palette[(synths.firstIndex(of: point.synth) ?? 0) % palette.count]
                let stroke = origin == .initPatch ? " stroke=\"#000\" stroke-width=\"1.5\""
                    : origin == .explored ? " stroke=\"#CC79A7\" stroke-width=\"1.5\"" : ""
                if origin == .preset || origin == .initPatch || origin == .explored {
                    out += "<circle cx=\"\(sx(point.x))\" cy=\"\(sy(point.y))\" r=\"\(radius)\" fill=\"\(colour)\"\(stroke)><title>\(Escape.html(point.name))</title></circle>\n"
                } else {
                    out += "<circle cx=\"\(sx(point.x))\" cy=\"\(sy(point.y))\" r=\"\(radius)\" fill=\"\(colour)\"/>\n"
                }
            }
            out += "</g>\n"
        }
        return out + "</svg>\n"
    }
}
