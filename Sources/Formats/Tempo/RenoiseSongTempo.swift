// Song tempo of a Renoise song (`.xrns`: a zip holding `Song.xml`, root `<RenoiseSong
// doc_version="54">`). `GlobalSongData` holds `BeatsPerMin` (true beats per minute: Renoise counts
// `LinesPerBeat` rows to a beat), `LinesPerBeat` and `TicksPerLine` (the tracker speed).
import Foundation

enum RenoiseSongTempo {
    static let songEntry = "Song.xml"

    static func isRenoise(_ archive: ZipArchive) -> Bool { archive.entryNames.contains(songEntry) }

    static func read(zip archive: ZipArchive, isTemplate: Bool) throws -> TempoReading {
        let xml: Data
        do { xml = try archive.contents(of: songEntry) } catch { throw TempoReadError("Renoise .xrns: \(error)") }
        let root: XMLElement
        do { root = try XMLParser.parse(xml) } catch { throw TempoReadError("Renoise Song.xml: \(error)") }
        guard root.name == "RenoiseSong" else { throw TempoReadError("Song.xml root is <\(root.name)>, not <RenoiseSong>") }
        guard let global = root.child("GlobalSongData") else { throw TempoReadError("Renoise song has no GlobalSongData") }
        let text = global.child("BeatsPerMin")?.text ?? ""
        guard let bpm = TempoRange.decimal(text) else {
            throw TempoReadError("Renoise BeatsPerMin '\(text.prefix(20))' is missing or not a decimal number")
        }
        let lines = TempoRange.decimal(global.child("LinesPerBeat")?.text).flatMap(wholeCount)
        let ticks = TempoRange.decimal(global.child("TicksPerLine")?.text).flatMap(wholeCount)
        let version = root.attributes["doc_version"].flatMap { TempoRange.decimal($0) }.flatMap(wholeCount)
        return TempoReading(tool: "Renoise", writer: version.map { "Renoise (song format \($0))" } ?? "Renoise",
                            bpm: try TempoRange.checked(bpm, what: "Renoise"), ticksPerRow: ticks, rowsPerBeat: lines,
                            isTemplate: isTemplate)
    }

    /// A small positive whole number, or nil (hostile values never reach `Int(Double)`).
    static func wholeCount(_ x: Double) -> Int? { x >= 1 && x <= 10_000 && x == x.rounded() ? Int(x) : nil }
}
