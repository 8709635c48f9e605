// TripleOscillator's own knobs (plugins/triple_oscillator/TripleOscillator.cpp) decoded once into the per-channel
// oscillator settings, in LMMS's units (values through the schema: clamped, NaN replaced by the default). The
// track around it (envelopes, filter, arpeggio) is `LMMSTrackSettings`.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The three oscillators of each channel, decoded once per render.
struct TripleOscillatorSettings {
    var left: [LMMSOscillatorSetting] = [], right: [LMMSOscillatorSetting] = []

    init(_ values: SchemaValues, sampleRateHz: Float) {
        func v(_ id: String) -> Double { values.value(id) }
        func f(_ id: String) -> Float { Float(v(id)) }
        func i(_ id: String) -> Int { Int(v(id).rounded()) }

        for osc in 0..<3 {
            let volume = f("tripleoscillator.vol\(osc)")
            let pan = f("tripleoscillator.pan\(osc)")
            // OscillatorObject::updateVolume: the far side is attenuated linearly by the panning.
            let volumeLeft = pan >= 0 ? (1 - pan / 100) * volume / 100 : volume / 100
            let volumeRight = pan >= 0 ? volume / 100 : (1 + pan / 100) * volume / 100
            let coarse = Float(i("tripleoscillator.coarse\(osc)"))
            // updateDetuningLeft/Right: 2^((coarse*100 + fine)/1200) / sample rate.
            let detuneLeft = powf(2, (coarse * 100 + f("tripleoscillator.finel\(osc)")) / 1200) / sampleRateHz
            let detuneRight = powf(2, (coarse * 100 + f("tripleoscillator.finer\(osc)")) / 1200) / sampleRateHz
            // updatePhaseOffsetLeft/Right: the stereo phase detune shifts only the left channel.
            let phaseRight = f("tripleoscillator.phoffset\(osc)") / 360
            let phaseLeft = (f("tripleoscillator.phoffset\(osc)") + f("tripleoscillator.stphdetun\(osc)")) / 360
            let shape = LMMSWaveShape(rawValue: i("tripleoscillator.wavetype\(osc)")) ?? .sine
            let modulation = LMMSModulation(rawValue: i("tripleoscillator.modalgo\(osc + 1)")) ?? .signalMix
            left.append(LMMSOscillatorSetting(shape: shape, modulation: modulation, volume: volumeLeft,
                                              detuning: detuneLeft, phaseOffset: phaseLeft))
            right.append(LMMSOscillatorSetting(shape: shape, modulation: modulation, volume: volumeRight,
                                               detuning: detuneRight, phaseOffset: phaseRight))
        }

    }
}
