// One DX7 note: ties the six operators, their envelopes, the pitch envelope and the LFO together.
// Control work (pitch, LFO pitch, envelope drift correction) once per 64-sample block as hexter 1.1.1
// does; envelopes and amplitude modulation per sample. Note-setup facts: FORMAT.md §4.

struct DX7Voice {
    static let blockSize = 64

    private let parameters: DX7VoiceParameters
    private let algorithm: DX7Algorithm
    private let sampleRateHz: Double
    /// The played note after transpose, folded into 0...127.
    private let transposedNote: Int
    private var envelopes: [DX7Envelope]
    private var pitchEnvelope: DX7PitchEnvelope
    private var lfo: DX7LFO
    private var lfoDelay: DX7LFODelay
    /// Operator phases and per-sample increments, fixed point with 24 fractional bits (OP1 ... OP6).
    /// (Vectors, not arrays: no uniqueness check or reference count when a span updates them.)
    private var phases = SIMD8<Int32>(), increments = SIMD8<Int32>()
    /// Per operator whose frequency follows the pitch (bit op - 1 of `followsPitch`): hexter's detune in Hz
    /// and its coarse and fine ratios, read every control block.
    private let followsPitch: UInt8
    private let detuneHz: SIMD8<Double>, coarseRatio: SIMD8<Double>, fineRatio: SIMD8<Double>
    private var lastPitchSemitones = Double.nan
    /// Remembered feedback (fixed-point cycles) added to the feedback target's phase on the next sample.
    private var feedbackCycles: Int32 = 0
    /// Bit op - 1 set: the operator's gains this span are not all 0 (kept by the AVX2 loops, which
    /// see every gain anyway; the scalar path scans instead).
    private var audibleOperators: UInt8 = 0x3F
    /// Per operator, a held level whose gains already fill the first `heldCount` samples of its gain
    /// buffer (count 0: none): a sustained envelope then costs nothing per span.
    private var heldLevel = SIMD8<Int32>(), heldCount = SIMD8<Int32>()
    /// Each operator's amplitude-modulation sensitivity, fixed point (read every span), and its AMS (0-3).
    private let ampModSensitivities: SIMD8<Int32>, ampModSensitivityIndices: SIMD8<Int32>
    /// Bit k set: some operator has AMS k.
    private let ampModSensitivitiesUsed: UInt8
    /// Feedback amount per unit of cosine and EG level, fixed point.
    private let feedbackScale: Int32
    /// Pitch swing in semitones at full LFO depth.
    private let pitchModDepthSemitones: Double
    /// Output-level reduction at full LFO swing for AMS 3, fixed point.
    private let ampModDepthLevels: Int32
    private let outputGain: Float
    private(set) var isSilent = false
    /// Evaluate every operator sample by sample (the naive baseline) instead of a block at a time.
    private let naive: Bool
    /// Up to three unmodulated operators computed in the same loop as a self-feedback operator: the
    /// feedback chain is a serial dependency (about 16 cycles a sample), and independent work in
    /// the same loop runs in its shadow.
    private let companions: [Int]
    /// The operators evaluated sample by sample (the feedback loop; all six for the naive kernel).
    private let serialOperators: [Int]
    /// Its first operator (0: none) and length, read per span without touching the array.
    private let serialFirst: Int, serialCount: Int

    /// Operators through the AVX2 loop (DX7VectorKernels): the processor has it and `naive` is off.
    private let vectorised: Bool

    /// The operator that feeds itself, computed in a lane beside other notes' (DX7Lanes) rather
    /// than here; nil when the note has no such loop or is not rendered in lanes.
    let laneOperator: Int?

