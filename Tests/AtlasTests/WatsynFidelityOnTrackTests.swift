// Watsyn as a registered synth against LMMS 1.2.2's own renders (Tests/Fixtures/lmms-instrument-references/watsyn,
// stored in stereo): its 3 factory presets and 6 random settings with random waves, read and rendered as
// `presetatlas render` does. Watsyn has no random state, so each channel is compared sample for sample.
import Features
import Foundation
import Synthesis
import Testing
import TestSupport
@testable import Atlas

@Suite struct WatsynFidelityOnTrackTests {
    static let references = LMMSReferenceRenders("watsyn")

    struct Channel { var distance: Double, largestDifference: Float }

    static func compare(_ row: LMMSReferenceRenders.Row, rendering: PresetRendering) throws -> [Channel] {
        let ours = try references.oursStored(row, rendering: rendering, seed: 0)
        let lmms = try references.lmmsChannels(row)
        return zip(ours, lmms).map { o, l in
            Channel(distance: ReferenceDistance.distance(o, l),
                    largestDifference: o.count == l.count ? zip(o, l).map { abs($0 - $1) }.max() ?? 0 : .infinity)
        }
    }

    @Test func factoryPresetsAndRandomSettingsMatchLMMS() throws {
        let rows = try Self.references.manifest()
        #expect(rows.filter { $0.origin == "factory" }.count == 3 && rows.count == 9)
        let rendering = PresetRendering()
        var report: [String] = [], distances: [Double] = []
        for row in rows {
            #expect(try rendering.patches(Self.references.folder.appendingPathComponent(row.file)).first?.synthID == "watsyn",
                    "\(row.file) is not read as a Watsyn preset")
            let channels = try Self.compare(row, rendering: rendering)
            #expect(channels.count == 2, "\(row.file): not stereo")
            distances += channels.map(\.distance)
            report.append("\(row.file) " + channels.map { String(format: "%.4f (%.2g)", $0.distance, $0.largestDifference) }.joined(separator: " "))
        }
        print("Watsyn on the track (per channel: distance (largest sample difference)):", report)
        print("Watsyn per-channel median distance to LMMS:", LMMSReferenceRenders.median(distances))
    }
}
