// Computes the embedding of one rendered note (layout and meaning: EmbeddingLayout.swift): its short-term
// level, then on the note scaled to 0 dBFS one pass of STFT frames (power -> mel -> dB -> MFCC, spectral
// descriptors, flux), the fine amplitude envelope, YIN over the held part, per-segment statistics over
// the sounding frames, and the pitch-normalised timbre of the sustain. Owns its FFTs and buffers: one
// extractor per thread.
import Foundation

public final class EmbeddingExtractor: @unchecked Sendable {
    public let sr: Double
    public let nFFT = 2048
    public let hopLength = 512
    public let nMels = 128

    private let stft: ShortTimeFourierTransform
    private let mel: MelFilterbank
    private let dct: MFCCTransform
    private let baselineDCT: MFCCTransform
    private let yin: PitchYIN
    private let timbre: PitchNormalisedTimbre.Analyser
    private let frequenciesHz: [Float]
    private let frequenciesHzDouble: [Double]

    /// - Parameter sr: the sample rate of every signal given to this extractor, Hz.
    /// - Throws: `FeatureSettingsError` for a sample rate the transforms cannot use (0, negative, NaN, over 10 MHz).
    public init(sr: Double) throws {
        self.sr = sr
        // Single precision: the embedding does not need librosa's agreement 130 dB below a frame's peak.
        stft = try ShortTimeFourierTransform(nFFT: nFFT, hopLength: hopLength, doublePrecision: false)
        mel = try MelFilterbank(sr: sr, nFFT: nFFT, nMels: nMels)
        dct = MFCCTransform(nMFCC: EmbeddingLayout.nMFCC, nMels: nMels)
        baselineDCT = MFCCTransform(nMFCC: 20, nMels: nMels)
        // Hop 2048 (21.5 frames/s) resolves vibrato up to ~10 Hz (singers and synth LFOs: 4-8 Hz) at half
        // the cost of hop 1024 (YIN's correlations were a fifth of the embedding's time).
        yin = try PitchYIN(sr: sr, fminHz: 40, fmaxHz: 2000, windowLength: 1024, hopLength: 2048)
        timbre = try PitchNormalisedTimbre.Analyser(sr: sr, nFFT: nFFT)
        frequenciesHz = stft.binFrequenciesHz(sr: sr)
        let fftSize = Double(nFFT)
        frequenciesHzDouble = (0..<(nFFT / 2 + 1)).map { Double($0) * sr / fftSize }
    }

    /// Frame-level data of one signal.
    struct Frames {
        var count: Int
        var mfcc: [Float]        // [count x nMFCC]
        var centroidHz: [Float], bandwidthHz: [Float], rolloffHz: [Float], flatness: [Float], rms: [Float], flux: [Float]
        var zcr: [Float]
        var logMel: [Float]      // [count x nMels]
        /// Mean power spectrum over the frames of `meanPowerFrames` (bins values).
        var meanPower: [Float]
    }