    /// `lanes`: the note is rendered by DX7Lanes, which computes a self-feedback operator with at
    /// most one companion beside other notes' (that companion then runs in its own loop).
    init(parameters: DX7VoiceParameters, key: Int, velocity: Int, sampleRateHz: Double, seed: UInt64, naive: Bool = false,
         lanes: Bool = false, vectorised: Bool = DX7VectorKernels.available) {
        self.naive = naive
        self.vectorised = vectorised && !naive
        let routing = DX7Algorithm.all[parameters.algorithm - 1]
        serialOperators = naive ? [6, 5, 4, 3, 2, 1] : parameters.feedback > 0 ? routing.feedbackLoop : []
        serialFirst = serialOperators.first ?? 0
        serialCount = serialOperators.count
        let selfFeedback = !naive && parameters.feedback > 0 && routing.feedbackSource == routing.feedbackTarget
        var fused: [Int] = []
        if selfFeedback, routing.modulators[routing.feedbackSource - 1].isEmpty {
            fused = Array((1...6).filter { $0 != routing.feedbackSource && routing.modulators[$0 - 1].isEmpty }
                .sorted { parameters.operators[$0 - 1].outputLevel > parameters.operators[$1 - 1].outputLevel }.prefix(3))
        }
        // Two or three companions already fill the chain's shadow, so such a note stays fused; with
        // every chain in a lane the companions' own loops measured slower (BENCHMARKS.md).
        // With the AVX2 loops every such note goes in a lane: up to 32 chains share four registers, and
        // the companions' own loops run 8 samples at a time (BENCHMARKS.md).
        let inLane = lanes && selfFeedback && (self.vectorised || fused.count <= 1)
        laneOperator = inLane ? routing.feedbackSource : nil
        companions = inLane ? [] : fused
        self.parameters = parameters
        self.sampleRateHz = sampleRateHz
        algorithm = routing
        var note = key + parameters.transpose - 24
        while note < 0 { note += 12 }
        while note > 127 { note -= 12 }
        transposedNote = note
        let clampedVelocity = Swift.min(Swift.max(velocity, 0), 127)

        envelopes = parameters.operators.map { op in
            Self.envelope(for: op, note: note, velocity: clampedVelocity, sampleRateHz: sampleRateHz)
        }
        pitchEnvelope = DX7PitchEnvelope(blocksPerSecond: sampleRateHz / Double(Self.blockSize))
        pitchEnvelope.rates = parameters.pitchEGRates
        pitchEnvelope.levels = parameters.pitchEGLevels
        lfo = DX7LFO(speed: parameters.lfoSpeed, wave: parameters.lfoWave, sampleRateHz: sampleRateHz, seed: seed,
                     vectorised: self.vectorised)
        lfoDelay = DX7LFODelay(delay: parameters.lfoDelay, sampleRateHz: sampleRateHz)
        // hexter: FB × 0.18 / 2π cycles at full EG level (99); the 99 turns the EG level into 0...1.
        let feedbackCyclesPerLevel = Double(parameters.feedback) / (2 * Double.pi) * 0.18 / 99
        feedbackScale = Int32((feedbackCyclesPerLevel * 16_777_216).rounded(.toNearestOrEven))
        // Single-precision table and depth, widened, as hexter computes them.
        pitchModDepthSemitones = Double(Float(DX7Tables.pitchModSensitivitySemitones[parameters.pitchModSensitivity]))
            * Double(Float(parameters.lfoPitchModDepth) / 99)
        let ampDepth = Swift.min(DX7Tables.ampModDepthLevels[parameters.lfoAmpModDepth], 127.5)
        ampModDepthLevels = Int32((ampDepth * 16_777_216).rounded(.toNearestOrEven))
        var sensitivities = SIMD8<Int32>(), indices = SIMD8<Int32>(), used: UInt8 = 0
        for i in 0..<6 {
            let ams = parameters.operators[i].ampModSensitivity
            sensitivities[i] = DX7Tables.ampModSensitivityFixed[ams]
            indices[i] = Int32(ams)
            used |= 1 << ams
        }
        ampModSensitivities = sensitivities
        ampModSensitivityIndices = indices
        ampModSensitivitiesUsed = used
        outputGain = Self.outputGain(carrierCount: DX7Tables.carrierCount[parameters.algorithm - 1])

        for i in 0..<6 { envelopes[i].start() }
        pitchEnvelope.start()
        var follows: UInt8 = 0, detune = SIMD8<Double>(), coarse = SIMD8<Double>(), fine = SIMD8<Double>()
        for (i, op) in parameters.operators.enumerated() {
            if op.fixedFrequency {
                // A fixed frequency does not follow the pitch: its increment is set once, here.
                let hz = DX7Math.exp(2.302585092994046 * (Double(op.coarse & 3) + Double(op.fine) / 100))  // 10^x
                increments[i] = Self.increment(hz: hz, sampleRateHz: sampleRateHz)
            } else {
                follows |= 1 << i
                // hexter adds detune in Hz before the ratio: (detune - 7)/32 Hz.
                detune[i] = Double(op.detune - 7) / 32
                coarse[i] = op.coarse == 0 ? 0.5 : Double(op.coarse)
                fine[i] = 1 + Double(op.fine) / 100
            }
        }
        followsPitch = follows
        detuneHz = detune
        coarseRatio = coarse
        fineRatio = fine
        updateFrequencies(lfoPitch: 0)
    }

