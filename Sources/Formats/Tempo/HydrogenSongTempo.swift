// Initial tempo of a Hydrogen drum machine song (`.h2song`: XML, `<song><bpm>…</bpm>`), plain or
// gzip-compressed. Hydrogen has no tempo automation in the song file before 1.2's timeline, which
// is stored apart (`<timeLineTempo>`); the song's `bpm` is the tempo it opens with.
import Foundation

enum HydrogenSongTempo {
    static func looksLike(_ prefix: String) -> Bool {
        prefix.contains("<song") && (prefix.contains("<bpm>") || prefix.contains("<patternModeMode>")
                                     || prefix.contains("<instrumentList>") || prefix.contains("<version>"))
    }

    static func read(xml data: Data, isTemplate: Bool) throws -> TempoReading {
        let root: XMLElement
        do { root = try XMLParser.parse(data) } catch { throw TempoReadError("Hydrogen song: \(error)") }
        guard root.name == "song" else { throw TempoReadError("root element is <\(root.name)>, not <song>") }
        guard let text = root.child("bpm")?.text.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else {
            throw TempoReadError("Hydrogen song has no <bpm>")
        }
        guard let bpm = TempoRange.decimal(text) else { throw TempoReadError("Hydrogen <bpm> '\(text.prefix(20))' is not a number") }
        let version = root.child("version")?.text.trimmingCharacters(in: .whitespacesAndNewlines)
        return TempoReading(tool: "Hydrogen", writer: version.map { "Hydrogen \($0)" },
                            bpm: try TempoRange.checked(bpm, what: "Hydrogen"), isTemplate: isTemplate)
    }
}