    /// One pass over the STFT frames: mel, dB, MFCC, the five spectral descriptors, and the mean power
    /// spectrum of `meanPowerFrames` (the sustain), without keeping the whole spectrogram.
    func frames(_ signal: [Float], meanPowerFrames: Range<Int> = 0..<0) -> Frames {
        let count = stft.frameCount(sampleCount: signal.count)
        let bins = stft.binCount, nMFCC = dct.nMFCC
        let zeros = [Float](repeating: 0, count: count)
        var f = Frames(count: count, mfcc: [Float](repeating: 0, count: count * nMFCC),
                       centroidHz: zeros, bandwidthHz: zeros, rolloffHz: zeros, flatness: zeros, rms: zeros, flux: [],
                       zcr: ZeroCrossingRate.rate(signal, frameLength: nFFT, hopLength: hopLength),
                       logMel: [Float](repeating: 0, count: count * nMels), meanPower: [Float](repeating: 0, count: bins))
        var power = [Float](repeating: 0, count: bins), magnitude = power
        var centroid = zeros, bandwidth = zeros, rolloff = zeros, flatness = zeros, rms = zeros
        signal.withUnsafeBufferPointer { samples in
            f.logMel.withUnsafeMutableBufferPointer { logMel in
                f.mfcc.withUnsafeMutableBufferPointer { mfcc in
                    f.meanPower.withUnsafeMutableBufferPointer { meanPower in
                        power.withUnsafeMutableBufferPointer { p in
                            magnitude.withUnsafeMutableBufferPointer { mag in
                                frequenciesHz.withUnsafeBufferPointer { hz in
                                    frequenciesHzDouble.withUnsafeBufferPointer { hzDouble in
                                        // Silent frames (13 % of a 4-s DX7 note's) all give the first one's values.
                                        var silent: SilentFrame?
                                        for t in 0..<count {
                                            let m = UnsafeMutableBufferPointer(rebasing: logMel[(t * nMels)..<((t + 1) * nMels)])
                                            let c = UnsafeMutableBufferPointer(rebasing: mfcc[(t * nMFCC)..<((t + 1) * nMFCC)])
                                            let isSilent = stft.isSilentFrame(samples, frameIndex: t)
                                            let d: FrameDescriptors
                                            if isSilent, let silent {
                                                silent.write(logMel: m, mfcc: c)
                                                d = silent.descriptors
                                            } else {
                                                stft.powerFrame(samples, frameIndex: t, into: p)
                                                mel.apply(UnsafeBufferPointer(p), into: m)
                                                for i in 0..<nMels { m[i] = 10 * log10(max(1e-10, m[i])) }
                                                dct.apply(UnsafeBufferPointer(m), into: c)
                                                d = FrameDescriptors(power: UnsafeBufferPointer(p), magnitude: mag, frequenciesHz: hz,
                                                                     frequenciesHzDouble: hzDouble, nFFT: nFFT, exactRolloff: false)
                                                if isSilent { silent = SilentFrame(logMel: m, mfcc: c, descriptors: d) }
                                            }
                                            centroid[t] = d.centroidHz
                                            bandwidth[t] = d.bandwidthHz
                                            rolloff[t] = d.rolloffHz
                                            flatness[t] = d.flatness
                                            rms[t] = d.rms
                                            // A silent frame's power is +0 everywhere: adding it changes no sum.
                                            if meanPowerFrames.contains(t) && !isSilent { for k in 0..<bins { meanPower[k] += p[k] } }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        f.centroidHz = centroid; f.bandwidthHz = bandwidth; f.rolloffHz = rolloff; f.flatness = flatness; f.rms = rms
        let scale = 1 / Float(max(1, meanPowerFrames.clamped(to: 0..<count).count))
        for k in 0..<bins { f.meanPower[k] *= scale }
        f.flux = SpectralFlux.positiveLogMelFlux(f.logMel, frames: count, nMels: nMels)
        return f
    }

    /// The embedding of one note: `EmbeddingLayout.count` values in `EmbeddingLayout.dimensions` order.
    /// - Parameters: signal mono samples at `sr`; noteOnSeconds/noteOffSeconds where the note was
    ///   pressed and released (from the render settings; 0 and 1 s for the default probe).
    /// - Throws: `EmbeddingError` for empty or non-finite audio.
    public func embedding(_ signal: [Float], noteOnSeconds: Double = 0, noteOffSeconds: Double = 1) throws -> [Float] {
        try validate(signal)
        // Times become sample and frame indices; NaN, infinities or 1e300 would trap there.
        guard (0...86_400).contains(noteOnSeconds), (noteOnSeconds...86_400).contains(noteOffSeconds) else {
            throw EmbeddingError(description: "note-on \(noteOnSeconds) s and note-off \(noteOffSeconds) s must satisfy 0 <= on <= off <= 86400")
        }
        // The one loudness figure; everything else sees the note scaled to a short-term level of 0 dBFS.
        let levelDecibels = Audibility.levelDecibels(signal, sampleRateHz: sr)
        let gain = Float(pow(10, -levelDecibels / 20))
        let signal = scaled(signal, by: gain)
        let envelope = AmplitudeEnvelope(signal: signal, sr: sr)
        let adsr = EnvelopeDescriptors(envelope: envelope, noteOnSeconds: noteOnSeconds, noteOffSeconds: noteOffSeconds)
        let segments = segmentFrames(frameCount: stft.frameCount(sampleCount: signal.count), noteOnSeconds: noteOnSeconds,
                                     peakSeconds: noteOnSeconds + Double(adsr.peakSeconds), noteOffSeconds: noteOffSeconds)
        let f = frames(signal, meanPowerFrames: segments[1])
        let sounding = soundingFrames(segments, rms: f.rms)
        var v: [Float] = []
        v.reserveCapacity(EmbeddingLayout.count)
        let nMFCC = dct.nMFCC
        for frames in sounding { for k in EmbeddingLayout.shapeCoefficients { v.append(mean(frames) { f.mfcc[$0 * nMFCC + k] }) } }
        for k in EmbeddingLayout.shapeCoefficients { v.append(standardDeviation(sounding[1]) { f.mfcc[$0 * nMFCC + k] }) }
        for frames in sounding {
            v.append(mean(frames) { log2(max(f.centroidHz[$0], 1)) })
            v.append(mean(frames) { log2(max(f.bandwidthHz[$0], 1)) })
            v.append(mean(frames) { log2(max(f.rolloffHz[$0], 1)) })
            v.append(mean(frames) { log10(max(f.flatness[$0], 1e-10)) })
            v.append(mean(frames) { f.zcr[$0] })
            v.append(mean(frames) { f.flux[$0] })
        }
        v.append(Float(levelDecibels))
        v.append(log10(max(adsr.attackSeconds, 0.001)))
        v.append(log10(max(adsr.decaySeconds, 0.001)))
        v.append(adsr.sustainFraction)
        v.append(log10(max(adsr.releaseSeconds, 0.001)))

        // Pitch over the held part.
        let onSample = Int(noteOnSeconds * sr), offSample = Int(max(noteOnSeconds, noteOffSeconds) * sr)
        let pitch = try yin.track(signal, startSample: onSample, endSample: max(offSample, onSample + 1))
        let voiced = pitch.compactMap(\.f0Hz)
        let f0 = voiced.isEmpty ? Float(0) : voiced.sorted()[voiced.count / 2]
        let cents = pitch.map { frame -> Float in
            guard let hz = frame.f0Hz, f0 > 0 else { return 0 }
            // Octave errors are not vibrato: fold deviations into ±600 cents.
            var c = 1200 * log2(hz / f0)
            while c > 600 { c -= 1200 }
            while c < -600 { c += 1200 }
            return c
        }
        v.append(f0 > 0 ? log2(f0 / 440) : 0)
        v.append(pitch.isEmpty ? 0 : Float(voiced.count) / Float(pitch.count))
        let voicedCents = zip(pitch, cents).filter { $0.0.f0Hz != nil }.map(\.1)
        v.append(voicedCents.isEmpty ? 0 : standardDeviation(0..<voicedCents.count) { voicedCents[$0] })
        v.append(pitch.isEmpty ? 0 : pitch.reduce(0) { $0 + $1.periodicity } / Float(pitch.count))
        let harmonic = HarmonicDescriptors(powerSpectrum: f.meanPower, sr: sr, nFFT: nFFT, f0Hz: f0)
        v.append(harmonic.harmonicEnergyRatio)
        v.append(harmonic.inharmonicity)
        let sustainCentroid = mean(sounding[1]) { f.centroidHz[$0] }
        v.append(f0 > 0 && sustainCentroid > 0 ? log2(sustainCentroid / f0) : 0)

        let pitchRate = sr / Double(yin.hopLength), frameRate = sr / Double(hopLength)
        let vibrato = voicedCents.count >= 8 ? Modulation(series: voicedCents, framesPerSecond: pitchRate) : .none
        let tremolo = Modulation(series: sounding[1].map { decibels(f.rms[$0]) }, framesPerSecond: frameRate)
        let filter = Modulation(series: sounding[1].map { log2(max(f.centroidHz[$0], 1)) }, framesPerSecond: frameRate)
        v.append(vibrato.depth >= 3 ? vibrato.rateHz : 0); v.append(vibrato.depth)
        v.append(tremolo.depth >= 0.3 ? tremolo.rateHz : 0); v.append(tremolo.depth)
        v.append(filter.depth >= 0.02 ? filter.rateHz : 0); v.append(filter.depth)
        let normalisedTimbre = timbre.analyse(powerSpectrum: f.meanPower, f0Hz: f0)
        v += normalisedTimbre.envelopeCoefficients + normalisedTimbre.tristimulus + [normalisedTimbre.oddEvenDecibels]
        // A degenerate statistic must not leak NaN into the atlas.
        return v.map { $0.isFinite ? $0 : 0 }
    }

    /// The baseline: MFCC 0...19 (librosa.feature.mfcc defaults on 128 Slaney mels) averaged over all frames.
    public func mfccMeans(_ signal: [Float]) throws -> [Float] {
        try validate(signal)
        let f = frames(signal)
        var sums = [Float](repeating: 0, count: 20), coefficients = [Float](repeating: 0, count: 20)
        f.logMel.withUnsafeBufferPointer { logMel in
            coefficients.withUnsafeMutableBufferPointer { c in
                for t in 0..<f.count {
                    baselineDCT.apply(UnsafeBufferPointer(rebasing: logMel[(t * nMels)..<((t + 1) * nMels)]), into: c)
                    for k in 0..<20 { sums[k] += c[k] }
                }
            }
        }
        return sums.map { $0 / Float(max(f.count, 1)) }
    }

    private func validate(_ signal: [Float]) throws {
        guard !signal.isEmpty else { throw EmbeddingError(description: "no audio samples") }
        if let bad = signal.withUnsafeBufferPointer(firstNonFinite) {
            throw EmbeddingError(description: "non-finite sample (NaN or infinity) at frame \(bad)")
        }
    }

    /// A frame sounds when its RMS is at most 60 dB under the note's level (the signal is scaled to 0 dBFS).
    static let soundingRMS: Float = 1e-3

    /// The sounding frames of each segment. A segment with none borrows the nearest earlier segment's
    /// (release from sustain, sustain from attack), else the next one's: a note that died before note-off
    /// keeps the timbre it had. With no sounding frame at all, the segments are used whole.
    func soundingFrames(_ segments: [Range<Int>], rms: [Float]) -> [[Int]] {
        var out = segments.map { range in range.filter { rms[$0] >= Self.soundingRMS } }
        guard out.contains(where: { !$0.isEmpty }) else { return segments.map { Array($0) } }
        for i in out.indices where out[i].isEmpty {
            if let earlier = out[..<i].last(where: { !$0.isEmpty }) { out[i] = earlier }
        }
        for i in out.indices.reversed() where out[i].isEmpty {
            if let later = out[(i + 1)...].first(where: { !$0.isEmpty }) { out[i] = later }
        }
        return out
    }

    /// Frame ranges of attack [note-on, peak], sustain (peak, note-off], release (note-off, end): frame t is
    /// centred at t * hop / sr. An empty segment borrows the frame nearest to its start, so every statistic
    /// is defined.
    func segmentFrames(frameCount: Int, noteOnSeconds: Double, peakSeconds: Double, noteOffSeconds: Double) -> [Range<Int>] {
        let secondsPerFrame = Double(hopLength) / sr
        func frame(_ seconds: Double) -> Int { max(0, min(frameCount, Int((seconds / secondsPerFrame).rounded(.up)))) }
        let on = frame(noteOnSeconds), peak = max(on, frame(peakSeconds) + 1), off = max(peak, frame(noteOffSeconds) + 1)
        func nonEmpty(_ a: Int, _ b: Int) -> Range<Int> {
            let a = min(a, frameCount - 1), b = min(b, frameCount)
            return a < b ? a..<b : a..<(a + 1)
        }
        return [nonEmpty(on, peak), nonEmpty(peak, off), nonEmpty(off, frameCount)]
    }
}

@inline(__always) func decibels(_ amplitude: Float) -> Float { 20 * log10(max(amplitude, 1e-6)) }

@inline(__always) func mean<Indices: Collection<Int>>(_ indices: Indices, _ value: (Int) -> Float) -> Float {
    guard !indices.isEmpty else { return 0 }
    var sum: Float = 0
    for i in indices { sum += value(i) }
    return sum / Float(indices.count)
}

@inline(__always) func standardDeviation<Indices: Collection<Int>>(_ indices: Indices, _ value: (Int) -> Float) -> Float {
    guard indices.count > 1 else { return 0 }
    let m = mean(indices, value)
    var sum: Float = 0
    for i in indices { let d = value(i) - m; sum += d * d }
    return (sum / Float(indices.count)).squareRoot()
}