    /// hexter's voice volume at 0 dB and MIDI volume 127: output level 100.42 through the
    /// level-to-index curve, normalised by the full-scale index and the carrier count, times its
    /// nominal per-voice gain 0.110384 (about -18 dBFS).
    static func outputGain(carrierCount: Float) -> Float {
        let level: Float = (0 - 20) * 1.328771 + 86 + 41
        let whole = Int((level - 0.5).rounded(.toNearestOrEven))
        let fraction = level - Float(whole)
        let table = DX7Tables.levelToIndexCycles
        let index = table[whole] + fraction * (table[whole + 1] - table[whole])
        return index / Float(DX7Tables.fullScaleIndexCycles) / carrierCount * 0.110384
    }

    /// Scales an operator's envelope for the note: keyboard level scaling (keys grouped in threes),
    /// output level, velocity, keyboard rate scaling (hexter's formulas, FORMAT.md §4.3-4.5).
    static func envelope(for op: DX7OperatorParameters, note: Int, velocity: Int, sampleRateHz: Double) -> DX7Envelope {
        var scaledLevel = op.outputLevel
        func curveOffset(_ distance: Int, curve: Int, depth: Int) -> Int {
            let linear = Int(Float(distance) / 45 * Float(depth))
            let exponential = Int(Float(DX7Math.exp(Double(Float(distance - 72) / 13.5))) * Float(depth))
            switch curve {
            case 0: return -linear
            case 1: return -exponential
            case 2: return exponential
            default: return linear
            }
        }
        let breakNote = op.breakPoint + 21
        let groupedNote = (note + 2) / 3 * 3
        if note < breakNote, op.leftDepth != 0 {
            scaledLevel += curveOffset(op.breakPoint - groupedNote + 21, curve: op.leftCurve, depth: op.leftDepth)
            scaledLevel = Swift.min(Swift.max(scaledLevel, 0), 99)
        } else if note > breakNote, op.rightDepth != 0 {
            scaledLevel += curveOffset(groupedNote - op.breakPoint - 21, curve: op.rightCurve, depth: op.rightDepth)
            scaledLevel = Swift.min(Swift.max(scaledLevel, 0), 99)
        }
        let velocityOffset = DX7Tables.velocityLevelOffset[velocity] * Float(op.velocitySensitivity)
        let bumpFloat = Float(op.rateScaling) * Float(note - 21) / (126 - 21) * 127 / 128 * 6.5 - 0.5
        let rateBump = Int(bumpFloat.rounded(.toNearestOrEven))
        var levels = [Int](repeating: 0, count: 4), rates = [Int](repeating: 0, count: 4)
        for i in 0..<4 {
            let level = Float(op.egLevels[i]) * Float(scaledLevel) / 99 + velocityOffset
            levels[i] = Int(Swift.min(Swift.max(level, 0), 99).rounded(.toNearestOrEven))
            rates[i] = Swift.min(Swift.max(op.egRates[i] + rateBump, 0), 99)
        }
        var envelope = DX7Envelope(sampleRateHz: sampleRateHz)
        envelope.rates = (rates[0], rates[1], rates[2], rates[3])
        envelope.levels = (levels[0], levels[1], levels[2], levels[3])
        return envelope
    }

    /// Recomputes every operator's phase increment for the current pitch (semitones of shift).
    private mutating func updateFrequencies(lfoPitch: Double) {
        // Same operations in the same order as hexter, so the increments match it bit for bit.
        let pitch = pitchEnvelope.semitones - lfoPitch * (pitchModDepthSemitones * lfoDelay.fraction)
        guard pitch != lastPitchSemitones else { return }
        lastPitchSemitones = pitch
        let noteHz = 440 * DX7Math.exp((pitch + Double(transposedNote) - 69) * 0.69314718055994530942 / 12)
        for i in 0..<6 where followsPitch & (1 << i) != 0 {
            var hz = noteHz + detuneHz[i]
            hz *= coarseRatio[i]
            hz *= fineRatio[i]
            increments[i] = Self.increment(hz: hz, sampleRateHz: sampleRateHz)
        }
    }

    /// The phase increment per sample of a frequency, fixed point with 24 fractional bits.
    private static func increment(hz: Double, sampleRateHz: Double) -> Int32 {
        Int32(truncatingIfNeeded: Int64((hz / sampleRateHz * 16_777_216).rounded(.toNearestOrEven)))
    }

