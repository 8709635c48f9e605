// LMMS 1.2.2's handling of an instrument track's effect chain, around the effects' own DSP:
// EffectChain::processAudioBuffer (sanitize, run the running effects in order), Effect's wet/dry mix and
// checkGate/auto-quit (src/core/Effect.cpp, include/Effect.h), and the LADSPA host's copy in and out
// (plugins/LadspaEffect/LadspaEffect.cpp). Effects start running whenever the instrument plays a note buffer
// (InstrumentTrack::processAudioBuffer calls EffectChain::startRunning) and stop after `timeout` quiet periods.

/// The DSP of one effect: reads a period of stereo input, writes its wet output (before LMMS's wet/dry mix).
protocol LMMSEffectProcessor: AnyObject {
    /// LADSPA processors LMMS runs (2 for a mono plugin on a stereo track); the gate scales with it.
    var processorCount: Int { get }
    func run(inLeft: UnsafePointer<Float>, inRight: UnsafePointer<Float>,
             outLeft: UnsafeMutablePointer<Float>, outRight: UnsafeMutablePointer<Float>, frames: Int)
    /// Called when the gate stops the effect (LMMS's stereo enhancer clears its delay then).
    func stopped()
}

extension LMMSEffectProcessor {
    func stopped() {}
}

/// One effect in a chain with LMMS's running state.
final class LMMSEffectSlot {
    let settings: LMMSEffectSettings
    let processor: LMMSEffectProcessor?
    private(set) var isRunning = false
    private var quietPeriods = 0
    private let timeoutPeriods: Int
    private let wetLeft: UnsafeMutablePointer<Float>
    private let wetRight: UnsafeMutablePointer<Float>

    init(_ settings: LMMSEffectSettings, processor: LMMSEffectProcessor?, sampleRateHz: Float, periodFrames: Int) {
        self.settings = settings
        self.processor = processor
        // Effect::timeout: 1 + int(rate * autoquit / 1000) / period.
        let samples = sampleRateHz * settings.autoQuitMs / 1000
        timeoutPeriods = 1 + truncatingInt(samples) / periodFrames
        wetLeft = .allocate(capacity: periodFrames)
        wetRight = .allocate(capacity: periodFrames)
    }

    deinit {
        wetLeft.deallocate()
        wetRight.deallocate()
    }

    func startRunning() {
        quietPeriods = 0
        isRunning = true
    }

    /// Processes a period in place; returns whether the effect is still running (LMMS's `processAudioBuffer`).
    func process(left: UnsafeMutablePointer<Float>, right: UnsafeMutablePointer<Float>, frames: Int) -> Bool {
        guard let processor, settings.enabled, isRunning else { return false }
        processor.run(inLeft: left, inRight: right, outLeft: wetLeft, outRight: wetRight, frames: frames)
        let wet = settings.wet, dry = 1 - settings.wet
        var sum = 0.0
        for f in 0..<frames {
            left[f] = dry * left[f] + wet * wetLeft[f]
            sum += Double(left[f] * left[f])
        }
        for f in 0..<frames {
            right[f] = dry * right[f] + wet * wetRight[f]
            sum += Double(right[f] * right[f])
        }
        checkGate(meanPower: sum / Double(frames))
        if !isRunning { processor.stopped() }
        return isRunning
    }

    /// Effect::checkGate: a period whose mean power is within 1e-10 of gate^2 x processors counts as quiet.
    private func checkGate(meanPower: Double) {
        let gate = Double(settings.gate * settings.gate * Float(processor?.processorCount ?? 1))
        if meanPower - gate <= 1e-10 {
            quietPeriods += 1
            if quietPeriods > timeoutPeriods {
                isRunning = false
                quietPeriods = 0
            }
        } else {
            quietPeriods = 0
        }
    }
}

/// An instrument track's effect chain.
final class LMMSEffectChain {
    let enabled: Bool
    let slots: [LMMSEffectSlot]

    init(_ settings: LMMSEffectChainSettings, sampleRateHz: Float, periodFrames: Int, seed: UInt64 = 0) {
        enabled = settings.enabled
        slots = settings.effects.enumerated().map { index, effect in
            LMMSEffectSlot(effect, processor: LMMSEffectCatalog.processor(for: effect, sampleRateHz: sampleRateHz,
                                                                         seed: SplitMix64.mix(seed, UInt64(index))),
                           sampleRateHz: sampleRateHz, periodFrames: periodFrames)
        }
    }

    /// Whether any effect would still produce output without input.
    var isRunning: Bool { enabled && slots.contains { $0.isRunning && $0.processor != nil && $0.settings.enabled } }

    func startRunning() {
        guard enabled else { return }
        for slot in slots { slot.startRunning() }
    }

    /// EffectChain::processAudioBuffer; `hasInput` is the port's "buffer usage" (a note mixed this period).
    func process(left: UnsafeMutablePointer<Float>, right: UnsafeMutablePointer<Float>, frames: Int, hasInput: Bool) -> Bool {
        guard enabled else { return false }
        Self.sanitize(left, right, frames: frames)
        var more = false
        for slot in slots where hasInput || slot.isRunning {
            more = slot.process(left: left, right: right, frames: frames) || more
            Self.sanitize(left, right, frames: frames)
        }
        return more
    }

    /// MixHelpers::sanitize: a period with a non-finite sample is cleared; otherwise samples are held to +-1000.
    static func sanitize(_ left: UnsafeMutablePointer<Float>, _ right: UnsafeMutablePointer<Float>, frames: Int) {
        for f in 0..<frames where !left[f].isFinite || !right[f].isFinite {
            for g in 0..<frames { left[g] = 0; right[g] = 0 }
            return
        }
        for f in 0..<frames {
            left[f] = min(max(left[f], -1000), 1000)
            right[f] = min(max(right[f], -1000), 1000)
        }
    }
}
