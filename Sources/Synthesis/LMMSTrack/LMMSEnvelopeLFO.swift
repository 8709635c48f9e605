// LMMS 1.2.2's envelope + LFO of one target (volume, cutoff or resonance), after
// src/core/EnvelopeAndLfoParameters.cpp: knob values become frame counts through `expKnobVal` (v * |v|),
// the PAHD envelope and the release ramp are tables, and the LFO runs on the song's period clock.

/// The user-facing settings of one ENV/LFO target, in LMMS's own units (knob values 0...2 / 0...1).
struct EnvelopeLFOSettings {
    var predelay: Float, attack: Float, hold: Float, decay: Float, sustain: Float, release: Float, amount: Float
    var lfoShape: Int, lfoPredelay: Float, lfoAttack: Float, lfoSpeed: Float, lfoAmount: Float
    var lfoTimes100: Bool, lfoModulatesEnvelopeAmount: Bool
}

/// LMMS `EnvelopeAndLfoParameters::LfoShapes`.
enum LMMSLFOShape: Int { case sine = 0, triangle, saw, square, userWave, random }

/// The precomputed envelope tables and LFO constants of one target for one render.
struct LMMSEnvelopeLFO {
    /// LMMS: each envelope segment is at most 5 s, one LFO oscillation at most 20 s.
    static let secondsPerEnvelopeSegment: Float = 5
    static let secondsPerLFOOscillation: Float = 20

    /// Whether the target is modulated at all (LMMS `isUsed()`): envelope or LFO amount not ~0.
    let isUsed: Bool
    let lfoAmountIsZero: Bool
    let pahdFrames: Int
    let releaseFrames: Int
    private let pahd: [Float]
    private let releaseRamp: [Float]
    private let sustainLevel: Float
    let lfoPredelayFrames: Int
    let lfoAttackFrames: Int
    let lfoOscillationFrames: Int
    private let lfoAmount: Float
    private let lfoShape: LMMSLFOShape
    private let controlsEnvelopeAmount: Bool
    /// The last random LFO value (LMMS holds one value per LFO cycle).
    private var randomValue: Float = 0
    /// The LFO's user wave (first channel of the file; empty: LMMS's silent one-frame buffer).
    var userWave: [Float] = []

    @inline(__always) static func expKnobVal(_ v: Float) -> Float { (v < 0 ? -v : v) * v }

    init(_ s: EnvelopeLFOSettings, valueForZeroAmount: Float, sampleRateHz: Float) {
        let framesPerSegment = Self.secondsPerEnvelopeSegment * sampleRateHz
        let predelayFrames = Int(framesPerSegment * Self.expKnobVal(s.predelay))
        let attackFrames = Int(framesPerSegment * Self.expKnobVal(s.attack))
        let holdFrames = Int(framesPerSegment * Self.expKnobVal(s.hold))
        let decayFrames = Int(framesPerSegment * Self.expKnobVal(s.decay * (1 - s.sustain)))
        let amount = s.amount
        let amountAdd = amount >= 0 ? (1 - amount) * valueForZeroAmount : valueForZeroAmount
        pahdFrames = predelayFrames + attackFrames + holdFrames + decayFrames
        var rFrames = Int(framesPerSegment * Self.expKnobVal(s.release))
        if Int((amount * 1000).rounded(.down)) == 0 { rFrames = 0 }
        releaseFrames = rFrames

        // The tables are only built when the envelope is in use (LMMS builds them always; nothing reads them then).
        let envelopeUsed = Int((amount * 1000).rounded(.down)) != 0
            || Int((s.lfoAmount * 0.5 * 1000).rounded(.down)) != 0
        let peak = amount + amountAdd
        // LMMS computes this step in double and keeps it as a float.
        let decayStep = Float((1 / Double(decayFrames)) * Double(s.sustain - 1) * Double(amount))
        let attackStep = (1 / Float(attackFrames)) * amount
        pahd = !envelopeUsed ? [] : [Float](unsafeUninitializedCapacity: pahdFrames) { table, initialized in
            var at = 0
            for _ in 0..<predelayFrames { table[at] = amountAdd; at += 1 }
            for i in 0..<attackFrames { table[at] = Float(i) * attackStep + amountAdd; at += 1 }
            for _ in 0..<holdFrames { table[at] = peak; at += 1 }
            for i in 0..<decayFrames { table[at] = peak + Float(i) * decayStep; at += 1 }
            initialized = at
        }
        let releaseStep = (1 / Float(rFrames)) * amount
        releaseRamp = !envelopeUsed ? [] : [Float](unsafeUninitializedCapacity: rFrames) { ramp, initialized in
            for i in 0..<rFrames { ramp[i] = Float(rFrames - i) * releaseStep }
            initialized = rFrames
        }
        sustainLevel = s.sustain * amount + amountAdd

        let framesPerOscillation = Self.secondsPerLFOOscillation * sampleRateHz
        lfoPredelayFrames = Int(framesPerOscillation * Self.expKnobVal(s.lfoPredelay))
        lfoAttackFrames = Int(framesPerOscillation * Self.expKnobVal(s.lfoAttack))
        var oscillation = Int(framesPerOscillation * s.lfoSpeed)
        if s.lfoTimes100 { oscillation /= 100 }
        lfoOscillationFrames = max(oscillation, 1)
        lfoAmount = s.lfoAmount * 0.5
        lfoShape = LMMSLFOShape(rawValue: s.lfoShape) ?? .sine
        controlsEnvelopeAmount = s.lfoModulatesEnvelopeAmount
        if Int((lfoAmount * 1000).rounded(.down)) == 0 {
            lfoAmountIsZero = true
            isUsed = Int((amount * 1000).rounded(.down)) != 0
        } else {
            lfoAmountIsZero = false
            isUsed = true
        }
    }

