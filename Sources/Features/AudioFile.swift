// The one file that talks to libsndfile: reads any format it knows into float channels, writes
// WAV (32-bit float) or FLAC (24-bit) by the output file's extension, and encodes Ogg Vorbis in memory.
import CSndFile
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why an audio file could not be read or written (carries libsndfile's message).
public struct AudioFileError: Error, CustomStringConvertible, Sendable {
    public var description: String
}

public enum AudioFile {
    /// Most samples (frames × channels) a file may hold: 2^26 floats (256 MiB), over 12 minutes of
    /// 44.1 kHz stereo. Rendered notes and user waves last seconds; a header claiming more is hostile or
    /// broken (a 42-byte FLAC can claim 2^31 frames of 8 channels, 64 GiB).
    public static let maximumSamples = 1 << 26
    /// Frames read per libsndfile call: memory grows with what the file really holds, not with its header.
    static let framesPerRead = 1 << 16

    /// Reads every frame of an audio file.
    /// - Throws: `AudioFileError` (one line naming the file) when libsndfile cannot open it, its layout is
    ///   impossible, or it holds more than `maximumSamples`.
    public static func read(_ url: URL) throws -> AudioBuffer {
        // We open the file ourselves: O_NONBLOCK so a FIFO or /dev/stdin is refused at once instead of
        // blocking libsndfile forever, and fstat on the open descriptor so nothing can swap the file after.
        let fd = open(url.path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            throw AudioFileError(description: "\(url.path): \(String(cString: strerror(errno)).lowercased())")
        }
        defer { close(fd) }  // after sf_close: libsndfile only reads through DescriptorFile
        var status = stat()
        guard fstat(fd, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            throw AudioFileError(description: "\(url.path): not a regular file")
        }
        // libsndfile reads through callbacks on our descriptor rather than owning it: `sf_open_fd` closed the
        // descriptor itself when it refused a file, so our own close then hit a number another thread had
        // just been given (parallel `embed` read other files as "bad file descriptor" or "no audio frames").
        let source = DescriptorFile(fd, length: sf_count_t(status.st_size))
        let unmanaged = Unmanaged.passRetained(source)
        defer { unmanaged.release() }
        var io = SF_VIRTUAL_IO(
            get_filelen: { user in DescriptorFile.from(user).length },
            seek: { offset, whence, user in DescriptorFile.from(user).seek(offset, whence) },
            read: { ptr, count, user in DescriptorFile.from(user).read(ptr, count) },
            write: { _, _, _ in 0 },
            tell: { user in DescriptorFile.from(user).tell() })
        var info = SF_INFO()
        guard let handle = sf_open_virtual(&io, Int32(SFM_READ), &info, unmanaged.toOpaque()) else {
            throw AudioFileError(description: "\(url.path): \(String(cString: sf_strerror(nil)))")
        }
        defer { sf_close(handle) }
        let channelCount = Int(info.channels)
        guard channelCount > 0, channelCount <= 256, info.frames >= 0 else {
            throw AudioFileError(description: "\(url.path): unsupported layout (\(channelCount) channels, \(info.frames) frames)")
        }
        let claimed = Int(info.frames).multipliedReportingOverflow(by: channelCount)
        guard !claimed.overflow, claimed.partialValue <= maximumSamples else {
            throw AudioFileError(description: "\(url.path): header claims \(info.frames) frames of \(channelCount) channels, "
                                 + "over the limit of \(maximumSamples) samples")
        }
        // Interleaved samples, grown one block at a time up to what the header claims.
        let blockFrames = max(1, min(framesPerRead, Int(info.frames)))
        var interleaved = [Float]()
        interleaved.reserveCapacity(blockFrames * channelCount)
        var block = [Float](repeating: 0, count: blockFrames * channelCount)
        while interleaved.count < claimed.partialValue {
            let wanted = min(blockFrames, (claimed.partialValue - interleaved.count) / channelCount)
            let got = Int(block.withUnsafeMutableBufferPointer { sf_readf_float(handle, $0.baseAddress, sf_count_t(wanted)) })
            if got <= 0 { break }
            interleaved.append(contentsOf: block[0..<(got * channelCount)])
        }
        if channelCount == 1 {
            return AudioBuffer(sampleRateHz: Double(info.samplerate), channels: [interleaved])
        }
        let frames = interleaved.count / channelCount
        var channels = Array(repeating: [Float](repeating: 0, count: frames), count: channelCount)
        for c in 0..<channelCount {
            channels[c].withUnsafeMutableBufferPointer { out in
                for i in 0..<frames { out[i] = interleaved[i * channelCount + c] }
            }
        }
        return AudioBuffer(sampleRateHz: Double(info.samplerate), channels: channels)
    }

    /// Writes `clip` to `url`: `.flac` as 24-bit FLAC (clipped to ±1), anything else as 32-bit float WAV.
    /// The audio goes to a hidden file beside `url` that is renamed over it once complete, so a full disk
    /// or a killed process leaves the old file (or none), never a truncated or empty one.
    public static func write(_ clip: AudioBuffer, to url: URL) throws {
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

    private static func writeWhole(_ clip: AudioBuffer, to file: URL, flac isFlac: Bool, shownAs url: URL) throws {
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

extension AudioFile {
    /// `mono` as an Ogg Vorbis file in memory (libsndfile's virtual I/O, so no temporary file), at
    /// Vorbis quality `quality` in 0...1. Small previews for a web page: a 1.5 s clip at 22 kHz is ~6 KB.
    public static func oggVorbis(mono: [Float], sampleRateHz: Int, quality: Double = 0.3) throws -> Data {
        let sink = MemoryFile()
        var io = SF_VIRTUAL_IO(
            get_filelen: { user in MemoryFile.from(user).length },
            seek: { offset, whence, user in MemoryFile.from(user).seek(offset, whence) },
            read: { ptr, count, user in MemoryFile.from(user).read(ptr, count) },
            write: { ptr, count, user in MemoryFile.from(user).write(ptr, count) },
            tell: { user in MemoryFile.from(user).position })
        var info = SF_INFO()
        info.samplerate = Int32(sampleRateHz)
        info.channels = 1
        info.format = Int32(SF_FORMAT_OGG | SF_FORMAT_VORBIS)
        let unmanaged = Unmanaged.passRetained(sink)
        defer { unmanaged.release() }
        guard let handle = sf_open_virtual(&io, Int32(SFM_WRITE), &info, unmanaged.toOpaque()) else {
            throw AudioFileError(description: "Ogg Vorbis encoder: \(String(cString: sf_strerror(nil)))")
        }
        var level = min(1, max(0, quality))   // libsndfile's VBR scale: 0 lowest, 1 highest quality
        _ = sf_command(handle, Int32(SFC_SET_VBR_ENCODING_QUALITY), &level, Int32(MemoryLayout<Double>.size))
        let written = mono.withUnsafeBufferPointer { sf_writef_float(handle, $0.baseAddress, sf_count_t(mono.count)) }
        let closed = sf_close(handle)
        guard written == mono.count, closed == 0 else {
            throw AudioFileError(description: "Ogg Vorbis encoder: wrote \(written) of \(mono.count) frames")
        }
        return sink.bytes
    }
}

/// A growable byte buffer behind libsndfile's virtual I/O callbacks.
private final class MemoryFile {
    var bytes = Data()
    var position: sf_count_t = 0
    var length: sf_count_t { sf_count_t(bytes.count) }

    static func from(_ user: UnsafeMutableRawPointer?) -> MemoryFile {
        Unmanaged<MemoryFile>.fromOpaque(user!).takeUnretainedValue()
    }

    func seek(_ offset: sf_count_t, _ whence: Int32) -> sf_count_t {
        let base: sf_count_t = whence == SEEK_SET ? 0 : whence == SEEK_CUR ? position : length
        position = max(0, base + offset)
        return position
    }

    func read(_ ptr: UnsafeMutableRawPointer?, _ count: sf_count_t) -> sf_count_t {
        guard let ptr, position < length else { return 0 }
        let n = Int(min(count, length - position))
        bytes.withUnsafeBytes { ptr.copyMemory(from: $0.baseAddress! + Int(position), byteCount: n) }
        position += sf_count_t(n)
        return sf_count_t(n)
    }

    func write(_ ptr: UnsafeRawPointer?, _ count: sf_count_t) -> sf_count_t {
        guard let ptr else { return 0 }
        let n = Int(count), start = Int(position)
        if start > bytes.count { bytes.append(Data(count: start - bytes.count)) }
        let overlap = min(n, bytes.count - start)
        if overlap > 0 {
            bytes.withUnsafeMutableBytes { ($0.baseAddress! + start).copyMemory(from: ptr, byteCount: overlap) }
        }
        if n > overlap { bytes.append(ptr.advanced(by: overlap).assumingMemoryBound(to: UInt8.self), count: n - overlap) }
        position += count
        return count
    }
}

/// An open descriptor behind libsndfile's virtual I/O callbacks, for reading; the descriptor stays ours.
private final class DescriptorFile {
    let fd: Int32
    let length: sf_count_t

    init(_ fd: Int32, length: sf_count_t) {
        self.fd = fd
        self.length = length
    }

    static func from(_ user: UnsafeMutableRawPointer?) -> DescriptorFile {
        Unmanaged<DescriptorFile>.fromOpaque(user!).takeUnretainedValue()
    }

    func seek(_ offset: sf_count_t, _ whence: Int32) -> sf_count_t { sf_count_t(lseek(fd, off_t(offset), whence)) }

    func tell() -> sf_count_t { sf_count_t(lseek(fd, 0, SEEK_CUR)) }

    func read(_ ptr: UnsafeMutableRawPointer?, _ count: sf_count_t) -> sf_count_t {
        guard let ptr, count > 0 else { return 0 }
        var done = 0
        while done < Int(count) {
            let n = Foundation.read(fd, ptr + done, Int(count) - done)
            if n > 0 { done += n } else if n < 0 && errno == EINTR { continue } else { break }
        }
        return sf_count_t(done)
    }
}
