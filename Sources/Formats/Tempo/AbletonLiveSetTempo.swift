// Project tempo of an Ableton Live set (`.als`: gzip'd XML, root `<Ableton Creator="Ableton Live
// 9.7.7" …>`). The song tempo is the master track's mixer `Tempo`: its `Manual Value` (Live 9 on),
// or in Live 8 sets, which have no `Manual`, the first `FloatEvent` of its arranger automation (the
// event at Time -63072000 that holds the value before the song starts). Live 12 renamed the
// master track `MainTrack`.
import Foundation

enum AbletonLiveSetTempo {
    static func looksLike(_ prefix: String) -> Bool { prefix.contains("<Ableton") }

    static func read(xml data: Data, isTemplate: Bool) throws -> TempoReading {
        let root: XMLElement
        do { root = try XMLParser.parse(data) } catch { throw TempoReadError("Ableton Live set: \(error)") }
        guard root.name == "Ableton" else { throw TempoReadError("root element is <\(root.name)>, not <Ableton>") }
        guard let master = root.first("MasterTrack") ?? root.first("MainTrack") else {
            throw TempoReadError("Ableton Live set has no MasterTrack or MainTrack")
        }
        guard let tempo = master.first("Tempo") else { throw TempoReadError("Ableton master track has no Tempo") }
        let value: String?
        if let manual = tempo.child("Manual") {
            value = manual.attributes["Value"]
        } else {
            value = tempo.first("FloatEvent")?.attributes["Value"]
        }
        guard let value else { throw TempoReadError("Ableton master Tempo has neither Manual nor an automation FloatEvent") }
        guard let bpm = TempoRange.decimal(value) else {
            throw TempoReadError("Ableton master tempo '\(value.prefix(20))' is not a decimal number")
        }
        let writer = root.attributes["Creator"].map(cleanCreator) ?? "Ableton Live"
        return TempoReading(tool: "Ableton Live", writer: writer, bpm: try TempoRange.checked(bpm, what: "Ableton Live"),
                            isTemplate: isTemplate)
    }

    /// "Ableton Live 9.7.7" kept to letters, digits, spaces, dots and dashes (it reaches reports).
    static func cleanCreator(_ creator: String) -> String {
        String(creator.prefix(48).filter { $0.isASCII && ($0.isLetter || $0.isNumber || " .-".contains($0)) })
    }
}
