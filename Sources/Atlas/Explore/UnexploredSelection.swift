// Which candidates are playable, how far each lies from the bank, and a spread-out choice among the far ones.
import Features
import Foundation
import SoundSpace

/// What "musical enough to play" means for an exported patch. One rule, documented in the README.
public struct PlayableRule: Sendable, Equatable {
    /// A peak at or above this is clipping.
    public var clippingPeak: Float = 0.999
    /// Tonal synths: at least this share of the held note has a clear pitch ...
    public var minimumVoicedFraction: Float = 0.5
    /// ... and the pitch wanders by at most this many cents (standard deviation).
    public var maximumPitchWanderCents: Float = 50
    /// Closer than this share of the bank's median nearest-preset distance to the init patch is a copy of it.
    public var initCopyShare: Double = 0.25

    public init() {}

    /// Why a render fails the rule, or nil when it is playable. `levelDecibels` is its short-term level:
    /// an inaudible render (Features.Audibility, the rule every stage uses) is never offered. `raw` is the
    /// unstandardised embedding; `names` its dimension names (empty for an imported embedding: the pitch
    /// test is then skipped).
    public func rejection(levelDecibels: Double, peak: Float, raw: [Float], names: [String], tonal: Bool) -> String? {
        if !Audibility.isAudible(levelDecibels: levelDecibels) {
            return String(format: "inaudible (%.1f dBFS in its loudest 400 ms)", levelDecibels)
        }
        if peak >= clippingPeak { return "clipping" }
        guard tonal, names.count == raw.count,
              let voiced = names.firstIndex(of: "pitch.voiced.fraction"),
              let wander = names.firstIndex(of: "pitch.stability.cents_std") else { return nil }
        if raw[voiced] < minimumVoicedFraction { return String(format: "no stable pitch (voiced %.2f)", raw[voiced]) }
        if raw[wander] > maximumPitchWanderCents { return String(format: "pitch wanders (%.0f cents)", raw[wander]) }
        return nil
    }
}

public enum UnexploredSelection {
    /// For every row of `queries`, the distance to its nearest row of `presets` (brute force, Double sums).
    public static func nearestDistances(_ queries: Matrix, to presets: Matrix, skippingSelf: Bool = false) -> [Double] {
        (0..<queries.rows).map { i in
            var best = Double.infinity
            for j in 0..<presets.rows where !(skippingSelf && i == j) {
                var sum = 0.0
                for c in 0..<queries.columns {
                    let d = Double(queries.values[i * queries.columns + c]) - Double(presets.values[j * presets.columns + c])
                    sum += d * d
                }
                best = min(best, sum)
            }
            return best.squareRoot()
        }
    }

    /// The median distance from a preset to its nearest other preset: the bank's own spacing, the unit
    /// in which "far from every preset" is measured.
    public static func bankSpacing(_ presets: Matrix) -> Double {
        let distances = nearestDistances(presets, to: presets, skippingSelf: true).filter(\.isFinite).sorted()
        return distances.isEmpty ? 0 : distances[distances.count / 2]
    }

    /// Farthest-point choice of `count` rows of `points` among `eligible` indices: the first is the one
    /// farthest from the bank (`distanceToBank`), each next one the farthest from those already chosen
    /// (ties: farther from the bank, then lower index). Deterministic.
    public static func spreadOut(_ points: Matrix, eligible: [Int], distanceToBank: [Double], count: Int) -> [Int] {
        guard count > 0, let first = eligible.max(by: { distanceToBank[$0] != distanceToBank[$1] ? distanceToBank[$0] < distanceToBank[$1] : $0 > $1 }) else { return [] }
        var chosen = [first]
        var nearestChosen = Dictionary(uniqueKeysWithValues: eligible.map { ($0, distance(points, $0, first)) })
        while chosen.count < min(count, eligible.count) {
            var best: Int?
            for i in eligible where !chosen.contains(i) {
                guard let current = best else { best = i; continue }
                let (a, b) = (nearestChosen[i]!, nearestChosen[current]!)
                if a > b || (a == b && distanceToBank[i] > distanceToBank[current]) { best = i }
            }
            guard let next = best else { break }
            chosen.append(next)
            for i in eligible { nearestChosen[i] = min(nearestChosen[i]!, distance(points, i, next)) }
        }
        return chosen
    }

    static func distance(_ m: Matrix, _ i: Int, _ j: Int) -> Double {
        var sum = 0.0
        for c in 0..<m.columns {
            let d = Double(m.values[i * m.columns + c]) - Double(m.values[j * m.columns + c])
            sum += d * d
        }
        return sum.squareRoot()
    }
}