    /// Whether every carrier has decayed to nothing (hexter then stops the voice).
    private func carriersAreSilent() -> Bool {
        for carrier in algorithm.carriers {
            let envelope = envelopes[carrier - 1]
            switch envelope.mode {
            case .finished: continue
            case .constant, .sustaining:
                if envelope.fixedValue < DX7Envelope.one { continue }
                return false
            case .running:
                if envelope.stage == 3, envelope.fixedValue < DX7Envelope.one { continue }
                return false
            }
        }
        return true
    }

    /// Renders `frameCount` samples of the note into `output` (written, not added: it may hold
    /// anything), releasing the key at `noteOffFrame`; once the note has died away the rest is zeros.
    mutating func render(into output: UnsafeMutablePointer<Float>, frameCount: Int, noteOffFrame: Int) {
        let scratch = DX7Scratch()
        defer { scratch.deallocate() }
        var written = 0
        Self.walkBlocks(frameCount: frameCount, noteOffFrame: noteOffFrame, isSilent: { isSilent },
                        span: { start, count in
            renderSpan(into: output + start, count: count, scratch: scratch)
            written = start + count
        }, release: { releaseKey() }, control: { controlUpdate() })
        (output + written).initialize(repeating: 0, count: frameCount - written)
    }

    /// hexter's block schedule: spans of at most 64 samples, split where the key is released, with
    /// the control update after each whole block, until the note has died away.
    static func walkBlocks(frameCount: Int, noteOffFrame: Int, isSilent: () -> Bool,
                           span: (_ start: Int, _ count: Int) -> Void, release: () -> Void, control: () -> Void) {
        var blockStart = 0
        var released = false
        while blockStart < frameCount, !isSilent() {
            let blockEnd = Swift.min(blockStart + blockSize, frameCount)
            var start = blockStart
            if !released, noteOffFrame >= blockStart, noteOffFrame < blockEnd {
                if noteOffFrame > start {
                    span(start, noteOffFrame - start)
                    start = noteOffFrame
                }
                release()
                released = true
            }
            span(start, blockEnd - start)
            if blockEnd - blockStart == blockSize { control() }
            blockStart = blockEnd
        }
    }

    mutating func releaseKey() {
        for i in 0..<6 { envelopes[i].release() }
        pitchEnvelope.release()
    }

    mutating func controlUpdate() {
        if carriersAreSilent() { isSilent = true; return }
        pitchEnvelope.step()
        updateFrequencies(lfoPitch: lfo.pitchValue)
        for i in 0..<6 { envelopes[i].correctDrift() }
    }

    /// Renders one span (part of a control block, at most 64 samples) with fixed phase increments.
    mutating func renderSpan(into output: UnsafeMutablePointer<Float>, count: Int, scratch: DX7Scratch) {
        guard count > 0 else { return }
        fillLevelsAndGains(count: count, scratch: scratch)
        var done: UInt8 = 0  // bit op-1 set: already rendered
        if !companions.isEmpty {
            renderFeedbackWithCompanions(count: count, scratch: scratch)
            done |= 1 << (algorithm.feedbackSource - 1)
            for c in companions { done |= 1 << (c - 1) }
        }
        renderOperators(from: 6, downTo: 1, done: done, count: count, scratch: scratch)
        mixCarriers(into: output, count: count, scratch: scratch)
    }

    /// Lanes, first half of a span: levels and gains, the operators above the lane operator, and the
    /// sum of its modulators in `scratch.loopInput(0)`.
    mutating func beginLaneSpan(count: Int, scratch: DX7Scratch) {
        guard let source = laneOperator else { return }
        fillLevelsAndGains(count: count, scratch: scratch)
        renderOperators(from: 6, downTo: source + 1, done: 0, count: count, scratch: scratch)
        Self.sum(of: algorithm.modulatorBits[source - 1], into: scratch.loopInput(0), count: count, scratch: scratch)
    }

    /// The sum of the outputs of the operators in `bits` (bit op - 1), wrapping: zeros for none.
    @inline(__always)
    private static func sum(of bits: UInt8, into sum: UnsafeMutablePointer<Int32>, count: Int, scratch: DX7Scratch) {
        var rest = bits
        guard rest != 0 else {
            for s in 0..<count { sum[s] = 0 }
            return
        }
        let first = scratch.output(rest.trailingZeroBitCount)
        for s in 0..<count { sum[s] = first[s] }
        rest &= rest &- 1
        while rest != 0 {
            let other = scratch.output(rest.trailingZeroBitCount)
            for s in 0..<count { sum[s] &+= other[s] }
            rest &= rest &- 1
        }
    }