    /// The LFO of one period (LMMS `updateLfoShapeData`): `lfoFrame` is the song's LFO clock at the period's
    /// start, shared by every note. Writes `frames` values.
    mutating func fillLFOShape(_ out: UnsafeMutablePointer<Float>, lfoFrame: Int, frames: Int, random: inout LMMSRandom) {
        for offset in 0..<frames {
            let frame = (lfoFrame + offset) % lfoOscillationFrames
            let phase = Float(frame) / Float(lfoOscillationFrames)
            let shape: Float
            switch lfoShape {
            case .triangle: shape = LMMSWave.triangle(phase)
            case .square: shape = LMMSWave.square(phase)
            case .saw: shape = LMMSWave.saw(phase)
            case .userWave: shape = LMMSUserWave.sample(userWave, phase)
            case .random:
                if frame == 0 { randomValue = random.noiseSample() }
                shape = randomValue
            case .sine: shape = LMMSWave.sine(phase)
            }
            out[offset] = shape * lfoAmount
        }
    }

    /// LMMS `fillLevel`: envelope plus LFO for `frames` frames of a note that has played `frame` frames and
    /// whose release begins at `releaseBegin` (note frames). `lfoShape` is this period's LFO (from offset 0).
    func fillLevel(_ out: UnsafeMutablePointer<Float>, frame startFrame: Int, releaseBegin: Int, frames: Int,
                   lfoShape: UnsafePointer<Float>) {
        if startFrame < 0 || releaseBegin < 0 { return }
        // LFO part: LMMS tests the predelay once per block, then ramps in over the LFO attack.
        if lfoAmountIsZero || startFrame <= lfoPredelayFrames {
            for i in 0..<frames { out[i] = 0 }
        } else {
            var lfoFrame = startFrame - lfoPredelayFrames
            let attackInverse = 1 / Float(lfoAttackFrames)
            var i = 0
            while i < frames && lfoFrame < lfoAttackFrames {
                out[i] = lfoShape[i] * Float(lfoFrame) * attackInverse
                i += 1; lfoFrame += 1
            }
            while i < frames { out[i] = lfoShape[i]; i += 1 }
        }
        var frame = startFrame
        for i in 0..<frames {
            let level: Float
            if frame < releaseBegin {
                level = frame < pahdFrames ? pahd[frame] : sustainLevel
            } else if frame - releaseBegin < releaseFrames {
                let atRelease = releaseBegin < pahdFrames ? pahd[releaseBegin] : sustainLevel
                level = releaseRamp[frame - releaseBegin] * atRelease
            } else {
                level = 0
            }
            out[i] = controlsEnvelopeAmount ? level * (0.5 + out[i]) : level + out[i]
            frame += 1
        }
    }
}
