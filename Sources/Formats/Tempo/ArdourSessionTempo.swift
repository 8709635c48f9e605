// Initial tempo of an Ardour session (`.ardour` XML, root `<Session>`; templates `.template`).
// Ardour 2–6 write `<TempoMap><Tempo … beats-per-minute="120" note-type="4"/>`; Ardour 7+ write
// `<TempoMap><Tempos><Tempo npm="120" note-type="4" sclock="0" …/>` (notes per minute of the
// note type). The first `Tempo` of the map is the one at the session start. The writer is in
// `<ProgramVersion created-with="Ardour 8.4…">` when present.
import Foundation

enum ArdourSessionTempo {
    static func looksLike(_ prefix: String) -> Bool { prefix.contains("<Session") }

    static func read(xml data: Data, isTemplate: Bool) throws -> TempoReading {
        let root: XMLElement
        do { root = try XMLParser.parse(data) } catch { throw TempoReadError("Ardour session: \(error)") }
        guard root.name == "Session" else { throw TempoReadError("root element is <\(root.name)>, not <Session>") }
        guard let map = root.first("TempoMap") else { throw TempoReadError("Ardour session has no <TempoMap>") }
        guard let tempo = map.first("Tempo") else { throw TempoReadError("Ardour <TempoMap> holds no <Tempo>") }
        guard let bpm = tempo.decimal("npm") ?? tempo.decimal("beats-per-minute") else {
            throw TempoReadError("Ardour <Tempo> has neither npm nor beats-per-minute")
        }
        let programVersion = root.first("ProgramVersion")
        let writer = programVersion?.attributes["created-with"] ?? programVersion?.attributes["modified-with"]
            ?? root.attributes["version"].map { "Ardour (session format \($0))" }
        return TempoReading(tool: "Ardour", writer: writer, bpm: try TempoRange.checked(bpm, what: "Ardour"),
                            isTemplate: isTemplate)
    }
}