    /// The lane operator's state for DX7Lanes (phase and feedback shifted as in cosineShifted).
    func lane(scratch: DX7Scratch) -> DX7FeedbackLane {
        let index = (laneOperator ?? 1) - 1
        return DX7FeedbackLane(phase: phases[index] &<< 8, increment: increments[index] &<< 8, feedback: feedbackCycles &<< 8,
                               scale: feedbackScale, gains: scratch.gain(index), levels: scratch.level(index),
                               external: scratch.loopInput(0), output: scratch.output(index))
    }

    /// Lanes, second half: keeps the lane's feedback, renders the operators below it and mixes.
    mutating func endLaneSpan(_ lane: DX7FeedbackLane, into output: UnsafeMutablePointer<Float>, count: Int, scratch: DX7Scratch) {
        guard let source = laneOperator else { return }
        feedbackCycles = lane.feedback >> 8
        renderOperators(from: source - 1, downTo: 1, done: 0, count: count, scratch: scratch)
        mixCarriers(into: output, count: count, scratch: scratch)
    }

    /// The effective level (EG minus amplitude modulation) and the modulation index of every operator.
    private mutating func fillLevelsAndGains(count: Int, scratch: DX7Scratch) {
        // Whether any level is reduced this span: not while the LFO delay still holds the modulation at 0.
        var ampModActive = false
        if ampModDepthLevels != 0 {
            lfo.fill(scratch.lfo, count: count, cosine: scratch.cosine)
            ampModActive = fillAmpMod(count: count, scratch: scratch)
            if ampModActive, vectorised {
                // The reductions at AMS 1 and 2 once for every operator that has them (AMS 3's is ampMod itself).
                for k in 1...2 where ampModSensitivitiesUsed & (1 << k) != 0 {
                    DX7VectorKernels.scale(ampMod: scratch.ampMod, by: DX7Tables.ampModSensitivityFixed[k],
                                           into: scratch.ampModScaled(k), count: count)
                }
            }
        } else if pitchModDepthSemitones != 0 {
            // Only the pitch uses the LFO: its value at the span's end, and the delay's progress.
            lfo.fill(scratch.lfo, count: count, cosine: scratch.cosine)
            lfoDelay.advance(count)
        }
        for i in 0..<6 {
            let levels = scratch.level(i), gains = scratch.gain(i)
            let sensitivity = ampModSensitivities[i]
            if vectorised, !ampModActive || sensitivity == 0, i != algorithm.feedbackSource - 1,
               let run = envelopes[i].run(of: count) {
                // Only the feedback source's levels are read later: for the others, one straight run
                // gives its gains without a level buffer, and a held one may already be there.
                envelopes[i].fill(nil, count: count)
                if run.slope == 0, heldCount[i] >= count, heldLevel[i] == run.start { continue }
                let audible = DX7VectorKernels.modulationIndex(ofRunFrom: run.start, slope: run.slope, into: gains, count: count,
                                                               table: scratch.levelToIndex)
                setAudible(i, audible)
                heldLevel[i] = run.start
                heldCount[i] = run.slope == 0 ? Int32(count) : 0
                continue
            }
            heldCount[i] = 0
            let modulated = ampModActive && sensitivity != 0
            if vectorised, modulated, let run = envelopes[i].run(of: count) {
                // The envelope's run less the modulation, and the index, in one call.
                envelopes[i].fill(nil, count: count)
                let reduction = scratch.ampModReduction(sensitivity: Int(ampModSensitivityIndices[i]))
                setAudible(i, DX7VectorKernels.modulationIndex(ofRunFrom: run.start, slope: run.slope, less: reduction,
                                                               levels: levels, into: gains, count: count,
                                                               table: scratch.levelToIndex))
                continue
            }
            var straight = envelopes[i].fill(levels, count: count)
            if modulated {
                straight = false
                for s in 0..<count {
                    let reduction = sensitivity == DX7Envelope.one ? scratch.ampMod[s] : DX7OperatorKernel.multiply(scratch.ampMod[s], sensitivity)
                    levels[s] &-= reduction
                }
            }
            if vectorised {
                setAudible(i, DX7VectorKernels.modulationIndex(levels: levels, into: gains, count: count,
                                                               table: scratch.levelToIndex, straight: straight))
            } else {
                DX7OperatorKernel.modulationIndex(levels: levels, into: gains, count: count, table: scratch.levelToIndex,
                                                  straight: straight)
            }
        }
    }

