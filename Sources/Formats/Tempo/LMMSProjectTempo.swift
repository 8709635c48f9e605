// Initial tempo of an LMMS project (`.mmp` XML, `.mmpz` qCompress'd XML, `.mpt` template). LMMS
// before 1.0 ("Linux MultiMedia Studio" 0.x) named the root `<multimedia-project>`; the rest is alike.
// The tempo is `<head bpm="…">`; projects whose tempo is automated keep the base value in a
// `<head><bpm value="…"/></head>` child instead (LMMS 1.x stores automatable models that way).
import Foundation

enum LMMSProjectTempo {
    /// Whether decoded XML text starts like an LMMS project.
    static let rootNames: Set<String> = ["lmms-project", "multimedia-project"]

    static func looksLike(_ prefix: String) -> Bool {
        prefix.contains("<lmms-project") || prefix.contains("<multimedia-project")
    }

    static func read(xml data: Data, isTemplate: Bool) throws -> TempoReading {
        let root: XMLElement
        do { root = try XMLParser.parse(data) } catch { throw TempoReadError("LMMS project: \(error)") }
        guard rootNames.contains(root.name) else {
            throw TempoReadError("root element is <\(root.name)>, not <lmms-project> or <multimedia-project>")
        }
        guard let head = root.child("head") else { throw TempoReadError("LMMS project has no <head>") }
        let raw = head.double("bpm") ?? head.child("bpm")?.double("value")
        guard let raw else { throw TempoReadError("LMMS project <head> has no bpm") }
        let version = root.attributes["creatorversion"].map { "LMMS \($0)" } ?? "LMMS"
        // LMMS's own templates are saved as type="song"; the extension is what marks them.
        return TempoReading(tool: "LMMS", writer: version, bpm: try TempoRange.checked(raw, what: "LMMS"),
                            isTemplate: isTemplate)
    }
}
