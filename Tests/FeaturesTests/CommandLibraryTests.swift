// `features` and `embed` are one library call each; the calls checked here directly (the commands'
// exit codes and lines are checked in AtlasTests' CommandLineTests).
import Foundation
import NumpyFormat
import Testing
@testable import Features

@Suite struct CommandLibraryTests {
    private func scratch() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("features-call-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// 1 s at 22,050 Hz with librosa's centred framing and hop 512 has 1 + 22050 / 512 = 44 frames.
    @Test func writeArraysWritesEveryArrayWithLibrosasFrameCount() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let wav = folder.appendingPathComponent("tone.wav")
        let tone = (0..<22_050).map { Float(0.5 * sin(2 * Double.pi * 440 * Double($0) / 22_050)) }
        try AudioFile.write(AudioBuffer(sampleRateHz: 22_050, channels: [tone]), to: wav)
        let out = folder.appendingPathComponent("features")
        let frames = try LibrosaFeatures.writeArrays(of: wav, to: out, nMels: 40, nMFCC: 13)
        #expect(frames == 44)
        let mfcc = try NumpyArray.read(contentsOf: out.appendingPathComponent("mfcc.npy"))
        #expect(mfcc.shape == [13, 44])
        let rms = try NumpyArray.read(contentsOf: out.appendingPathComponent("rms.npy"))
        #expect(rms.shape == [44])
    }

    @Test func writeArraysOfAMissingFileIsOneLineNamingIt() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = folder.appendingPathComponent("missing.wav")
        #expect { try LibrosaFeatures.writeArrays(of: missing, to: folder) } throws: { error in
            "\(error)".contains("missing.wav") && !"\(error)".contains("\n")
        }
    }

    @Test func embedWithNoAudioAmongTheInputsSaysSo() throws {
        var problems: [String] = []
        #expect {
            try BatchEmbedder().embed(inputs: ["/nonexistent/renders"], out: URL(fileURLWithPath: "/tmp/never.npy"),
                                      problem: { problems.append($0) })
        } throws: { "\($0)" == "no audio files found in /nonexistent/renders" }
        #expect(problems == ["/nonexistent/renders: no such file or folder"])
    }
}
