// The one audio type of PresetAtlas: non-interleaved float channels at one sample rate, as engines
// render it and as audio files are read and written (Synthesis and Features both re-export it).

/// Audio as one `[Float]` per channel (all of equal length), full scale = 1.0.
public struct AudioBuffer: Sendable, Equatable {
    public var sampleRateHz: Double
    public var channels: [[Float]]

    public init(sampleRateHz: Double, channels: [[Float]]) {
        self.sampleRateHz = sampleRateHz
        self.channels = channels
    }

    public init(sampleRateHz: Double, channelCount: Int, frameCount: Int) {
        self.init(sampleRateHz: sampleRateHz,
                  channels: Array(repeating: [Float](repeating: 0, count: frameCount), count: channelCount))
    }

    public var frameCount: Int { channels.first?.count ?? 0 }

    /// The mean of the channels.
    public var mono: [Float] {
        guard channels.count > 1 else { return channels.first ?? [] }
        var sum = [Float](repeating: 0, count: frameCount)
        for channel in channels {
            for i in 0..<frameCount { sum[i] += channel[i] }
        }
        let scale = 1 / Float(channels.count)
        for i in 0..<frameCount { sum[i] *= scale }
        return sum
    }

    /// Largest absolute sample over all channels.
    public var peak: Float {
        channels.reduce(0) { m, c in c.reduce(m) { Swift.max($0, Swift.abs($1)) } }
    }

    /// Whether every sample is finite.
    public var isFinite: Bool { channels.allSatisfy { $0.allSatisfy(\.isFinite) } }
}
