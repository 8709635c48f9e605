// `presetatlas features` as one library call: one audio file in, librosa-comparable arrays out as .npy
// files in a folder. The command only parses options.
import Foundation
import NumpyFormat

extension LibrosaFeatures {
    /// Reads `audio` (mixed down to mono), computes the features with librosa's settings and writes each
    /// array as `<name>.npy` into `folder` (created if missing). Returns the number of frames.
    /// - Throws: `AudioFileError` for audio that cannot be read, holds no frames or holds NaN/infinite
    ///   samples; `NumpyArrayError` when the folder or a file cannot be written; `FeatureSettingsError` for
    ///   settings the transforms cannot use. Each is one line naming the file.
    public static func writeArrays(of audio: URL, to folder: URL, nFFT: Int = 2048, hopLength: Int = 512,
                                   nMels: Int = 128, nMFCC: Int = 20) throws -> Int {
        let clip = try AudioFile.read(audio)
        guard clip.frameCount > 0 else { throw AudioFileError(description: "\(audio.relativePath): no audio frames") }
        guard clip.channels.allSatisfy({ $0.allSatisfy(\.isFinite) }) else {
            throw AudioFileError(description: "\(audio.relativePath): holds NaN or infinite samples")
        }
        do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
            throw NumpyArrayError(file: folder.relativePath, problem: "cannot create the folder (\(error.localizedDescription))")
        }
        let features = try LibrosaFeatures(signal: clip.mono, sr: clip.sampleRateHz, nFFT: nFFT, hopLength: hopLength,
                                           nMels: nMels, nMFCC: nMFCC)
        for (name, array) in features.arrays() { try array.write(to: folder.appendingPathComponent("\(name).npy")) }
        return features.power.frameCount
    }
}
