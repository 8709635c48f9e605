// The user wave files an LMMS patch names (`*.userwavefile` attributes, resolved by the reader), read for the
// engines: TripleOscillator's oscillators and every LMMS track's LFOs. Features reads the audio.
import Features
import Foundation
import Formats
import Synthesis

enum LMMSUserWaveFiles {
    /// The first channel of the file attribute `key` names ([] when the patch names none); `what` names it in errors.
    static func wave(_ patch: Patch, _ key: String, _ what: String) throws -> [Float] {
        guard let path = patch.attributes[key] else { return [] }
        // Any file a patch names (a native preset's attributes too) must be a regular file of a bounded
        // size: a FIFO would block the render, a huge file exhaust memory.
        let size = (try? FileManager.default.attributesOfItem(atPath: path)) .flatMap { attributes -> Int? in
            attributes[.type] as? FileAttributeType == .typeRegular ? (attributes[.size] as? NSNumber)?.intValue : nil
        }
        guard let size, size <= LMMSUserWave.maximumBytes else {
            throw RenderError("user wave file of \(what) not found, not a regular file or larger than \(LMMSUserWave.maximumBytes >> 20) MiB")
        }
        do { return try AudioFile.read(URL(fileURLWithPath: path)).channels.first ?? [] } catch {
            throw RenderError("user wave file of \(what) unreadable (\(error))")
        }
    }

    /// The volume, cutoff and resonance LFOs' user waves.
    static func lfoWaves(_ patch: Patch) throws -> [[Float]] {
        try [("elvol", "the volume LFO"), ("elcut", "the cutoff LFO"), ("elres", "the resonance LFO")]
            .map { try wave(patch, "\($0.0).userwavefile", $0.1) }
    }
}

/// An LMMS engine fed with the LFO user waves its patch names.
struct LMMSTrackWithUserWaves<Engine: LMMSTrackSynth>: SynthModel {
    let engine: Engine
    var schema: SynthSchema { engine.schema }

    func render(_ patch: Patch, settings: RenderSettings) throws -> AudioBuffer {
        try engine.render(patch, settings: settings, lfoUserWaves: try LMMSUserWaveFiles.lfoWaves(patch))
    }
}

extension LMMSTrackWithUserWaves: DrawsRandomAttributes where Engine: DrawsRandomAttributes {
    func randomAttributes(seed: UInt64, index: Int) -> [String: String] {
        engine.randomAttributes(seed: seed, index: index)
    }
}
