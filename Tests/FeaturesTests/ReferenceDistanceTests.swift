// The fidelity distance: invariances it promises, and agreement with the figures the fixture README
// publishes for its own implementation (distances between different real renders).
import Foundation
import Testing
@testable import Features

@Suite struct ReferenceDistanceTests {
    func decayingSaw(_ hz: Double, frames: Int = 44_100) -> [Float] {
        (0..<frames).map { i in
            let t = Double(i) / 44_100
            return Float((2 * (t * hz - (t * hz).rounded(.down)) - 1) * exp(-3 * t))
        }
    }

    @Test func identicalDelayedAndScaledSignalsAreAtZero() {
        let saw = decayingSaw(220)
        #expect(ReferenceDistance.distance(saw, saw) == 0)
        let delayedQuieter = [Float](repeating: 0, count: 777) + saw.map { $0 * 0.1 }
        #expect(ReferenceDistance.distance(saw, delayedQuieter) < 1e-3)
    }

    @Test func aSemitoneApartIsFartherThanIdentical() {
        let d = ReferenceDistance.distance(decayingSaw(220), decayingSaw(220 * pow(2, 1.0 / 12)))
        #expect(d > 0.2)
    }

    /// The README: two different LMMS factory presets have a median distance of 1.21.
    @Test(.enabled(if: SharedFixtures.isPresent, "needs ../shared/fixtures (absent: skipped)"))
    func differentPresetsMatchPublishedMedian() throws {
        let names = ["Bell", "SawReso", "TB303", "Harmonium", "PluckBass", "ChurchOrgan"]
        let signals = try names.map {
            try AudioFile.read(SharedFixtures.url("fixtures/lmms-reference/\($0).flac")).mono
        }
        var distances: [Double] = []
        for i in 0..<signals.count { for j in (i + 1)..<signals.count {
            distances.append(ReferenceDistance.distance(signals[i], signals[j]))
        } }
        let median = distances.sorted()[distances.count / 2]
        #expect(median > 0.9 && median < 1.5, "median distance between different presets \(median), README says 1.21")
    }
}
