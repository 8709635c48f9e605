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
        do {
            // Projects run to megabytes of tracks; the tempo sits in `<head>` near the top. Parse just
            // the root's start tag and `<head>` when they can be cut out, else the whole document.
            root = try headOnly(data).flatMap { try? XMLParser.parse($0) } ?? XMLParser.parse(data)
        } catch { throw TempoReadError("LMMS project: \(error)") }
        guard rootNames.contains(root.name) else {
            throw TempoReadError("root element is <\(root.name)>, not <lmms-project> or <multimedia-project>")
        }
        guard let head = root.child("head") else { throw TempoReadError("LMMS project has no <head>") }
        if let bad = head.nonDecimal("bpm") ?? head.child("bpm")?.nonDecimal("value") {
            throw TempoReadError("LMMS project bpm '\(bad)' is not a decimal number")
        }
        let raw = head.decimal("bpm") ?? head.child("bpm")?.decimal("value")
        guard let raw else { throw TempoReadError("LMMS project <head> has no bpm") }
        let version = root.attributes["creatorversion"].map { "LMMS \($0)" } ?? "LMMS"
        // LMMS's own templates are saved as type="song"; the extension is what marks them.
        return TempoReading(tool: "LMMS", writer: version, bpm: try TempoRange.checked(raw, what: "LMMS"),
                            isTemplate: isTemplate)
    }

    /// `<root …><head …/></root>` (or with `<head>…</head>`) cut from the first 64 KiB, or nil.
    static func headOnly(_ data: Data) -> Data? {
        let window = data.prefix(1 << 16)
        for rootName in ["lmms-project", "multimedia-project"] {
            guard let rootStart = window.firstRange(of: Data("<\(rootName)".utf8)),
                  let rootEnd = window[rootStart.upperBound...].firstIndex(of: UInt8(ascii: ">")),
                  window[window.index(before: rootEnd)] != UInt8(ascii: "/"),
                  let headStart = window[rootEnd...].firstRange(of: Data("<head".utf8)),
                  let headTagEnd = window[headStart.upperBound...].firstIndex(of: UInt8(ascii: ">")) else { continue }
            var headEnd = window.index(after: headTagEnd)
            if window[window.index(before: headTagEnd)] != UInt8(ascii: "/") {
                guard let close = window[headTagEnd...].firstRange(of: Data("</head>".utf8)) else { return nil }
                headEnd = close.upperBound
            }
            var snippet = Data(window[rootStart.lowerBound...rootEnd])
            snippet.append(window[headStart.lowerBound..<headEnd])
            snippet.append(Data("</\(rootName)>".utf8))
            return snippet
        }
        return nil
    }
}
