// Initial tempo of a MuseScore score (`.mscx` XML, `.mscz` zip holding one `.mscx`). A tempo
// marking is a `<Tempo>` element whose `<tempo>` child is in quarter notes per second (MuseScore's
// internal unit: 2.0 = 120 BPM); the first one in document order is the opening tempo. A score
// without any plays at MuseScore's default of 120 BPM, reported as `.absent` (nobody chose it).
import Foundation

enum MuseScoreTempo {
    /// MuseScore's tempo when a score has no tempo marking (libmscore's default of 2 beats/s).
    static let defaultBPM = 120.0

    static func looksLike(_ prefix: String) -> Bool { prefix.contains("<museScore") }

    static func read(xml data: Data, isTemplate: Bool) throws -> TempoReading {
        let root: XMLElement
        do { root = try XMLParser.parse(data) } catch { throw TempoReadError("MuseScore score: \(error)") }
        guard root.name == "museScore" else { throw TempoReadError("root element is <\(root.name)>, not <museScore>") }
        let program = root.child("programVersion")?.text.trimmingCharacters(in: .whitespacesAndNewlines)
        let writer = "MuseScore " + (program ?? root.attributes["version"] ?? "").trimmingCharacters(in: .whitespaces)
        guard let marking = root.first("Tempo") else {
            return TempoReading(tool: "MuseScore", writer: writer, bpm: defaultBPM, origin: .absent, isTemplate: isTemplate)
        }
        guard let text = marking.child("tempo")?.text.trimmingCharacters(in: .whitespacesAndNewlines),
              let beatsPerSecond = TempoRange.decimal(text) else {
            throw TempoReadError("MuseScore <Tempo> has no numeric <tempo>")
        }
        // Round to 1/1000 BPM: scores store 1.33333 for 80 BPM.
        let bpm = (beatsPerSecond * 60 * 1000).rounded() / 1000
        return TempoReading(tool: "MuseScore", writer: writer, bpm: try TempoRange.checked(bpm, what: "MuseScore"),
                            isTemplate: isTemplate)
    }

    /// The score inside a `.mscz`: the `.mscx` named by `META-INF/container.xml`, else the first `.mscx`.
    static func read(zip data: Data, isTemplate: Bool) throws -> TempoReading {
        let archive: ZipArchive
        do { archive = try ZipArchive(data) } catch { throw TempoReadError("MuseScore .mscz: \(error)") }
        var scorePath = archive.entryNames.first { $0.lowercased().hasSuffix(".mscx") }
        if let container = try? archive.contents(of: "META-INF/container.xml"),
           let root = try? XMLParser.parse(container),
           let path = root.first("rootfile")?.attributes["full-path"], archive.entryNames.contains(path) {
            scorePath = path
        }
        guard let scorePath else { throw TempoReadError("zip archive holds no .mscx score") }
        let score: Data
        do { score = try archive.contents(of: scorePath) } catch { throw TempoReadError("MuseScore .mscz: \(error)") }
        return try read(xml: score, isTemplate: isTemplate)
    }
}
