// Which defaults a patch needs in order to sound, told apart from defaults nobody bothered to move: from an
// atlas's one-knob sweeps away from the init patch. A default is "needed" when moving the knob alone makes
// the (audible, ending) init sound fall silent or never end, as a DX7 envelope's level 4 above 0 holds the
// note after key-off.
import Features
import Foundation
import GRDB

/// What the sweep of one parameter says about its default.
public struct DefaultNeed: Sendable, Equatable {
    public var steps: Int
    /// Steps quieter than the playable floor.
    public var silent: Int
    /// Steps whose level never falls 20 dB after key-off within the render's tail: the note does not end.
    public var neverEnding: Int
    /// Moving the knob alone silences the init patch or keeps it from ending.
    public var needed: Bool { silent + neverEnding > 0 }

    public var text: String {
        guard needed else { return "habit (the sweep sounds and ends)" }
        var parts: [String] = []
        if silent > 0 { parts.append("\(silent)/\(steps) steps silent") }
        if neverEnding > 0 { parts.append("\(neverEnding)/\(steps) never end") }
        return "needed to sound (" + parts.joined(separator: ", ") + ")"
    }
}

public enum DefaultNeeds {
    /// A release (to 10 % of the key-off level) this close to the whole tail never ended within it: the
    /// envelope descriptor stops counting at the render's last frame.
    static let unendedMarginSeconds = 0.1

    /// Per synth, per swept parameter, from the store in `reportDirectory`. Synths whose init patch is silent or
    /// never ends tell nothing and are left out; so is a non-built-in embedding (no release level to read).
    public static func read(reportDirectory: URL) throws -> [String: [String: DefaultNeed]] {
        let store = try AtlasStore(url: reportDirectory.appendingPathComponent(AtlasStore.fileName))
        let sounds = try store.read { db in
            try Row.fetchAll(db, sql: """
                SELECT p.synth, p.origin, p.sweepParameter, r.rms, r.levelDecibels, e.vector FROM patch p
                JOIN render r ON r.patchKey = p.key LEFT JOIN embedding e ON e.patchKey = p.key
                WHERE p.origin IN ('init', 'sweep') AND r.error IS NULL ORDER BY p.key
                """).map { row in
                    // An inaudible render has no embedding (Audibility): it is counted as silent, never read.
                    let vector: [Float] = (row["vector"] as Data?).map(EmbeddingBlob.decode) ?? []
                    return Sound(synth: row["synth"], parameter: row["sweepParameter"], audible: StoredAudibility.isAudible(row), vector: vector)
                }
        }
        let tailSeconds = try ExploreStore.renderSettings(store).render.tailSeconds
        var needs: [String: [String: DefaultNeed]] = [:]
        for synth in Set(sounds.map(\.synth)).sorted() {
            let own = sounds.filter { $0.synth == synth }
            guard let initSound = own.first(where: { $0.parameter == nil }) else { continue }
            let sweeps = Dictionary(grouping: own.filter { $0.parameter != nil }, by: { $0.parameter! })
            for (parameter, steps) in sweeps {
                if let need = classify(initSound: initSound, steps: steps, tailSeconds: tailSeconds) { needs[synth, default: [:]][parameter] = need }
            }
        }
        return needs
    }

    /// One rendered, embedded init patch or sweep step.
    struct Sound {
        var synth: String
        var parameter: String?
        var audible: Bool
        /// Empty for an inaudible render.
        var vector: [Float]
    }

    /// What a sweep's steps say of the default; nil when the init sound itself is silent or never ends (or the
    /// embedding is not the built-in one), so nothing can be told.
    static func classify(initSound: Sound, steps: [Sound], tailSeconds: Double, names: [String] = EmbeddingLayout.names) -> DefaultNeed? {
        guard let release = names.firstIndex(of: "envelope.release.log10s") else { return nil }
        let unended = log10(max(tailSeconds - unendedMarginSeconds, 0.001))
        func ends(_ s: Sound) -> Bool { s.vector.count != names.count || Double(s.vector[release]) < unended }
        guard initSound.audible, initSound.vector.count == names.count, ends(initSound) else { return nil }
        var need = DefaultNeed(steps: steps.count, silent: 0, neverEnding: 0)
        for step in steps {
            if !step.audible { need.silent += 1 } else if !ends(step) { need.neverEnding += 1 }
        }
        return need
    }
}
