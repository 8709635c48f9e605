// An atlas of 3 points (2 presets and the init patch, no random settings or sweeps) still gets a map
// and a report, which names every step it skipped and why.
import Foundation
import Testing
@testable import Atlas
import SoundSpace

@Suite struct SmallAtlasTests {
    @Test func threePointsGetAReportThatSaysWhatIsSkipped() throws {
        let dir = try Fixtures.bank(count: 2)
        defer { try? FileManager.default.removeItem(at: dir) }
        var settings = Fixtures.settings
        settings.randomCount = 0
        settings.sweepSteps = 0
        var components = Fixtures.components()
        components.analysis = SoundSpaceAnalysis()   // the real t-SNE, which refuses fewer than 4 points
        let out = dir.appendingPathComponent("report")
        let result = try AtlasRun.run(sourcePaths: [dir.appendingPathComponent("bank").path], out: out, settings: settings,
                                      shard: .whole, components: components, root: dir)
        #expect(result.analysis == .analysed(points: 3))
        #expect(result.reportFiles.map(\.lastPathComponent) == ["index.html", "data.js", "neighbours.js", "parameters.js"] + ReportWriter.resourceFiles
                                                               + ["map.svg", "summary.json", "summary.md", "previews"])
        let summary = try String(contentsOf: out.appendingPathComponent("summary.md"), encoding: .utf8)
        #expect(summary.contains("3 points on the map (first two principal components)"))
        for line in ["- map: t-SNE, perplexity 30 needs at least 4 points; the 3 points are placed by their first two principal components",
                     "- toy: coverage (precision, recall, density, coverage) needs more than 5 presets and 5 random settings; has 2 and 0",
                     "- toy: occupancy needs at least 10 presets and random settings together; has 2",
                     "- toy: empty regions need presets and playable random settings; has 2 and 0"] {
            #expect(summary.contains(line), "\(line)")
        }
        // The presets differ, so the principal components spread them apart.
        let store = try AtlasStore(reportDirectory: out)
        let spread = try store.read { db in try Double.fetchOne(db, sql: "SELECT MAX(x) - MIN(x) FROM mapPoint") } ?? 0
        #expect(spread > 0)
        let json = try String(contentsOf: out.appendingPathComponent("summary.json"), encoding: .utf8)
        #expect(json.contains("\"skipped\": [\"map: t-SNE"))
    }

    @Test func aLargeEnoughAtlasSkipsNothing() {
        #expect(AnalysisStage.skippedSteps(synth: "toy", presets: 12, randoms: 40, playable: 30).isEmpty)
    }
}
