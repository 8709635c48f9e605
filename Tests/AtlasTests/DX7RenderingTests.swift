// DX7 banks through the shared rendering path: a voice picked by index, a clear error for an index
// out of range, and a batch that renders every voice of every bank.
import Foundation
import Testing
@testable import Atlas
import Formats
import Synthesis

@Suite struct DX7RenderingTests {
    /// A folder holding one 32-voice bulk dump whose voice k plays OP1 at ratio k+1 (as `bank.syx`).
    static func makeBank() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dx7-render-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let voices = (0..<32).map { k -> DX7VoiceData in
            var voice = DX7VoiceData()
            voice.operators[0].coarse = UInt8(k % 8 + 1)
            voice.nameBytes = Array(String(format: "RATIO %02d  ", k).utf8.prefix(10))
            return voice
        }
        try Data(try DX7SysEx.bulkDump(voices)).write(to: folder.appendingPathComponent("bank.syx"))
        return folder
    }

    @Test func renderPicksAVoiceByIndex() throws {
        let folder = try Self.makeBank()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bank = folder.appendingPathComponent("bank.syx")
        let rendering = PresetRendering()
        let settings = RenderSettings(note: 57, velocity: 100, holdSeconds: 0.3, tailSeconds: 0.05)
        // Voice 2 plays at ratio 3: its strongest partial is 3 × 220 Hz.
        let clip = try rendering.render(bank, index: 2, settings: settings)
        let x = clip.channels[0]
        func magnitude(_ hz: Double) -> Double {
            var re = 0.0, im = 0.0
            for i in 2000..<10_000 {
                let phase = 2 * Double.pi * hz * Double(i) / 44_100
                re += Double(x[i]) * cos(phase); im += Double(x[i]) * sin(phase)
            }
            return (re * re + im * im).squareRoot()
        }
        #expect(magnitude(660) > 10 * magnitude(220))
        #expect(throws: PresetError.self) { _ = try rendering.render(bank, index: 32, settings: settings) }
    }

    @Test func batchRendersEveryVoiceOfABank() throws {
        let folder = try Self.makeBank()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let report = BatchRender.run(files: [folder.appendingPathComponent("bank.syx")],
                                     settings: RenderSettings(note: 60, holdSeconds: 0.05, tailSeconds: 0.05),
                                     rendering: PresetRendering(), jobs: 2, outputDirectory: out, format: "wav",
                                     showProgress: false)
        #expect(report.rendered == 1 && report.failed == 0 && report.patches == 32)
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(files.count == 32)
        #expect(files.first == "bank_000.wav" && files.last == "bank_031.wav")
    }
}
