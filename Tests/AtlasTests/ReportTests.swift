// The report: hostile names stay text, files parse, the page holds every point, every point has an Ogg preview.
import Foundation
import Features
import Formats
import Testing
@testable import Atlas

@Suite struct ReportTests {
    static let hostile = "<img src=x onerror=alert(1)>"
    static let tricky = "</script><script>alert(2)</script> & \"quotes\" | `pipes` [link](javascript:x)"

    /// One run over a bank whose first presets carry hostile names; returns the report folder.
    static func report() throws -> (URL, URL) {
        let dir = try Fixtures.bank(count: 10, names: [hostile, tricky])
        let out = dir.appendingPathComponent("report")
        _ = try AtlasRun.run(sourcePaths: [dir.appendingPathComponent("bank").path], out: out, settings: Fixtures.settings,
                             shard: .whole, components: Fixtures.components(), root: dir)
        // For debugging the page by hand or with scripts/e2e.py: keep a copy of the report.
        if let keep = ProcessInfo.processInfo.environment["PRESETATLAS_KEEP_TEST_REPORT"],
           !FileManager.default.fileExists(atPath: keep) {
            try FileManager.default.copyItem(at: out, to: URL(fileURLWithPath: keep))
        }
        return (dir, out)
    }

    @Test func hostileNamesNeverBecomeMarkup() throws {
        let (dir, out) = try Self.report()
        defer { try? FileManager.default.removeItem(at: dir) }
        for file in ["index.html", "map.svg", "summary.md"] {
            let text = try String(contentsOf: out.appendingPathComponent(file), encoding: .utf8)
            #expect(!text.contains("<img src=x"), "\(file)")
            #expect(!text.contains("<script>alert"), "\(file)")
            #expect(!text.contains("onerror=alert(1)>"), "\(file)")
        }
        let script = try String(contentsOf: out.appendingPathComponent("data.js"), encoding: .utf8)
        // The name reaches data.js as JSON with < escaped, decoding back to the exact text.
        #expect(script.contains("\\u003cimg src=x onerror=alert(1)\\u003e"))
        #expect(!script.contains("<"))
        // index.html holds no data, only its scripts: data.js, then every page script in the resources
        // folder (none forgotten), the columns first and the self-test last.
        let html = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        let shipped = try FileManager.default.contentsOfDirectory(atPath: PageAssets.sourceFolder.path).filter { $0.hasSuffix(".js") }
        let tags = html.components(separatedBy: "<script src=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(html.components(separatedBy: "<script").count - 1 == tags.count)
        #expect(tags.first == "data.js" && tags.dropFirst().sorted() == shipped.sorted())
        #expect(tags.dropFirst().first == "atlas-columns.js" && tags.last == "atlas-selftest.js")
        let svg = try String(contentsOf: out.appendingPathComponent("map.svg"), encoding: .utf8)
        #expect(svg.contains("&lt;img src=x onerror=alert(1)&gt;"))
        // The SVG is well-formed XML.
        let root = try XMLParser.parse(Data(svg.utf8))
        #expect(root.name == "svg")
        #expect(root.all("circle").count == 63)
    }

    /// data.js's object, parsed as JSON (the file is `window.ATLAS_DATA = {...};`).
    static func pointData(_ out: URL) throws -> [String: Any] {
        let script = try String(contentsOf: out.appendingPathComponent("data.js"), encoding: .utf8)
        let start = try #require(script.range(of: "= "))
        let end = try #require(script.range(of: ";", options: .backwards))
        let object = try JSONSerialization.jsonObject(with: Data(script[start.upperBound..<end.lowerBound].utf8))
        return try #require(object as? [String: Any])
    }

    @Test func thePageHoldsEveryPointAndPlayablePreviews() throws {
        let (dir, out) = try Self.report()
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = try Self.pointData(out)
        let names = try #require(data["names"] as? String).components(separatedBy: "\n")
        #expect(names.count == 63 && data["count"] as? Int == 63)
        #expect(names.contains(Self.hostile))
        #expect(names.contains(Self.tricky))
        // Generated names ("uniform 7", "pitchHz 2/3") are left out and rebuilt by the page: at least the
        // 40 random settings' lines are empty, no preset's is.
        #expect(names.filter(\.isEmpty).count >= 40)
        #expect(names.filter { $0.hasPrefix("uniform ") }.isEmpty)
        // Binary columns: two bytes per coordinate, one per flag byte.
        let xText = try #require(data["x"] as? String)
        #expect(Data(base64Encoded: xText)?.count == 2 * 63)
        let flagsText = try #require(data["flags"] as? String)
        let flags = try #require(Data(base64Encoded: flagsText))
        #expect(flags.count == 63 && flags.allSatisfy { $0 & PointData.hasOggPreview != 0 })
        // Every point has its preview file: a mono Ogg Vorbis at the preview rate, previewSeconds long.
        let previews = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("previews").path)
        #expect(Set(previews) == Set((0..<63).map { "\($0).ogg" }))
        let clip = try AudioFile.read(out.appendingPathComponent("previews/0.ogg"))
        #expect(clip.sampleRateHz == 8000 && clip.channels.count == 1)
        #expect(abs(clip.frameCount - 800) <= 1)
        // The page's code and style sit beside it; nothing loads from the network.
        for name in ReportWriter.resourceFiles {
            let text = try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)
            #expect(!text.contains("http://") && !text.contains("https://"), "\(name)")
        }
        let html = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(!html.contains("http://") && !html.contains("https://"))
    }

    @Test func headlineSaysTheComparisonInPlainWordsPerSynthAndBank() {
        var data = ReportData()
        data.points = [ReportPoint(key: "k", synth: "toy", origin: .preset, name: "a", author: "", collection: "bank A",
                                   sourcePath: "", x: 0, y: 0, rms: 0.1)]
        data.metrics["toy"] = ["presets": 4096, "random": 4096, "random.audible": 1082, "balanced.size": 1082,
                               "balanced.coverage": 0.29, "balanced.coverage.low": 0.27, "balanced.coverage.high": 0.33,
                               "balanced.recall": 0.51, "balanced.recall.low": 0.38, "balanced.recall.high": 0.62]
        data.metrics["toy · bank A"] = ["presets": 32, "random.audible": 1082, "balanced.size": 32, "balanced.coverage": 0.05,
                                        "balanced.recall": 0.9]
        let lines = Headline.lines(data).map(\.text)
        #expect(lines.count == 2)
        // 1 - recall is the share sounding like no preset; its interval is 1 - the recall interval, reversed.
        #expect(lines.first == "The 4,096 toy presets reach 29 % (27 %–33 %) of the sound space that random settings reach; "
                + "49 % (38 %–62 %) of random settings sound like no preset. Compared with 1,082 audible random settings "
                + "(3,014 of 4,096 random settings are inaudible).")
        #expect(lines.last?.hasPrefix("The 32 toy · bank A presets (one bank) reach 5 % of") == true)
        #expect(lines.last?.contains("10 % of random settings sound like no preset. Compared with 32 audible random settings drawn from 1,082") == true)
    }

    @Test func sharedPagesShowNoAbsolutePaths() {
        let shown = DisplayPath.relative(["/home/me/banks/dx7/a.syx", "/home/me/banks/tx/b.syx", "", "rel/c.xpf"])
        #expect(shown == ["banks/dx7/a.syx", "banks/tx/b.syx", "", "rel/c.xpf"])
        #expect(DisplayPath.relative(["/home/me/one.syx"]) == ["me/one.syx"])
    }

    /// Every file of a report meant to be shared names its sources without the folder the atlas ran in
    /// (here a temporary folder); the rankings' patch keys included.
    @Test func aWrittenReportHoldsNoLocalFolder() throws {
        let (dir, out) = try Self.report()
        defer { try? FileManager.default.removeItem(at: dir) }
        let local = dir.path
        for file in ["index.html", "data.js", "neighbours.js", "parameters.js", "map.svg", "summary.json", "summary.md"] {
            let text = try String(contentsOf: out.appendingPathComponent(file), encoding: .utf8)
            #expect(!text.contains(local), "\(file) names \(local)")
        }
        // The summary still says which file each ranked preset came from, relative to the bank.
        let summary = try String(contentsOf: out.appendingPathComponent("summary.json"), encoding: .utf8)
        #expect(summary.contains("toy|preset|bank/p"))
    }

    @Test func summaryJSONHoldsTheFigures() throws {
        let (dir, out) = try Self.report()
        defer { try? FileManager.default.removeItem(at: dir) }
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("summary.json"))) as? [String: Any]
        let toy = try #require((json?["synths"] as? [String: Any])?["toy"] as? [String: Any])
        let metrics = try #require(toy["metrics"] as? [String: Double])
        for name in ["precision", "recall", "density", "coverage"] {
            let value = try #require(metrics[name])
            #expect(value >= 0 && (name == "density" || value <= 1), "\(name) = \(value)")
        }
        #expect((toy["mostOriginalPresets"] as? [Any])?.count == 10)
        // Knob ranking by sweep radius: pitch, decay and brightness each reshape the toy's sound; extra
        // partials barely do, since at the default brightness 0.3 the k-th partial has amplitude 0.3^(k-1).
        // (Which of decay and brightness leads depends on how the learnt space weighs the toy embedder's
        // five descriptors, not on the synth.)
        let knobs = try #require(toy["knobsMovingSoundFurthest"] as? [[String: Any]]).compactMap { $0["parameter"] as? String }
        #expect(knobs.count == 4)
        #expect(Set(knobs.prefix(3)) == ["pitchHz", "decaySeconds", "brightness"])
        #expect(knobs.last == "partials")
        #expect(json?["points"] as? Int == 63)
    }

    @Test func previewDecimatesAndLevels() throws {
        // 1 s of a 100 Hz sine at 44.1 kHz, amplitude 0.1 -> 22,050 Hz, 0.5 s, peak near -1 dBFS.
        let input = (0..<44_100).map { Float(0.1 * sin(2 * Double.pi * 100 * Double($0) / 44_100)) }
        let (samples, rate) = PreviewAudio.levelled(mono: input, sampleRateHz: 44_100, targetRateHz: 22_050, seconds: 0.5)
        #expect(rate == 22_050 && samples.count == 11_025)
        let peak = samples.map { abs($0) }.max() ?? 0
        #expect(abs(peak - 0.891) < 0.01)
        // Silence stays silent (no division by zero).
        let silent = PreviewAudio.levelled(mono: [Float](repeating: 0, count: 1000), sampleRateHz: 8000, targetRateHz: 8000, seconds: 1)
        #expect(silent.samples.allSatisfy { $0 == 0 })
        // The Ogg file decodes back to the same length and level (lossy, so only roughly the same peak).
        let ogg = try PreviewAudio.ogg(mono: input, sampleRateHz: 44_100, targetRateHz: 22_050, seconds: 0.5)
        #expect(String(decoding: ogg.prefix(4), as: UTF8.self) == "OggS")
        // The same sound gives the same bytes (libsndfile draws a random stream serial; it is fixed).
        #expect(try PreviewAudio.ogg(mono: input, sampleRateHz: 44_100, targetRateHz: 22_050, seconds: 0.5) == ogg)
        #expect(ogg.count < 11_025 * 2 / 4)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("preview-\(UUID().uuidString).ogg")
        try ogg.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let decoded = try AudioFile.read(url)
        #expect(decoded.sampleRateHz == 22_050 && decoded.frameCount == 11_025)
        #expect(abs((decoded.channels[0].map { abs($0) }.max() ?? 0) - 0.891) < 0.05)
    }
}