    /// The amplitude-modulation reduction (AMS 3 scale) per sample into `scratch.ampMod`, a run of the
    /// LFO delay at a time. Returns false when it is 0 throughout: the delay has not begun its ramp.
    private mutating func fillAmpMod(count: Int, scratch: DX7Scratch) -> Bool {
        if naive {
            // The baseline the tests compare against: the delay stepped sample by sample.
            for s in 0..<count {
                scratch.ampMod[s] = DX7OperatorKernel.multiply(DX7OperatorKernel.multiply(ampModDepthLevels, lfoDelay.value), scratch.lfo[s])
                lfoDelay.step()
            }
            return true
        }
        var start = 0, active = false
        while start < count {
            let run = lfoDelay.takeRun(upTo: count - start)
            active = active || run.value != 0 || run.increment != 0
            let lfoValues = scratch.lfo + start, ampMod = scratch.ampMod + start
            if vectorised {
                DX7VectorKernels.ampMod(depth: ampModDepthLevels, value: run.value, increment: run.increment,
                                        lfo: lfoValues, into: ampMod, count: run.count)
            } else if run.increment == 0 {
                let depth = DX7OperatorKernel.multiply(ampModDepthLevels, run.value)
                for s in 0..<run.count { ampMod[s] = DX7OperatorKernel.multiply(depth, lfoValues[s]) }
            } else {
                var value = run.value
                for s in 0..<run.count {
                    ampMod[s] = DX7OperatorKernel.multiply(DX7OperatorKernel.multiply(ampModDepthLevels, value), lfoValues[s])
                    value &+= run.increment
                }
            }
            start += run.count
        }
        return active
    }

    @inline(__always) private mutating func setAudible(_ index: Int, _ audible: Bool) {
        audibleOperators = audible ? audibleOperators | 1 << index : audibleOperators & ~(1 << index)
    }

    /// Operators from `highest` down to `lowest`, so every modulator is ready before what it
    /// modulates; those in `done` (bit op-1) are already rendered.
    private mutating func renderOperators(from highest: Int, downTo lowest: Int, done: UInt8, count: Int, scratch: DX7Scratch) {
        var op = highest
        while op >= lowest {
            if done & (1 << (op - 1)) != 0 { op -= 1; continue }
            if op == serialFirst {
                renderFeedbackLoop(serialOperators, count: count, scratch: scratch)
                op -= serialCount
                continue
            }
            let modulators = algorithm.modulatorBits[op - 1]
            var input: UnsafeMutablePointer<Int32>? = nil
            if modulators != 0, modulators & (modulators &- 1) == 0 {
                // One modulator: read its output in place rather than copy it.
                input = scratch.output(modulators.trailingZeroBitCount)
            } else if modulators != 0 {
                Self.sum(of: modulators, into: scratch.input, count: count, scratch: scratch)
                input = scratch.input
            }
            let gains = scratch.gain(op - 1)
            var audible = audibleOperators & (1 << (op - 1)) != 0
            if !vectorised {
                var anyGain: Int32 = 0
                for s in 0..<count { anyGain |= gains[s] }
                audible = anyGain != 0
            }
            if !audible {
                // A silent operator (output level 0, or its envelope at 0) outputs exact zeros.
                let out = scratch.output(op - 1)
                for s in 0..<count { out[s] = 0 }
            } else if vectorised {
                DX7VectorKernels.operatorBlock(phase: phases[op - 1], increment: increments[op - 1],
                                               gains: gains, input: input.map { UnsafePointer($0) },
                                               output: scratch.output(op - 1), count: count, table: scratch.cosine)
            } else {
                DX7OperatorKernel.operatorBlock(phase: phases[op - 1], increment: increments[op - 1],
                                                gains: gains, input: input.map { UnsafePointer($0) },
                                                output: scratch.output(op - 1), count: count, table: scratch.cosine)
            }
            op -= 1
        }
    }

