// librosa.power_to_db: 10 log10(max(amin, S)) - 10 log10(max(amin, ref)), optionally floored at
// (max - top_db). The fixtures use ref = 1, amin = 1e-10, top_db = None.
import Foundation

public enum Decibels {
    /// Power to dB in place. `topDB` nil leaves the range unclipped (librosa's top_db=None).
    public static func powerToDB(_ power: inout [Float], ref: Float = 1, amin: Float = 1e-10, topDB: Float? = nil) {
        let refDB = 10 * log10(max(amin, ref))
        var peak = -Float.infinity
        for i in power.indices {
            let db = 10 * log10(max(amin, power[i])) - refDB
            power[i] = db
            peak = max(peak, db)
        }
        if let topDB { let floor = peak - topDB; for i in power.indices { power[i] = max(power[i], floor) } }
    }
}
