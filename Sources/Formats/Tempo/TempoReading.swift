// What a tempo reader extracts from one project or song file: the initial tempo, the tool that wrote
// it, and whether the file is a template (a tool's own defaults, never counted as a song).

/// Where a tempo figure came from, which decides how the statistics count it.
public enum TempoOrigin: String, Sendable, Equatable {
    /// The file stores a tempo value (LMMS `bpm`, an XM header, a MIDI Set Tempo event).
    case stored
    /// The format has no tempo field and nothing in the file changes it, so the tool's fixed
    /// default plays (a ProTracker MOD without an Fxx effect in its first row: 125 BPM).
    case keptDefault
    /// The file holds no tempo at all and the format's specification supplies one (a Standard MIDI
    /// File without a Set Tempo event plays at 120 BPM). Counted apart: nobody chose it.
    case absent
}

/// The initial tempo of one file and who wrote it.
public struct TempoReading: Sendable, Equatable {
    /// Tool family whose default tempo applies (`LMMS`, `Hydrogen`, `MIDI`, `MOD`, `XM`, `S3M`,
    /// `IT`, `MuseScore`, `Rosegarden`, `Ardour`): the key into `Presets/default-tempos.csv`.
    public var tool: String
    /// The program that saved the file where the file says so (`LMMS 1.2.0`, `Impulse Tracker 2.14`,
    /// `OpenMPT 1.28`), else nil.
    public var writer: String?
    /// Beats (quarter notes) per minute at the start of the song.
    public var bpm: Double
    /// Tracker speed (ticks per row) for tracker modules, else nil.
    public var ticksPerRow: Int?
    /// Rows (lines) per beat where the file says so (Renoise `LinesPerBeat`), else nil.
    public var rowsPerBeat: Int?
    public var origin: TempoOrigin
    /// A project template (LMMS `.mpt`, Rosegarden `.rgt`, Ardour `.template`): the tool's defaults.
    public var isTemplate: Bool
    /// Patterns and channels (instrument slots) the project holds, where the reader counts them (FL Studio).
    public var patterns: Int?
    public var channels: Int?

    public init(tool: String, writer: String? = nil, bpm: Double, ticksPerRow: Int? = nil, rowsPerBeat: Int? = nil,
                origin: TempoOrigin = .stored, isTemplate: Bool = false, patterns: Int? = nil, channels: Int? = nil) {
        self.tool = tool
        self.writer = writer
        self.bpm = bpm
        self.ticksPerRow = ticksPerRow
        self.rowsPerBeat = rowsPerBeat
        self.origin = origin
        self.isTemplate = isTemplate
        self.patterns = patterns
        self.channels = channels
    }

    /// Classic trackers' tempo counts ticks, not beats: at `ticksPerRow` ticks a row and 4 rows a beat
    /// (the convention of MOD/XM/S3M/IT songs) a beat lasts 24 / ticksPerRow "tempo" units, so the
    /// heard BPM is tempo × 6 / speed. Nil for formats whose tempo is already in beats (Renoise, DAWs).
    public var rowsPerBeatBPM: Double? {
        guard ["MOD", "XM", "S3M", "IT"].contains(tool), let ticksPerRow, ticksPerRow > 0 else { return nil }
        return bpm * 6 / Double(ticksPerRow)
    }
}

/// Why no tempo could be read from a file; `description` is one line without the file name (the
/// caller prefixes it).
public struct TempoReadError: Error, CustomStringConvertible, Sendable, Equatable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Tempo readers share this check: a tempo outside what any tool allows means a corrupt file.
enum TempoRange {
    /// Widest range seen in the supported tools (MIDI allows ~3.6 BPM; trackers up to 255, Ardour
    /// and MuseScore more), so a wider value is corruption, not a choice.
    static let plausibleBPM: ClosedRange<Double> = 1...1000

    /// A plain decimal number as project files write it (`120`, `-3`, `97.5`, `1e2`); nil for what
    /// Swift's `Double(String)` would also take but no tool writes: hexadecimal (`0x10` is not 16
    /// BPM), `nan`, `inf`, and empty text.
    static func decimal(_ text: String?) -> Double? {
        guard let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty,
              trimmed.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }) else { return nil }
        return Double(trimmed)
    }

    static func checked(_ bpm: Double, what: String) throws -> Double {
        guard bpm.isFinite, plausibleBPM.contains(bpm) else {
            throw TempoReadError("\(what) tempo \(bpm) BPM is outside \(Int(plausibleBPM.lowerBound))...\(Int(plausibleBPM.upperBound))")
        }
        return bpm
    }
}
