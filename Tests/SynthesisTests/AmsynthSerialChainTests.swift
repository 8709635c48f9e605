// The engine steps its three serial recurrences (the voice's filter and VCA low-pass, the reverb's comb
// damping, the limiter one block behind) in one loop. Here the same stages run one after another, each
// over a whole block and the limiter over the whole note at the end, as a plain reading of amsynth's
// signal flow: both must give the same bits.
import Testing
@testable import Synthesis

@Suite struct AmsynthSerialChainTests {
    /// Stage after stage: voice, distortion, copy right, reverb, per host block; then the limiter.
    static func renderStageByStage(_ values: AmsynthParameterValues, note: Int, frameCount: Int,
                                   noteOffFrame: Int) -> (left: [Float], right: [Float]) {
        var voice = AmsynthVoice(values: values, sampleRate: 44_100)
        var distortion = AmsynthDistortion(crunch: values[.distortionCrunch])
        let reverb = AmsynthReverb(sampleRate: 44_100, roomSize: values[.reverbRoomSize], damp: values[.reverbDamp],
                                   wet: values[.reverbWet], width: values[.reverbWidth])
        var limiter = AmsynthLimiter(sampleRate: 44_100)
        var noise = AmsynthNoise(seed: 1)
        let hz = AmsynthEngine.pitchHz(note: note)
        voice.noteOn(startHz: hz, hz: hz, glideSeconds: 0, velocity: 100 / 127)
        var left = [Float](repeating: 0, count: frameCount), right = left
        left.withUnsafeMutableBufferPointer { l in
            right.withUnsafeMutableBufferPointer { r in
                var frame = 0, released = false
                while frame < frameCount {
                    if !released && frame >= noteOffFrame { voice.noteOff(); released = true }
                    var count = min(64 - frame % 64, frameCount - frame)
                    if !released { count = min(count, noteOffFrame - frame) }
                    let block = l.baseAddress! + frame
                    if !voice.isSilent {
                        var chain = voice.beginBlock(into: block, count: count, masterVolume: values.masterVolume, noise: &noise)
                        for i in 0..<count { chain.step(i) }
                        voice.endBlock(chain)
                        distortion.process(block, count: count)
                    }
                    (r.baseAddress! + frame).update(from: block, count: count)
                    reverb.process(left: block, right: r.baseAddress! + frame, count: count)
                    frame += count
                }
                var peaks = limiter.chain(left: l.baseAddress!, right: r.baseAddress!)
                for i in 0..<frameCount { peaks.step(i) }
                limiter.settle(peaks)
            }
        }
        return (left, right)
    }

    /// Reverb on and off, one and two filter stages, bypass, crunch, a loud patch the limiter holds,
    /// and a note-off inside a host block.
    @Test(arguments: [
        ["reverb_wet": 0.6, "reverb_roomsize": 0.8, "filter_slope": 1, "amp_release": 0.4],
        ["reverb_wet": 0, "filter_type": 4, "master_vol": 1, "osc1_waveform": 1, "osc2_waveform": 1],
        ["reverb_wet": 0.3, "distortion_crunch": 0.7, "master_vol": 1, "filter_type": 1, "filter_resonance": 0.8],
        ["reverb_wet": 1, "reverb_width": 0.2, "reverb_damp": 0.9, "osc1_waveform": 0, "amp_release": 0.05],
    ] as [[String: Double]])
    func interleavedChainsEqualStageByStage(changes: [String: Double]) throws {
        let patch = AmsynthEngineTests.patch(changes)
        let values = AmsynthParameterValues(patch: patch, schema: AmsynthEngineTests.schema)
        let frameCount = 44_100, noteOffFrame = 22_050 + 17
        let plain = Self.renderStageByStage(values, note: 57, frameCount: frameCount, noteOffFrame: noteOffFrame)
        var engine = AmsynthEngine(values: values, sampleRate: 44_100, seed: 1)
        var left = [Float](repeating: 0, count: frameCount), right = left
        left.withUnsafeMutableBufferPointer { l in
            right.withUnsafeMutableBufferPointer { r in
                engine.render(left: l.baseAddress!, right: r.baseAddress!, frameCount: frameCount, note: 57,
                              velocity: 100, noteOffFrame: noteOffFrame)
            }
        }
        let differing = (0..<frameCount).filter {
            left[$0].bitPattern != plain.left[$0].bitPattern || right[$0].bitPattern != plain.right[$0].bitPattern
        }
        #expect(differing.count == 0, "frames differ, the first at \(differing.first ?? -1)")
        #expect(left.contains { abs($0) > 0.01 }, "the patch sounds")
    }
}
