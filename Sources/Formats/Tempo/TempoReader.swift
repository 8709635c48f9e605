// Reads the initial tempo of any supported project or song file, choosing the reader by content
// (magic bytes, then the XML root), not by extension; the extension only marks templates.
import Foundation

public enum TempoReader {
    /// Largest file we read whole; songs and projects are far smaller.
    public static let maximumFileBytes = 64 << 20

    /// Extensions of project/song files, for walking folders (content still decides the reader).
    public static let fileExtensions: Set<String> = [
        "mmp", "mmpz", "mpt", "mptz", "h2song", "mid", "midi", "smf", "kar", "rmi", "mod", "xm", "s3m", "it",
        "mscx", "mscz", "rg", "rgt", "ardour", "template", "flp", "als", "rpp", "xrns",
    ]

    /// Extensions that mark a tool's project template (its defaults), reported apart from songs.
    public static let templateExtensions: Set<String> = ["mpt", "mptz", "rgt", "template"]

    /// Whether a file is a template: a template extension (LMMS `.mpt`), or a file inside a folder
    /// named `templates` (MuseScore and LMMS keep their templates there as ordinary score/project files).
    public static func isTemplatePath(_ url: URL) -> Bool {
        templateExtensions.contains(url.pathExtension.lowercased())
            || url.deletingLastPathComponent().pathComponents.contains { $0.lowercased() == "templates" }
    }

    /// Reads `url`; throws `TempoReadError` with one line naming the file and the problem.
    public static func read(_ url: URL) throws -> TempoReading {
        let data: Data
        do { data = try InputFile.read(url, maximumBytes: maximumFileBytes) } catch {
            throw TempoReadError("\(url.path): \(error)")
        }
        let isTemplate = isTemplatePath(url)
        do {
            return try read(data, isTemplate: isTemplate)
        } catch let error as TempoReadError {
            throw TempoReadError("\(url.path): \(error.description)")
        }
    }

    /// Reads file contents; errors carry no file name.
    public static func read(_ data: Data, isTemplate: Bool = false) throws -> TempoReading {
        guard !data.isEmpty else { throw TempoReadError("empty file") }
        if Decompression.isGzip(data) {
            let xml: Data
            do { xml = try Decompression.gunzip(data) } catch { throw TempoReadError("gzip: \(error)") }
            return try readXML(xml, isTemplate: isTemplate)
        }
        let bytes = ByteReader([UInt8](data.prefix(1084 + 64 * 4 * 32)))
        if MIDIFileTempo.looksLike(bytes) { return try MIDIFileTempo.read(ByteReader([UInt8](data))) }
        // Trackers get the whole file: the first row's speed and tempo commands sit in a pattern anywhere in it.
        if ImpulseTrackerModuleTempo.looksLike(bytes) { return try ImpulseTrackerModuleTempo.read(ByteReader([UInt8](data))) }
        if FastTrackerModuleTempo.looksLike(bytes) { return try FastTrackerModuleTempo.read(ByteReader([UInt8](data))) }
        if ScreamTrackerModuleTempo.looksLike(bytes) { return try ScreamTrackerModuleTempo.read(ByteReader([UInt8](data))) }
        if FLStudioProjectTempo.looksLike(bytes) { return try FLStudioProjectTempo.read(ByteReader([UInt8](data))) }
        if ZipArchive.looksLike(bytes) { return try readZip(data, isTemplate: isTemplate) }
        if ProTrackerModuleTempo.looksLike(bytes) { return try ProTrackerModuleTempo.read(ByteReader([UInt8](data))) }
        if Decompression.isQtCompressed(data) {
            let xml: Data
            do { xml = try Decompression.qtUncompress(data) } catch { throw TempoReadError("qCompress: \(error)") }
            return try readXML(xml, isTemplate: isTemplate)
        }
        if ReaperProjectTempo.looksLike(data) { return try ReaperProjectTempo.read(data, isTemplate: isTemplate) }
        if looksLikeXML(data) { return try readXML(data, isTemplate: isTemplate) }
        throw TempoReadError("not a recognised project or song file (FL Studio, Ableton Live, REAPER, Renoise, LMMS, Hydrogen, MIDI, MOD/XM/S3M/IT, MuseScore, Rosegarden, Ardour)")
    }

    private static func looksLikeXML(_ data: Data) -> Bool {
        // Skip a UTF-8 byte-order mark and whitespace, then expect '<'.
        for byte in data.prefix(512) where ![0xef, 0xbb, 0xbf, 0x20, 0x09, 0x0a, 0x0d].contains(byte) {
            return byte == UInt8(ascii: "<")
        }
        return false
    }

    private static func readXML(_ data: Data, isTemplate: Bool) throws -> TempoReading {
        // The root element sits within the first few hundred bytes (after the declaration, DOCTYPE, comments).
        let prefix = String(decoding: data.prefix(4096), as: UTF8.self)
        if LMMSProjectTempo.looksLike(prefix) { return try LMMSProjectTempo.read(xml: data, isTemplate: isTemplate) }
        if MuseScoreTempo.looksLike(prefix) { return try MuseScoreTempo.read(xml: data, isTemplate: isTemplate) }
        if RosegardenTempo.looksLike(prefix) { return try RosegardenTempo.read(xml: data, isTemplate: isTemplate) }
        if ArdourSessionTempo.looksLike(prefix) { return try ArdourSessionTempo.read(xml: data, isTemplate: isTemplate) }
        if HydrogenSongTempo.looksLike(prefix) { return try HydrogenSongTempo.read(xml: data, isTemplate: isTemplate) }
        if AbletonLiveSetTempo.looksLike(prefix) { return try AbletonLiveSetTempo.read(xml: data, isTemplate: isTemplate) }
        throw TempoReadError("XML, but not a recognised project or song (root not lmms-project, multimedia-project, song, museScore, rosegarden-data, Session or Ableton)")
    }

    /// A zip is a Renoise song when it holds `Song.xml`, else tried as a MuseScore `.mscz`.
    private static func readZip(_ data: Data, isTemplate: Bool) throws -> TempoReading {
        let archive: ZipArchive
        do { archive = try ZipArchive(data) } catch { throw TempoReadError("zip archive: \(error)") }
        if RenoiseSongTempo.isRenoise(archive) { return try RenoiseSongTempo.read(zip: archive, isTemplate: isTemplate) }
        return try MuseScoreTempo.read(zip: data, isTemplate: isTemplate)
    }
}
