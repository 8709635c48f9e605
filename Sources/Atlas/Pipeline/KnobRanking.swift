// "Knobs that move the sound furthest", measured on timbre: a knob that only makes the note louder or
// higher is not a knob that changes the sound's character, and a step that falls silent has no timbre.
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
        return Matrix(rows: space.rows, columns: columns.count, values: values)
    }

    struct Ranked: Equatable {
        var parameter: String
        /// Largest timbre distance of an audible step from the init patch's sound.
        var radius: Double
        var silentSteps: Int
    }

    /// Each sweep's reach in `timbre` (rows as in `space`), audible steps only, widest first (ties by name).
    /// `sweeps` maps a parameter to its steps' rows in step order; `audible(row)` says whether a row sounds.
    /// Sweeps with no audible step are left out. The origin is the init patch's row when it is audible.
    static func rank(sweeps: [String: [Int]], initRow: Int?, timbre: Matrix, audible: (Int) -> Bool) throws -> [Ranked] {
        let origin = initRow.flatMap { audible($0) ? timbre.row($0) : nil }
        var ranked: [Ranked] = []
        for (parameter, steps) in sweeps {
            let heard = steps.filter(audible)
            guard !heard.isEmpty else { continue }
            let radius = try Reach.sweep(timbre.selecting(rows: heard), origin: origin).radius
            ranked.append(Ranked(parameter: parameter, radius: radius, silentSteps: steps.count - heard.count))
        }
        return ranked.sorted { $0.radius != $1.radius ? $0.radius > $1.radius : $0.parameter < $1.parameter }
    }
}
