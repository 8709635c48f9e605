// "Knobs that move the sound furthest", measured on timbre: a knob that only makes the note louder or
// higher is not a knob that changes the sound's character, and a step that falls silent has no timbre.
// So level and absolute-pitch dimensions are dropped, and silent or transposing steps are skipped.
import Features
import Foundation
import SoundSpace

enum KnobRanking {
    /// Whether an embedding dimension measures level or absolute pitch rather than timbre: the loudness
    /// dimension (and, in stores made before embedding v2, MFCC 0, the frame RMS and the envelope's peak), f0 itself, and the absolute-Hz spectral measures and
    /// zero-crossing rate, which follow the pitch (brightness relative to f0 stays, as
    /// `centroid.sustain.log2_over_f0`).
    static func isLoudnessOrPitch(_ name: String) -> Bool {
        name == "loudness.db" || name.hasPrefix("mfcc0.") || name.hasPrefix("rms.") || name == "envelope.peak.db" || name.hasPrefix("pitch.f0")
            || name.hasPrefix("zcr.") || name.hasSuffix(".log2hz")
    }

    /// The columns of the timbre space: every dimension but loudness and pitch when the embedding has the
    /// built-in layout (`names` matches the column count), else all (an imported embedding has no names).
    static func timbreColumns(columns: Int, names: [String] = EmbeddingLayout.names) -> [Int] {
        guard names.count == columns else { return Array(0..<columns) }
        return (0..<columns).filter { !isLoudnessOrPitch(names[$0]) }
    }

    /// `space` (already standardised) restricted to `columns`.
    static func selecting(columns: [Int], of space: Matrix) -> Matrix {
        var values = [Float]()
        values.reserveCapacity(space.rows * columns.count)
        for r in 0..<space.rows { for c in columns { values.append(space.values[r * space.columns + c]) } }
        // One value per row and column taken, so the values fill the matrix exactly.
        var selected = Matrix(rows: space.rows, columns: columns.count)
        selected.values = values
        return selected
    }

    /// A held pitch further than this from the init patch's (octaves) makes a step a transposition.
    static let transposition: Float = 1.0 / 24

    /// The held note's f0 (octaves relative to A440) of a built-in embedding when the note is voiced, else nil.
    static func heldPitch(_ raw: [Float], names: [String] = EmbeddingLayout.names) -> Float? {
        guard raw.count == names.count, let f0 = names.firstIndex(of: "pitch.f0.log2_over_a440"),
              let voiced = names.firstIndex(of: "pitch.voiced.fraction"), raw[voiced] >= 0.5 else { return nil }
        return raw[f0]
    }

    /// Whether a step transposes the init sound: both voiced and their held pitches more than a quarter tone apart.
    /// Dropping the f0 dimensions is not enough (the MFCCs follow a transposition too), so such steps are skipped.
    static func transposes(_ step: Float?, from initPitch: Float?) -> Bool {
        guard let step, let initPitch else { return false }
        return abs(step - initPitch) > transposition
    }

    struct Ranked: Equatable {
        var parameter: String
        /// Largest timbre distance of a heard step from the init patch's sound.
        var radius: Double
        /// Steps left out: silent, or transposing the note.
        var skippedSteps: Int
    }

    /// Each sweep's reach in `timbre` (rows as in `space`), heard steps only, widest first (ties by name).
    /// `sweeps` maps a parameter to its steps' rows in step order; `heard(row)` says whether a row counts
    /// (audible and not transposed). Sweeps with no heard step are left out. The origin is the init patch's
    /// row when it is heard.
    static func rank(sweeps: [String: [Int]], initRow: Int?, timbre: Matrix, heard isHeard: (Int) -> Bool) throws -> [Ranked] {
        let origin = initRow.flatMap { isHeard($0) ? timbre.row($0) : nil }
        var ranked: [Ranked] = []
        for (parameter, steps) in sweeps {
            let heard = steps.filter(isHeard)
            guard !heard.isEmpty else { continue }
            let radius = try Reach.sweep(timbre.selecting(rows: heard), origin: origin).radius
            ranked.append(Ranked(parameter: parameter, radius: radius, skippedSteps: steps.count - heard.count))
        }
        return ranked.sorted { $0.radius != $1.radius ? $0.radius > $1.radius : $0.parameter < $1.parameter }
    }
}
