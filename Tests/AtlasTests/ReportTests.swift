// The report: hostile names stay text, files parse, the page holds every point, previews are real WAVs.
import Foundation
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
            #expect(!text.contains("<img"), "\(file)")
            #expect(!text.contains("<script>alert"), "\(file)")
            #expect(!text.contains("onerror=alert(1)>"), "\(file)")
        }
        let html = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        // The name reaches the page as JSON with < escaped, decoding back to the exact text.
        #expect(html.contains("\\u003cimg src=x onerror=alert(1)\\u003e"))
        // Exactly three script elements: the two JSON blocks and the page's own code.
        #expect(html.components(separatedBy: "<script").count - 1 == 3)
        #expect(html.components(separatedBy: "</script>").count - 1 == 3)
        let svg = try String(contentsOf: out.appendingPathComponent("map.svg"), encoding: .utf8)
        #expect(svg.contains("&lt;img src=x onerror=alert(1)&gt;"))
        // The SVG is well-formed XML.
        let root = try XMLParser.parse(Data(svg.utf8))
        #expect(root.name == "svg")
        #expect(root.all("circle").count == 63)
    }

    @Test func thePageHoldsEveryPointAndPlayablePreviews() throws {
        let (dir, out) = try Self.report()
        defer { try? FileManager.default.removeItem(at: dir) }
        let html = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        func jsonBlock(_ id: String) throws -> [String: Any] {
            let start = try #require(html.range(of: "<script type=\"application/json\" id=\"\(id)\">"))
            let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
            let object = try JSONSerialization.jsonObject(with: Data(html[start.upperBound..<end.lowerBound].utf8))
            return try #require(object as? [String: Any])
        }
        let data = try jsonBlock("atlas-data")
        let names = try #require(data["name"] as? [String])
        #expect(names.count == 63)
        #expect((data["x"] as? [Any])?.count == 63)
        #expect(names.contains(Self.hostile))
        #expect(names.contains(Self.tricky))
        let audio = try jsonBlock("atlas-audio")
        #expect(audio.count == 10 + 1 + 5)
        // Each preview is a 16-bit mono PCM WAV at the preview rate, previewSeconds long.
        for case let b64 as String in audio.values {
            let wav = try #require(Data(base64Encoded: b64))
            #expect(String(decoding: wav.prefix(4), as: UTF8.self) == "RIFF")
            let rate = wav[24..<28].enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
            let bits = Int(wav[34]) | Int(wav[35]) << 8
            #expect(rate == 4000 && bits == 16)
            #expect(wav.count == 44 + 2 * 400)
        }
        // No network: nothing in the page loads from elsewhere.
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("src=\""))
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
        // Knob ranking by sweep radius: pitch and decay move the toy's sound most; extra partials barely
        // do, since at the default brightness 0.3 the k-th partial has amplitude 0.3^(k-1).
        let knobs = try #require(toy["knobsMovingSoundFurthest"] as? [[String: Any]]).compactMap { $0["parameter"] as? String }
        #expect(knobs.count == 4)
        #expect(Set(knobs.prefix(2)) == ["pitchHz", "decaySeconds"])
        #expect(knobs.last == "partials")
        #expect(json?["points"] as? Int == 63)
    }

    @Test func previewDecimatesAndLevels() {
        // 1 s of a 100 Hz sine at 44.1 kHz, amplitude 0.1 -> 22,050 Hz, 0.5 s, peak near -1 dBFS.
        let input = (0..<44_100).map { Float(0.1 * sin(2 * Double.pi * 100 * Double($0) / 44_100)) }
        let wav = PreviewAudio.wav(mono: input, sampleRateHz: 44_100, targetRateHz: 22_050, seconds: 0.5)
        #expect(wav.count == 44 + 2 * 11_025)
        let samples = stride(from: 44, to: wav.count, by: 2).map { Int16(bitPattern: UInt16(wav[$0]) | UInt16(wav[$0 + 1]) << 8) }
        let peak = samples.map { abs(Int($0)) }.max() ?? 0
        #expect(abs(Double(peak) / 32767 - 0.891) < 0.01)
        // Silence stays silent (no division by zero).
        let silent = PreviewAudio.wav(mono: [Float](repeating: 0, count: 1000), sampleRateHz: 8000, targetRateHz: 8000, seconds: 1)
        #expect(silent.dropFirst(44).allSatisfy { $0 == 0 })
    }
}
