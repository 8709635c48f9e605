// A seeded generator for tests: the same seed gives the same inputs on every run and machine, so a
// failure found by random input can be replayed.
import Synthesis

/// Test data drawn from the package's own SplitMix64.
public struct TestRandom: RandomNumberGenerator {
    private var generator: SplitMix64

    public init(seed: UInt64) { generator = SplitMix64(seed: seed) }

    public mutating func next() -> UInt64 { generator.next() }

    /// `count` bytes.
    public mutating func bytes(_ count: Int) -> [UInt8] {
        (0..<count).map { _ in UInt8.random(in: 0...255, using: &self) }
    }
}
