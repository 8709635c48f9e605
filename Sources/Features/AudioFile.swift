// The one file that talks to libsndfile: reads any format it knows into float channels, and writes
// WAV (32-bit float) or FLAC (24-bit), chosen by the output file's extension.
import CSndFile
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Audio as one `[Float]` per channel at one sample rate.
public struct AudioClip: Sendable {
    public var sampleRateHz: Double
    public var channels: [[Float]]

    public init(sampleRateHz: Double, channels: [[Float]]) {
        self.sampleRateHz = sampleRateHz
        self.channels = channels
    }

    public var frameCount: Int { channels.first?.count ?? 0 }

    /// The mean of the channels.
    public var mono: [Float] {
        guard channels.count > 1 else { return channels.first ?? [] }
        var sum = [Float](repeating: 0, count: frameCount)
        for c in channels { for i in 0..<frameCount { sum[i] += c[i] } }
        let scale = 1 / Float(channels.count)
        return sum.map { $0 * scale }
    }
}

/// Why an audio file could not be read or written (carries libsndfile's message).
public struct AudioFileError: Error, CustomStringConvertible, Sendable {
    public var description: String
}

public enum AudioFile {
    /// Reads every frame of an audio file.
    public static func read(_ url: URL) throws -> AudioClip {
        var info = SF_INFO()
        guard let handle = sf_open(url.path, Int32(SFM_READ), &info) else {
            throw AudioFileError(description: "\(url.path): \(String(cString: sf_strerror(nil)))")
        }
        defer { sf_close(handle) }
        let channelCount = Int(info.channels)
        let frames = Int(info.frames)
        guard channelCount > 0, frames >= 0, frames < 1 << 31 else {
            throw AudioFileError(description: "\(url.path): unsupported layout (\(channelCount) channels, \(frames) frames)")
        }
        if channelCount == 1 {
            // Mono: read straight into the channel, no interleaved copy.
            var samples = [Float](repeating: 0, count: frames)
            let got = Int(samples.withUnsafeMutableBufferPointer { sf_readf_float(handle, $0.baseAddress, sf_count_t(frames)) })
            if got < frames { samples.removeLast(frames - max(0, got)) }
            return AudioClip(sampleRateHz: Double(info.samplerate), channels: [samples])
        }
        var interleaved = [Float](repeating: 0, count: frames * channelCount)
        let got = Int(interleaved.withUnsafeMutableBufferPointer { sf_readf_float(handle, $0.baseAddress, sf_count_t(frames)) })
        var channels = Array(repeating: [Float](repeating: 0, count: got), count: channelCount)
        for c in 0..<channelCount {
            channels[c].withUnsafeMutableBufferPointer { out in
                for i in 0..<got { out[i] = interleaved[i * channelCount + c] }
            }
        }
        return AudioClip(sampleRateHz: Double(info.samplerate), channels: channels)
    }

    /// Writes `clip` to `url`: `.flac` as 24-bit FLAC (clipped to ±1), anything else as 32-bit float WAV.
    /// The audio goes to a hidden file beside `url` that is renamed over it once complete, so a full disk
    /// or a killed process leaves the old file (or none), never a truncated or empty one.
    public static func write(_ clip: AudioClip, to url: URL) throws {
        let partial = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.deletingPathExtension().lastPathComponent).partial-\(UUID().uuidString).\(url.pathExtension)")
        do {
            try writeWhole(clip, to: partial, flac: url.pathExtension.lowercased() == "flac", shownAs: url)
            guard rename(partial.path, url.path) == 0 else {
                throw AudioFileError(description: "\(url.path): \(String(cString: strerror(errno)))")
            }
        } catch {
            unlink(partial.path)
            throw error
        }
    }

    private static func writeWhole(_ clip: AudioClip, to file: URL, flac isFlac: Bool, shownAs url: URL) throws {
        let channelCount = clip.channels.count
        guard channelCount > 0 else { throw AudioFileError(description: "\(url.path): no channels to write") }
        var info = SF_INFO()
        info.samplerate = Int32(clip.sampleRateHz.rounded())
        info.channels = Int32(channelCount)
        info.format = isFlac ? Int32(SF_FORMAT_FLAC | SF_FORMAT_PCM_24) : Int32(SF_FORMAT_WAV | SF_FORMAT_FLOAT)
        guard let handle = sf_open(file.path, Int32(SFM_WRITE), &info) else {
            throw AudioFileError(description: "\(url.path): \(String(cString: sf_strerror(nil)))")
        }
        var closed = false
        defer { if !closed { sf_close(handle) } }
        if isFlac {
            // Clip rather than let libsndfile wrap out-of-range values.
            _ = sf_command(handle, Int32(SFC_SET_CLIPPING), nil, Int32(SF_TRUE))
        }
        let frames = clip.frameCount
        var interleaved = [Float](repeating: 0, count: frames * channelCount)
        for c in 0..<channelCount {
            let channel = clip.channels[c]
            for i in 0..<frames { interleaved[i * channelCount + c] = channel[i] }
        }
        let written = interleaved.withUnsafeBufferPointer { sf_writef_float(handle, $0.baseAddress, sf_count_t(frames)) }
        guard written == frames else {
            throw AudioFileError(description: "\(url.path): wrote \(written) of \(frames) frames: \(String(cString: sf_strerror(handle)))")
        }
        // Closing writes the header's final sizes (and FLAC's last block): a failure there is a bad file too.
        closed = true
        let status = sf_close(handle)
        guard status == 0 else {
            throw AudioFileError(description: "\(url.path): \(String(cString: sf_error_number(status)))")
        }
    }
}
