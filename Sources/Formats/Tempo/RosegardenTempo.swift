// Initial tempo of a Rosegarden composition (`.rg`: gzip-compressed XML, root `<rosegarden-data>`;
// `.rgt` templates the same). Tempo changes are `<tempo time=… tempo=…>` in units of 1/100,000 BPM
// (12000000 = 120 BPM); without one at time 0 the composition's `compositionDefaultTempo` (same
// units) or, in older files, `defaultTempo` (BPM) plays.
import Foundation

enum RosegardenTempo {
    static func looksLike(_ prefix: String) -> Bool { prefix.contains("<rosegarden-data") }

    static func read(xml data: Data, isTemplate: Bool) throws -> TempoReading {
        let root: XMLElement
        do { root = try XMLParser.parse(data) } catch { throw TempoReadError("Rosegarden file: \(error)") }
        guard root.name == "rosegarden-data" else { throw TempoReadError("root element is <\(root.name)>, not <rosegarden-data>") }
        guard let composition = root.child("composition") else { throw TempoReadError("Rosegarden file has no <composition>") }
        let writer = root.attributes["version"].map { "Rosegarden \($0)" }
        let atStart = composition.children("tempo").first { ($0.decimal("time") ?? -1) == 0 }
        let bpm: Double
        if let units = atStart?.decimal("tempo") {
            bpm = units / 100_000
        } else if let units = composition.decimal("compositionDefaultTempo") {
            bpm = units / 100_000
        } else if let plain = composition.decimal("defaultTempo") {
            bpm = plain
        } else {
            throw TempoReadError("Rosegarden <composition> has no tempo")
        }
        return TempoReading(tool: "Rosegarden", writer: writer, bpm: try TempoRange.checked(bpm, what: "Rosegarden"),
                            isTemplate: isTemplate)
    }
}