    /// Carriers summed in fixed point, scaled by the voice gain and written to `output`; phases advanced.
    /// (Written, not added to a zeroed buffer: the same bits, as a scaled sum is never -0, and the
    /// output needs no zeroing pass that a long note's buffer would be evicted from cache after.)
    private mutating func mixCarriers(into output: UnsafeMutablePointer<Float>, count: Int, scratch: DX7Scratch) {
        let scale = outputGain / Float(DX7OperatorKernel.one)
        if vectorised {
            // Only the audible carriers: a silent one adds exact zeros.
            var rest = algorithm.carrierBits & audibleOperators, n = 0
            while rest != 0 {
                scratch.carriers[n] = UnsafePointer(scratch.output(rest.trailingZeroBitCount))
                n += 1
                rest &= rest &- 1
            }
            if n > 0 {
                DX7VectorKernels.mix(scratch.carriers, count: n, scale: scale, into: output, frames: count)
            } else {
                output.update(repeating: 0, count: count)
            }
        } else {
            let sum = scratch.input
            Self.sum(of: algorithm.carrierBits, into: sum, count: count, scratch: scratch)
            for s in 0..<count { output[s] = Float(sum[s]) * scale }
        }
        phases &+= Int32(truncatingIfNeeded: count) &* increments
    }

    /// A self-feedback operator without modulators, sample by sample, fused with its companions
    /// (unmodulated operators): the same numbers as computing them apart.
    private mutating func renderFeedbackWithCompanions(count: Int, scratch: DX7Scratch) {
        let cosine = scratch.cosine
        let index = algorithm.feedbackSource - 1
        // Phase and feedback shifted left 8 bits (see DX7OperatorKernel.cosineShifted).
        var phase = phases[index] &<< 8
        let increment = increments[index] &<< 8
        let gains = scratch.gain(index), levels = scratch.level(index), out = scratch.output(index)
        var feedback = feedbackCycles &<< 8
        let scale = feedbackScale
        let a = companions[0] - 1
        var phaseA = phases[a]
        let incrementA = increments[a], gainsA = scratch.gain(a), outA = scratch.output(a)
        if companions.count == 3 {
            let b = companions[1] - 1, c = companions[2] - 1
            var phaseB = phases[b], phaseC = phases[c]
            let incrementB = increments[b], gainsB = scratch.gain(b), outB = scratch.output(b)
            let incrementC = increments[c], gainsC = scratch.gain(c), outC = scratch.output(c)
            for s in 0..<count {
                let wave = DX7OperatorKernel.cosineShifted(phase &+ feedback, cosine)
                out[s] = DX7OperatorKernel.multiply(gains[s], wave)
                feedback = DX7OperatorKernel.feedbackShifted(wave, levels[s], scale)
                phase &+= increment
                outA[s] = DX7OperatorKernel.multiply(gainsA[s], DX7OperatorKernel.cosine(phaseA, cosine))
                phaseA &+= incrementA
                outB[s] = DX7OperatorKernel.multiply(gainsB[s], DX7OperatorKernel.cosine(phaseB, cosine))
                phaseB &+= incrementB
                outC[s] = DX7OperatorKernel.multiply(gainsC[s], DX7OperatorKernel.cosine(phaseC, cosine))
                phaseC &+= incrementC
            }
        } else if companions.count == 2 {
            let b = companions[1] - 1
            var phaseB = phases[b]
            let incrementB = increments[b], gainsB = scratch.gain(b), outB = scratch.output(b)
            for s in 0..<count {
                let wave = DX7OperatorKernel.cosineShifted(phase &+ feedback, cosine)
                out[s] = DX7OperatorKernel.multiply(gains[s], wave)
                feedback = DX7OperatorKernel.feedbackShifted(wave, levels[s], scale)
                phase &+= increment
                outA[s] = DX7OperatorKernel.multiply(gainsA[s], DX7OperatorKernel.cosine(phaseA, cosine))
                phaseA &+= incrementA
                outB[s] = DX7OperatorKernel.multiply(gainsB[s], DX7OperatorKernel.cosine(phaseB, cosine))
                phaseB &+= incrementB
            }
        } else {
            for s in 0..<count {
                let wave = DX7OperatorKernel.cosineShifted(phase &+ feedback, cosine)
                out[s] = DX7OperatorKernel.multiply(gains[s], wave)
                feedback = DX7OperatorKernel.feedbackShifted(wave, levels[s], scale)
                phase &+= increment
                outA[s] = DX7OperatorKernel.multiply(gainsA[s], DX7OperatorKernel.cosine(phaseA, cosine))
                phaseA &+= incrementA
            }
        }
        feedbackCycles = feedback >> 8
    }

