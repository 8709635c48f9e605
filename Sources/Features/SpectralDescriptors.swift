// Per-frame spectral descriptors from a magnitude spectrum, as librosa.feature computes them from S=|X|:
// spectral_centroid, spectral_bandwidth (p=2), spectral_flatness (power=2, amin=1e-10),
// spectral_rolloff (roll_percent=0.85) and rms (from S, frame_length=n_fft). Sources: librosa 0.11
// librosa/feature/spectral.py; each function below names the formula it follows.
import Foundation

public enum SpectralDescriptors {
    /// Spectral centroid in Hz: sum_k f_k S_k / sum_k S_k. librosa normalises with util.normalize(norm=1),
    /// which leaves an all-zero frame as it is, giving 0 Hz.
    @inline(__always)
    public static func centroidHz(_ magnitude: UnsafeBufferPointer<Float>, frequenciesHz: UnsafeBufferPointer<Float>) -> Float {
        var weighted: Double = 0, total: Double = 0
        for k in 0..<magnitude.count {
            weighted += Double(frequenciesHz[k]) * Double(magnitude[k])
            total += Double(magnitude[k])
        }
        return total > Double(Float.leastNormalMagnitude) ? Float(weighted / total) : 0
    }

    /// Spectral bandwidth (p = 2) in Hz: sqrt(sum_k S_k/sum S * (f_k - centroid)^2).
    @inline(__always)
    public static func bandwidthHz(_ magnitude: UnsafeBufferPointer<Float>, frequenciesHz: UnsafeBufferPointer<Float>, centroidHz: Float) -> Float {
        var total: Double = 0, spread: Double = 0
        for k in 0..<magnitude.count { total += Double(magnitude[k]) }
        let norm = total > Double(Float.leastNormalMagnitude) ? 1 / total : 1
        for k in 0..<magnitude.count {
            let deviation = Double(frequenciesHz[k]) - Double(centroidHz)
            spread += Double(magnitude[k]) * norm * deviation * deviation
        }
        return Float(spread.squareRoot())
    }

    /// Spectral flatness (Wiener entropy) in [0, 1]: geometric mean / arithmetic mean of max(amin, S^2).
    @inline(__always)
    public static func flatness(_ magnitude: UnsafeBufferPointer<Float>, amin: Float = 1e-10) -> Float {
        var logSum: Double = 0, sum: Double = 0
        for k in 0..<magnitude.count {
            let p = max(amin, magnitude[k] * magnitude[k])
            logSum += Double(log(p))
            sum += Double(p)
        }
        let n = Double(magnitude.count)
        return Float(exp(logSum / n) / (sum / n))
    }

    /// Roll-off frequency in Hz: the lowest bin frequency where the cumulative magnitude reaches
    /// `rollPercent` of the total (librosa: first f_k with cumsum_k >= roll_percent * total).
    @inline(__always)
    public static func rolloffHz(_ magnitude: UnsafeBufferPointer<Float>, frequenciesHz: UnsafeBufferPointer<Float>, rollPercent: Float = 0.85) -> Float {
        // librosa sums in float32 (np.cumsum of the float32 spectrogram); summing the same way keeps the
        // threshold crossing on the same bin when it falls close to a boundary.
        var total: Float = 0
        for k in 0..<magnitude.count { total += magnitude[k] }
        let threshold = rollPercent * total
        var cumulative: Float = 0
        for k in 0..<magnitude.count {
            cumulative += magnitude[k]
            if cumulative >= threshold { return frequenciesHz[k] }
        }
        return frequenciesHz[magnitude.count - 1]
    }

    /// RMS from a magnitude spectrum of an `nFFT`-point frame (librosa.feature.rms(S=)): Parseval with
    /// the DC and Nyquist bins counted once: sqrt(2 * sum_k w_k S_k^2 / n_fft^2), w = 1/2 at DC and Nyquist.
    @inline(__always)
    public static func rms(_ magnitude: UnsafeBufferPointer<Float>, nFFT: Int) -> Float {
        var sum: Double = 0
        for k in 0..<magnitude.count { sum += Double(magnitude[k]) * Double(magnitude[k]) }
        sum -= 0.5 * Double(magnitude[0]) * Double(magnitude[0])
        if nFFT % 2 == 0 { let last = Double(magnitude[magnitude.count - 1]); sum -= 0.5 * last * last }
        return Float((2 * sum / Double(nFFT * nFFT)).squareRoot())
    }
}

