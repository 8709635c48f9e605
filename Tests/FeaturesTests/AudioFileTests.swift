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

/// Audio headers that lie about their size: one error line naming the file, never a 64 GiB allocation.
@Suite struct HostileAudioHeaderTests {
    /// A 42-byte FLAC: "fLaC", then only a STREAMINFO block claiming `frames` frames of `channels` channels.
    static func flacHeader(frames: UInt64, channels: Int, sampleRateHz: Int = 44_100) -> [UInt8] {
        var bytes: [UInt8] = Array("fLaC".utf8) + [0x80, 0, 0, 34]  // last metadata block, STREAMINFO, 34 bytes
        bytes += [0x10, 0x00, 0x10, 0x00]  // min and max block size 4096
        bytes += [0, 0, 0, 0, 0, 0]        // min and max frame size unknown
        // 20 bits sample rate, 3 bits channels-1, 5 bits bits-per-sample-1 (16), 36 bits total samples.
        var packed = UInt64(sampleRateHz) << 44 | UInt64(channels - 1) << 41 | UInt64(15) << 36 | (frames & 0xF_FFFF_FFFF)
        var field: [UInt8] = []
        for _ in 0..<8 { field.insert(UInt8(packed & 0xFF), at: 0); packed >>= 8 }
        bytes += field
        bytes += [UInt8](repeating: 0, count: 16)  // MD5 unknown
        return bytes
    }

    @Test func flacClaiming64GiBIsRefusedWithOneLine() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pa-huge-\(UUID()).flac")
        defer { try? FileManager.default.removeItem(at: url) }
        let bytes = Self.flacHeader(frames: (1 << 31) - 1, channels: 8)
        #expect(bytes.count == 42)
        try Data(bytes).write(to: url)
        do {
            let clip = try AudioFile.read(url)
            Issue.record("read \(clip.frameCount) frames from a header-only FLAC")
        } catch {
            let line = "\(error)"
            #expect(line.contains(url.path))
            #expect(!line.contains("\n"))
        }
    }

    @Test func headerWithinTheLimitButNoAudioReadsWhatIsThere() throws {
        // 1000 frames claimed, none present: the clip holds what the file really has (no frames), not zeros.
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pa-empty-\(UUID()).flac")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(Self.flacHeader(frames: 1000, channels: 2)).write(to: url)
        if let clip = try? AudioFile.read(url) { #expect(clip.frameCount == 0) }
    }
}

/// Note times reach frame indices through Int(Double): the public entry refuses what would trap there.
@Suite struct EmbeddingNoteTimeTests {
    @Test(arguments: [(Double.nan, 1.0), (0, .infinity), (0, 1e300), (-1, 1), (2, 1)])
    func impossibleNoteTimesThrowInsteadOfTrapping(_ times: (Double, Double)) {
        let signal = [Float](repeating: 0.1, count: 22_050)
        #expect(throws: EmbeddingError.self) {
            try EmbeddingExtractor(sr: 22_050).embedding(signal, noteOnSeconds: times.0, noteOffSeconds: times.1)
        }
    }
}
