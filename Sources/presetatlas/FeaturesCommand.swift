// `presetatlas features AUDIO --out DIR`: writes librosa-comparable feature arrays (.npy) for one file.
import ArgumentParser
import Features
import Foundation

struct FeaturesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "features",
        abstract: "Write librosa-comparable spectral features of one audio file as float32 .npy arrays.",
        discussion: """
        Writes power_stft.npy [1+n_fft/2, frames], log_mel.npy [n_mels, frames], mfcc.npy [n_mfcc, frames],
        and centroid, bandwidth, flatness, rolloff, zcr, rms .npy [frames], with librosa's names and
        settings (centred Hann frames, zero padding, Slaney mel, power_to_db ref=1 amin=1e-10, DCT-II ortho),
        so they can be checked against librosa. The audio is mixed down to mono.

        Example:
          presetatlas features ../shared/fixtures/librosa/chirp.wav --out /tmp/chirp-features
        """)

    @Argument(help: "An audio file (WAV, FLAC, anything libsndfile reads).")
    var audio: String

    @Option(help: "Output folder (created if missing).")
    var out: String

    @Option(name: .customLong("n-fft"), help: "FFT size in samples (librosa n_fft).")
    var nFFT: Int = 2048

    @Option(name: .customLong("hop-length"), help: "Hop size in samples (librosa hop_length).")
    var hopLength: Int = 512

    @Option(name: .customLong("n-mels"), help: "Number of mel bands (librosa n_mels).")
    var nMels: Int = 128

    @Option(name: .customLong("n-mfcc"), help: "Number of MFCCs (librosa n_mfcc).")
    var nMFCC: Int = 20

    func validate() throws {
        guard nFFT >= 16, nFFT % 2 == 0, nFFT <= 1 << 16 else { throw ValidationError("--n-fft must be even, 16...65536") }
        guard hopLength >= 1, hopLength <= nFFT else { throw ValidationError("--hop-length must be 1...n_fft") }
        guard nMels >= 1, nMels <= 1024 else { throw ValidationError("--n-mels must be 1...1024") }
        guard nMFCC >= 1, nMFCC <= nMels else { throw ValidationError("--n-mfcc must be 1...n_mels") }
    }

    func run() throws {
        let folder = URL(fileURLWithPath: out)
        let frames: Int
        do {
            frames = try LibrosaFeatures.writeArrays(of: URL(fileURLWithPath: audio), to: folder, nFFT: nFFT,
                                                     hopLength: hopLength, nMels: nMels, nMFCC: nMFCC)
        } catch {
            throw commandFailure("\(error)")
        }
        print("\(audio): \(frames) frames -> \(folder.path)")
    }
}