/// Sign changes between x[j - 1] and x[j] for j in lo..<hi (lo >= 1), negative meaning below -1e-10.
/// Each sample is compared with its predecessor afresh, 8 at a time in vector lanes: the scalar loop,
/// which carried the previous sign from step to step, was 3.5 % of an embedding.
@inline(__always)
private func crossings(_ x: UnsafeBufferPointer<Float>, from lo: Int, to hi: Int) -> Int32 {
    let raw = UnsafeRawPointer(x.baseAddress!)
    let threshold = SIMD8<Float>(repeating: -1e-10)
    var lanes = SIMD8<Int32>()
    var j = lo
    while j + 8 <= hi {
        let current = raw.loadUnaligned(fromByteOffset: 4 * j, as: SIMD8<Float>.self)
        let previous = raw.loadUnaligned(fromByteOffset: 4 * (j - 1), as: SIMD8<Float>.self)
        let changed = (current .< threshold) .^ (previous .< threshold)
        lanes &+= SIMD8<Int32>().replacing(with: 1, where: changed)
        j += 8
    }
    var count = lanes.wrappedSum()
    while j < hi {
        if (x[j] < -1e-10) != (x[j - 1] < -1e-10) { count &+= 1 }
        j += 1
    }
    return count
}

/// librosa.feature.zero_crossing_rate(y, frame_length=, hop_length=, center=True): frames centred by
/// padding with the edge samples (mode='edge'), values with |x| <= 1e-10 counted as positive zero, and the
/// rate = sign changes between neighbours within the frame / frame_length.
public enum ZeroCrossingRate {
    public static func rate(_ signal: [Float], frameLength: Int = 2048, hopLength: Int = 512) -> [Float] {
        let frames = 1 + signal.count / hopLength
        guard !signal.isEmpty else { return [Float](repeating: 0, count: frames) }
        // Position i of the edge-padded signal is sample i - half clamped to the signal; a crossing at i is a
        // sign change between positions i-1 and i, so crossings can only happen at i = j + half for samples
        // j in 1..<count (the padding repeats the edge samples). Frame t counts crossings at positions
        // t*hop+1 ..< t*hop+frameLength. Crossings are counted once per hop-long block of positions
        // (block b = positions b*hop+1 ... (b+1)*hop); a frame is frameLength/hop blocks minus the crossing
        // at its last block's end position. O(samples + frames); no signal-length scratch array.
        let half = frameLength / 2
        var out = [Float](repeating: 0, count: frames)
        signal.withUnsafeBufferPointer { x in
            let n = x.count
            // |v| <= 1e-10 counts as +0 (librosa's threshold), so "negative" means v < -1e-10.
            @inline(__always) func crossingAtSample(_ j: Int) -> Int32 {
                guard j >= 1 && j < n else { return 0 }
                return (x[j] < -1e-10) != (x[j - 1] < -1e-10) ? 1 : 0
            }
            if frameLength % hopLength == 0 {
                let blocksPerFrame = frameLength / hopLength
                var blocks = [Int32](repeating: 0, count: frames + blocksPerFrame)
                for b in 0..<blocks.count {
                    // Samples j with position j + half in this block.
                    let lo = max(1, b * hopLength + 1 - half), hi = min(n, (b + 1) * hopLength + 1 - half)
                    guard lo < hi else { continue }
                    blocks[b] = crossings(x, from: lo, to: hi)
                }
                for t in 0..<frames {
                    var count: Int32 = 0
                    for b in t..<(t + blocksPerFrame) { count += blocks[b] }
                    count -= crossingAtSample(t * hopLength + frameLength - half)
                    out[t] = Float(count) / Float(frameLength)
                }
            } else {
                for t in 0..<frames {
                    var count: Int32 = 0
                    for i in (t * hopLength + 1)..<(t * hopLength + frameLength) { count += crossingAtSample(i - half) }
                    out[t] = Float(count) / Float(frameLength)
                }
            }
        }
        return out
    }
}

/// The five per-frame descriptors of one spectrum, computed together in one fused pass (the embedding's
/// hot loop): the same definitions as the separate functions above (checked against librosa by the
/// fixture tests through `LibrosaFeatures`), with Double SIMD accumulators so sums are exact enough and
/// vectorised, bandwidth from the moments (Σ m f² / Σ m - centroid², safe in Double), and flatness from
/// logs of products of 8 powers (8x fewer logs; powers are >= 1e-10 and <= ~1e9, so a product of 8 stays
/// well inside Double's range).
public struct FrameDescriptors: Sendable, Equatable {
    public var centroidHz: Float = 0
    public var bandwidthHz: Float = 0
    public var flatness: Float = 0
    public var rolloffHz: Float = 0
    public var rms: Float = 0

    public init() {}