    /// The operators of the feedback loop (target first, source last), sample by sample: the
    /// source's cosine times its effective EG level times the feedback amount feeds the target's
    /// phase on the next sample.
    private mutating func renderFeedbackLoop(_ loop: [Int], count: Int, scratch: DX7Scratch) {
        let target = algorithm.feedbackTarget, source = algorithm.feedbackSource
        for (position, op) in loop.enumerated() {
            // Sum the block-rendered modulators first; the loop's own members are added per sample.
            let external = scratch.loopInput(position)
            for s in 0..<count { external[s] = 0 }
            for m in algorithm.modulators[op - 1] where !loop.contains(m) {
                let other = scratch.output(m - 1)
                for s in 0..<count { external[s] &+= other[s] }
            }
        }
        var feedback = feedbackCycles
        let cosine = scratch.cosine
        if loop.count == 1, loop[0] == source {
            // The common case: one operator feeding itself.
            let index = source - 1
            var phase = phases[index]
            let increment = increments[index]
            let gains = scratch.gain(index), levels = scratch.level(index), out = scratch.output(index)
            let external = scratch.loopInput(0)
            for s in 0..<count {
                let wave = DX7OperatorKernel.cosine(phase &+ external[s] &+ feedback, cosine)
                out[s] = DX7OperatorKernel.multiply(gains[s], wave)
                feedback = DX7OperatorKernel.multiply(DX7OperatorKernel.multiply(wave, levels[s]), feedbackScale)
                phase &+= increment
            }
            feedbackCycles = feedback
            return
        }
        if !naive, loop.count <= 3, loop[0] == target {
            // A loop of 2 or 3 operators (algorithms 6 and 4) is one modulation path, target -> ... ->
            // source: each operator's only modulator inside the loop is the one before it, and the
            // source's output, scaled, feeds the target on the next sample.
            let n = loop.count
            // Operator indices along the loop (a 2-operator loop repeats its last; the third is then unused).
            let i0 = loop[0] - 1, i1 = loop[1] - 1, i2 = loop[n - 1] - 1
            var phase = SIMD4<Int32>(phases[i0], phases[i1], phases[i2], 0)
            let increment = SIMD4<Int32>(increments[i0], increments[i1], increments[i2], 0)
            let sourceLevels = scratch.level(source - 1)
            let (g0, g1, g2) = (scratch.gain(i0), scratch.gain(i1), scratch.gain(i2))
            let (o0, o1, o2) = (scratch.output(i0), scratch.output(i1), scratch.output(i2))
            let (e0, e1, e2) = (scratch.loopInput(0), scratch.loopInput(1), scratch.loopInput(n - 1))
            for s in 0..<count {
                let wave0 = DX7OperatorKernel.cosine(phase[0] &+ e0[s] &+ feedback, cosine)
                let out0 = DX7OperatorKernel.multiply(g0[s], wave0)
                o0[s] = out0
                let wave1 = DX7OperatorKernel.cosine(phase[1] &+ e1[s] &+ out0, cosine)
                let out1 = DX7OperatorKernel.multiply(g1[s], wave1)
                o1[s] = out1
                var sourceWave = wave1
                if n == 3 {
                    let wave2 = DX7OperatorKernel.cosine(phase[2] &+ e2[s] &+ out1, cosine)
                    o2[s] = DX7OperatorKernel.multiply(g2[s], wave2)
                    sourceWave = wave2
                }
                feedback = DX7OperatorKernel.multiply(DX7OperatorKernel.multiply(sourceWave, sourceLevels[s]), feedbackScale)
                phase &+= increment
            }
            feedbackCycles = feedback
            return
        }
        // The naive kernel's loop through all six operators.
        for s in 0..<count {
            for (position, op) in loop.enumerated() {
                let index = op - 1
                var phaseInput = scratch.loopInput(position)[s]
                if op == target { phaseInput &+= feedback }
                for m in algorithm.modulators[index] where loop.contains(m) { phaseInput &+= scratch.output(m - 1)[s] }
                let phase = phases[index] &+ Int32(truncatingIfNeeded: s) &* increments[index]
                let wave = DX7OperatorKernel.cosine(phase &+ phaseInput, cosine)
                scratch.output(index)[s] = DX7OperatorKernel.multiply(scratch.gain(index)[s], wave)
                if op == source {
                    feedback = DX7OperatorKernel.multiply(DX7OperatorKernel.multiply(wave, scratch.level(index)[s]), feedbackScale)
                }
            }
        }
        feedbackCycles = feedback
    }
}
