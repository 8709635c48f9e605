// libsndfile round trips: WAV keeps float samples exactly, FLAC within 24-bit resolution.
import Foundation
import Testing
@testable import Features

@Suite struct AudioFileTests {
    func tone() -> AudioClip {
        let left = (0..<4410).map { Float(0.5 * sin(2 * Double.pi * 440 * Double($0) / 44_100)) }
        return AudioClip(sampleRateHz: 44_100, channels: [left, left.map { -$0 }])
    }

    @Test(arguments: ["wav", "flac"]) func roundTrip(_ ext: String) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pa-\(UUID()).\(ext)")
        defer { try? FileManager.default.removeItem(at: url) }
        let clip = tone()
        try AudioFile.write(clip, to: url)
        let back = try AudioFile.read(url)
        #expect(back.sampleRateHz == 44_100)
        #expect(back.channels.count == 2)
        #expect(back.frameCount == clip.frameCount)
        let maxError = zip(back.channels[1], clip.channels[1]).map { abs($0 - $1) }.max() ?? 1
        #expect(maxError <= (ext == "wav" ? 0 : 2e-7))
    }

    @Test func missingFileNamesThePath() {
        do { _ = try AudioFile.read(URL(fileURLWithPath: "/nonexistent/x.wav")); Issue.record("no error") } catch {
            #expect("\(error)".contains("/nonexistent/x.wav"))
        }
    }
}
