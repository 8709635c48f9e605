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
    public var origin: TempoOrigin
    /// A project template (LMMS `.mpt`, Rosegarden `.rgt`, Ardour `.template`): the tool's defaults.
    public var isTemplate: Bool

    public init(tool: String, writer: String? = nil, bpm: Double, ticksPerRow: Int? = nil,
                origin: TempoOrigin = .stored, isTemplate: Bool = false) {
        self.tool = tool
        self.writer = writer
        self.bpm = bpm
        self.ticksPerRow = ticksPerRow
        self.origin = origin
        self.isTemplate = isTemplate
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

    static func checked(_ bpm: Double, what: String) throws -> Double {
        guard bpm.isFinite, plausibleBPM.contains(bpm) else {
            throw TempoReadError("\(what) tempo \(bpm) BPM is outside \(Int(plausibleBPM.lowerBound))...\(Int(plausibleBPM.upperBound))")
        }
        return bpm
    }
}