    /// - Parameters: power one |X|^2 frame; magnitude scratch of the same length (overwritten with |X|);
    ///   frequenciesHz bin centres (Float and Double); nFFT the frame length; rollPercent as librosa's;
    ///   exactRolloff sums as librosa does (sequential float32), else `fastRolloffHz`.
    @inline(__always)
    public init(power: UnsafeBufferPointer<Float>, magnitude: UnsafeMutableBufferPointer<Float>,
                frequenciesHz: UnsafeBufferPointer<Float>, frequenciesHzDouble: UnsafeBufferPointer<Double>,
                nFFT: Int, rollPercent: Float = 0.85, amin: Float = 1e-10, exactRolloff: Bool = true) {
        let n = power.count
        squareRoots(power, into: magnitude)
        var sumM = SIMD4<Double>(), sumFM = SIMD4<Double>(), sumFFM = SIMD4<Double>(), sumP = SIMD4<Double>()
        var k = 0
        while k + 4 <= n {
            let m = SIMD4<Double>(Double(magnitude[k]), Double(magnitude[k + 1]), Double(magnitude[k + 2]), Double(magnitude[k + 3]))
            let f = SIMD4<Double>(frequenciesHzDouble[k], frequenciesHzDouble[k + 1], frequenciesHzDouble[k + 2], frequenciesHzDouble[k + 3])
            let fm = f * m
            sumM += m; sumFM += fm; sumFFM += fm * f; sumP += m * m
            k += 4
        }
        var totalM = sumM.sum(), totalFM = sumFM.sum(), totalFFM = sumFFM.sum(), totalP = sumP.sum()
        while k < n {
            let m = Double(magnitude[k]), f = frequenciesHzDouble[k]
            totalM += m; totalFM += f * m; totalFFM += f * f * m; totalP += m * m
            k += 1
        }
        // Centroid and bandwidth: librosa leaves an all-zero frame unnormalised, giving 0 Hz for both.
        if totalM > Double(Float.leastNormalMagnitude) {
            let centroid = totalFM / totalM
            centroidHz = Float(centroid)
            bandwidthHz = Float(max(0, totalFFM / totalM - centroid * centroid).squareRoot())
        }
        // RMS (librosa.feature.rms(S=)): DC and Nyquist counted once.
        let first = Double(magnitude[0]), last = Double(magnitude[n - 1])
        var energy = totalP - 0.5 * first * first
        if nFFT % 2 == 0 { energy -= 0.5 * last * last }
        rms = Float((2 * max(0, energy) / Double(nFFT * nFFT)).squareRoot())
        // Flatness: geometric / arithmetic mean of max(amin, m^2).
        // Four independent product chains of 8 powers each (32 bins per log of 4 lanes).
        var logSum = 0.0, sum = 0.0
        var sums = SIMD4<Double>()
        k = 0
        while k + 32 <= n {
            var product = SIMD4<Double>(repeating: 1)
            for j in stride(from: k, to: k + 32, by: 4) {
                let p = SIMD4<Double>(Double(max(amin, power[j])), Double(max(amin, power[j + 1])),
                                      Double(max(amin, power[j + 2])), Double(max(amin, power[j + 3])))
                product *= p
                sums += p
            }
            logSum += log(product[0]) + log(product[1]) + log(product[2]) + log(product[3])
            k += 32
        }
        sum = sums.sum()
        while k < n { let p = Double(max(amin, power[k])); logSum += log(p); sum += p; k += 1 }
        flatness = Float(exp(logSum / Double(n)) / (sum / Double(n)))
        if exactRolloff {
            rolloffHz = SpectralDescriptors.rolloffHz(UnsafeBufferPointer(magnitude), frequenciesHz: frequenciesHz, rollPercent: rollPercent)
        } else {
            rolloffHz = FrameDescriptors.fastRolloffHz(UnsafeBufferPointer(magnitude), totalMagnitude: totalM,
                                                       frequenciesHz: frequenciesHz, rollPercent: Double(rollPercent))
        }
    }

    /// Roll-off from the Double total and blocks of 8 bins: the same definition as
    /// `SpectralDescriptors.rolloffHz`, without its sequential float sum (a 1025-add dependency chain per
    /// frame, a third of the frame loop). The bin can differ from librosa's when the 85 % point falls within
    /// float rounding of a bin edge; the embedding averages log roll-off over frames, where that is noise.
    @inline(__always)
    static func fastRolloffHz(_ magnitude: UnsafeBufferPointer<Float>, totalMagnitude: Double,
                              frequenciesHz: UnsafeBufferPointer<Float>, rollPercent: Double) -> Float {
        let n = magnitude.count
        let threshold = rollPercent * totalMagnitude
        var cumulative = 0.0
        var k = 0
        if let base = magnitude.baseAddress {
            let raw = UnsafeRawPointer(base)
            while k + 8 <= n {
                let block = Double(raw.loadUnaligned(fromByteOffset: 4 * k, as: SIMD8<Float>.self).sum())
                if cumulative + block >= threshold { break }
                cumulative += block
                k += 8
            }
        }
        while k < n {
            cumulative += Double(magnitude[k])
            if cumulative >= threshold { return frequenciesHz[k] }
            k += 1
        }
        return frequenciesHz[n - 1]
    }
}
