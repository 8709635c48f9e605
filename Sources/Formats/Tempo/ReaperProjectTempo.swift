// Project tempo of a REAPER project (`.rpp`, text): `<REAPER_PROJECT 0.1 "6.82/win64" 1690000000`
// opens it, and the project's own block holds a line `TEMPO bpm numerator denominator`. Nested
// blocks (tracks, items, envelopes) come later and have no TEMPO line of their own, so the first
// TEMPO line at nesting depth 1 is the project tempo.
import Foundation

enum ReaperProjectTempo {
    static func looksLike(_ data: Data) -> Bool {
        let head = data.prefix(64).drop { [0xef, 0xbb, 0xbf, 0x20, 0x09, 0x0a, 0x0d].contains($0) }
        return head.starts(with: Data("<REAPER_PROJECT".utf8))
    }

    static func read(_ data: Data, isTemplate: Bool) throws -> TempoReading {
        let text = String(decoding: data, as: UTF8.self)
        var depth = 0
        var writer = "REAPER"
        for rawLine in text.split(whereSeparator: \.isNewline) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("<") {
                if depth == 0, line.hasPrefix("<REAPER_PROJECT") { writer = version(line) }
                depth += 1
                continue
            }
            if line == ">" { depth -= 1; continue }
            guard depth == 1, line.hasPrefix("TEMPO ") else { continue }
            let fields = line.split(separator: " ")
            guard fields.count >= 2, let bpm = TempoRange.decimal(String(fields[1])) else {
                throw TempoReadError("REAPER TEMPO line '\(line.prefix(40))' has no decimal tempo")
            }
            return TempoReading(tool: "REAPER", writer: writer, bpm: try TempoRange.checked(bpm, what: "REAPER"),
                                isTemplate: isTemplate)
        }
        throw TempoReadError("REAPER project has no TEMPO line in its project block")
    }

    /// `<REAPER_PROJECT 0.1 "6.82/win64" …` → "REAPER 6.82" (digits and dots only).
    static func version(_ line: String) -> String {
        let quoted = line.split(separator: "\"")
        guard quoted.count >= 2 else { return "REAPER" }
        let number = quoted[1].prefix { $0 != "/" }.filter { $0.isASCII && ($0.isNumber || $0 == ".") }
        return number.isEmpty ? "REAPER" : "REAPER \(number)"
    }
}
