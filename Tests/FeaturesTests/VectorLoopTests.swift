// Loops that run in vector lanes give what the plain one-value-at-a-time definitions give.
import Foundation
import Testing
@testable import Features

@Suite struct VectorLoopTests {
    @Test func allZeroAcceptsOnlyPlusAndMinusZero() {
        for length in [0, 1, 15, 16, 17, 33, 2048] {
            var values = [Float](repeating: 0, count: length)
            for i in stride(from: 0, to: length, by: 3) { values[i] = -0.0 }
            #expect(values.withUnsafeBufferPointer { isAllZero($0) }, "\(length) zeros")
            // One non-zero value anywhere, including the tail past the last full chunk of 16.
            for position in Set([0, length / 2, length - 1]) where length > 0 {
                for odd in [Float.leastNonzeroMagnitude, -1e-30, .nan, .infinity, 1] {
                    var spoiled = values
                    spoiled[position] = odd
                    #expect(!spoiled.withUnsafeBufferPointer { isAllZero($0) }, "\(odd) at \(position) of \(length)")
                }
            }
        }
    }

    @Test func firstNonFiniteFindsTheFirstNaNOrInfinity() throws {
        for length in [1, 8, 9, 4100] {
            let finite = (0..<length).map { i -> Float in i % 3 == 0 ? .greatestFiniteMagnitude : -Float(i) }
            #expect(finite.withUnsafeBufferPointer(firstNonFinite) == nil, "\(length) finite values")
            for position in Set([0, length / 2, length - 1]) {
                for bad in [Float.nan, .infinity, -.infinity] {
                    var values = finite
                    values[position] = bad
                    if position + 1 < length { values[length - 1] = .nan }  // a later one is not the answer
                    #expect(values.withUnsafeBufferPointer(firstNonFinite) == position, "\(bad) at \(position) of \(length)")
                }
            }
        }
        var signal = Synthetic.noise(seconds: 0.5)
        signal[1000] = -.infinity
        let extractor = try EmbeddingExtractor(sr: Synthetic.sr)
        #expect(throws: EmbeddingError.self) { try extractor.embedding(signal) }
        do { _ = try extractor.embedding(signal) } catch let error as EmbeddingError {
            #expect(error.description == "non-finite sample (NaN or infinity) at frame 1000")
        }
    }

    @Test(arguments: [1, 7, 511, 512, 513, 5000])
    func zeroCrossingRateCountsEverySignChange(length: Int) {
        // Values on both sides of librosa's -1e-10 threshold, including exact zeros and tiny negatives.
        var state: UInt64 = 99
        let choices: [Float] = [0.5, -0.5, 0, -1e-11, -2e-10, 1e-12]
        let signal: [Float] = (0..<length).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return choices[Int(state >> 33) % choices.count]
        }
        let frameLength = 2048, hop = 512
        let rates = ZeroCrossingRate.rate(signal, frameLength: frameLength, hopLength: hop)
        // The definition: pad with the edge samples by frameLength / 2 each side, count sign changes
        // between neighbours inside each frame.
        let half = frameLength / 2
        let padded = [Float](repeating: signal[0], count: half) + signal + [Float](repeating: signal[length - 1], count: half)
        for t in rates.indices {
            var changes = 0
            for i in (t * hop + 1)..<(t * hop + frameLength) where i < padded.count {
                if (padded[i] < -1e-10) != (padded[i - 1] < -1e-10) { changes += 1 }
            }
            #expect(rates[t] == Float(changes) / Float(frameLength), "frame \(t) of \(length) samples")
        }
    }

    @Test(arguments: [13, 128])
    func spectralFluxIsTheMeanPositiveIncreaseAboveTheFloor(bands: Int) {
        var state: UInt64 = 5
        let frames = 40
        let logMel: [Float] = (0..<(frames * bands)).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Float(Int(state >> 40) % 1200) / 10 - 110   // -110 ... 10 dB: some below the 80 dB floor
        }
        let flux = SpectralFlux.positiveLogMelFlux(logMel, frames: frames, nMels: bands)
        let floorDB = Double(logMel.max()!) - 80
        #expect(flux[0] == 0)
        for t in 1..<frames {
            var sum = 0.0
            for m in 0..<bands {
                let now = max(Double(logMel[t * bands + m]), floorDB), before = max(Double(logMel[(t - 1) * bands + m]), floorDB)
                sum += max(0, now - before)
            }
            #expect(abs(Double(flux[t]) - sum / Double(bands)) <= 1e-5 * max(1, sum / Double(bands)), "frame \(t)")
        }
    }
}
