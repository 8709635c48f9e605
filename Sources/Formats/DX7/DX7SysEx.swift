// Reads and writes DX7 voice files: 32-voice bulk dumps (4,104 bytes), single-voice dumps (163
// bytes), several dumps in one file, and raw banks of 128-byte packed voices (hexter's `.dx7`).
// Framing and checksum: FORMAT.md §1; the scan-then-fallback strategy follows hexter's loader.
import Foundation

/// Why a DX7 file could not be read (one line naming the file and the problem).
public struct DX7FormatError: Error, CustomStringConvertible, Sendable {
    public var file: String
    public var problem: String
    public init(file: String, problem: String) {
        self.file = file
        self.problem = problem
    }
    public var description: String { file.isEmpty ? problem : "\(file): \(problem)" }
}

/// The voices of one DX7 file, in file order, and what was wrong but tolerated.
public struct DX7Bank: Sendable, Equatable {
    public var voices: [DX7VoiceData]
    /// One line per tolerated problem (bad checksum, masked stray bits, out-of-range fields).
    public var warnings: [String]

    public init(voices: [DX7VoiceData], warnings: [String] = []) {
        self.voices = voices
        self.warnings = warnings
    }
}

public enum DX7SysEx {
    /// Files above this size are refused unread (hexter's limit is 2 MiB; we allow a little more
    /// for multi-bank archives).
    public static let maximumFileBytes = 8 << 20
    static let bulkDumpSize = 4104
    static let singleDumpSize = 163

    /// Reads a DX7 file from disk.
    public static func read(_ url: URL) throws -> DX7Bank {
        let name = url.lastPathComponent
        let data: Data
        do { data = try InputFile.read(url, maximumBytes: maximumFileBytes) } catch {
            throw DX7FormatError(file: name, problem: "\(error)")
        }
        return try decode([UInt8](data), fileName: name)
    }

    /// Whether a file looks like DX7 voice data: a Yamaha voice dump header at the start, or a raw
    /// packed bank (a multiple of 128 bytes) whose first voice has at most `tolerance` odd bytes.
    public static func looksLikeDX7(_ data: Data) -> Bool {
        let head = [UInt8](data.prefix(DX7VoiceData.packedSize))
        if head.count >= 6, head[0] == 0xF0, head[1] == 0x43, head[2] & 0xF0 == 0,
           head[3] == 0x09 || head[3] == 0x00 { return true }
        guard data.count >= 128, data.count % 128 == 0, head.count == 128 else { return false }
        return oddBytes(packedVoice: head) <= tolerance
    }

    /// Odd bytes a raw packed voice may have and still be sniffed as one. hexter loads headerless banks
    /// with stray bits or EG values over 99 (decode masks and reports them), so one odd byte must not
    /// hide a voice; random or text data of the same length has dozens.
    static let tolerance = 8

    /// Bytes of a packed voice with bits outside its fields, EG rates or levels over 99, or a name
    /// character below space.
    static func oddBytes(packedVoice bytes: [UInt8]) -> Int {
        var odd = zip(bytes, DX7VoiceData.packedFieldMask).filter { $0.0 & ~$0.1 != 0 }.count
        for op in 0..<6 { odd += bytes[(op * 17)..<(op * 17 + 8)].filter { $0 & 0x7F > 99 }.count }
        odd += bytes[118..<128].filter { $0 & 0x7F < 0x20 }.count
        return odd
    }

    /// Decodes every voice in `bytes`: all bulk and single-voice dumps found anywhere in the file,
    /// else (no dump header at all) raw 128-byte packed voices. Throws on a wrong header or length.
    public static func decode(_ bytes: [UInt8], fileName: String) throws -> DX7Bank {
        guard !bytes.isEmpty else { throw DX7FormatError(file: fileName, problem: "empty file") }
        if bytes.count > maximumFileBytes {
            throw DX7FormatError(file: fileName, problem: "\(bytes.count) bytes is too large for a DX7 voice file")
        }
        var voices: [DX7VoiceData] = []
        var warnings: [String] = []
        var sawYamahaHeader = false
        var firstProblem: String?
        var i = 0
        while i + 6 <= bytes.count {
            guard bytes[i] == 0xF0, bytes[i + 1] == 0x43, bytes[i + 2] & 0xF0 == 0 else { i += 1; continue }
            let format = bytes[i + 3]
            if format == 0x09 || format == 0x00 { sawYamahaHeader = true }
            if format == 0x09, bytes[i + 4] == 0x20, bytes[i + 5] == 0x00 {
                guard i + bulkDumpSize <= bytes.count, bytes[i + bulkDumpSize - 1] == 0xF7 else {
                    firstProblem = firstProblem ?? "bulk dump at byte \(i) is truncated or unterminated (needs 4,104 bytes ending in F7, file has \(bytes.count - i) from there)"
                    i += 1
                    continue
                }
                let data = bytes[(i + 6)..<(i + 4102)]
                checkChecksum(data, stated: bytes[i + 4102], what: "bulk dump at byte \(i)", warnings: &warnings)
                for k in 0..<32 {
                    let start = i + 6 + 128 * k
                    let packed = bytes[start..<(start + 128)]
                    voices.append(voice(packed: packed, label: "voice \(voices.count + 1)", warnings: &warnings))
                }
                i += bulkDumpSize
            } else if format == 0x00, bytes[i + 4] == 0x01, bytes[i + 5] == 0x1B {
                guard i + singleDumpSize <= bytes.count, bytes[i + singleDumpSize - 1] == 0xF7 else {
                    firstProblem = firstProblem ?? "single-voice dump at byte \(i) is truncated or unterminated (needs 163 bytes ending in F7)"
                    i += 1
                    continue
                }
                let data = bytes[(i + 6)..<(i + 161)]
                checkChecksum(data, stated: bytes[i + 161], what: "single-voice dump at byte \(i)", warnings: &warnings)
                let decoded = DX7VoiceData(unpacked: data)
                if data.contains(where: { $0 >= 0x80 }) {
                    warnings.append("voice \(voices.count + 1): bytes >= 0x80 masked to 7 bits")
                }
                voices.append(decoded)
                i += singleDumpSize
            } else {
                if format == 0x09 || format == 0x00 {
                    firstProblem = firstProblem ?? String(format: "dump at byte %d has byte count %02X %02X, expected 20 00 (32 voices) or 01 1B (one voice)", i, bytes[i + 4], bytes[i + 5])
                }
                i += 1
            }
        }
        if !voices.isEmpty {
            if let firstProblem { warnings.append(firstProblem) }
            return DX7Bank(voices: voices, warnings: warnings)
        }
        if let firstProblem { throw DX7FormatError(file: fileName, problem: "\(firstProblem)") }
        if sawYamahaHeader || bytes[0] == 0xF0 {
            throw DX7FormatError(file: fileName, problem: "SysEx data holds no DX7 bulk (F0 43 0n 09 20 00) or single-voice (F0 43 0n 00 01 1B) dump")
        }
        // Raw packed voices, as in hexter's .dx7 banks.
        guard bytes.count % 128 == 0 else {
            throw DX7FormatError(file: fileName, problem: "\(bytes.count) bytes is neither a SysEx dump nor a multiple of 128 (raw packed voices)")
        }
        for k in 0..<(bytes.count / 128) {
            voices.append(voice(packed: bytes[(128 * k)..<(128 * k + 128)], label: "voice \(k + 1)", warnings: &warnings))
        }
        return DX7Bank(voices: voices, warnings: warnings)
    }

    private static func voice(packed: ArraySlice<UInt8>, label: String, warnings: inout [String]) -> DX7VoiceData {
        let decoded = DX7VoiceData(packed: packed)
        let stray = DX7VoiceData.strayBitCount(packed: packed)
        if stray > 0 { warnings.append("\(label) (\(decoded.name)): \(stray) stray bit(s) outside the fields masked off") }
        return decoded
    }

    private static func checkChecksum(_ data: ArraySlice<UInt8>, stated: UInt8, what: String, warnings: inout [String]) {
        let expected = checksum(data)
        if stated != expected {
            warnings.append(String(format: "%@: checksum %02X, expected %02X (loaded anyway)", what, stated, expected))
        }
    }

    /// The DX7 checksum: two's complement of the sum of the data bytes, low 7 bits (FORMAT.md §1.4).
    public static func checksum<C: Collection>(_ data: C) -> UInt8 where C.Element == UInt8 {
        let sum = data.reduce(0) { ($0 + Int($1)) & 0x7F }
        return UInt8((128 - sum) & 0x7F)
    }

    // MARK: Writing

    /// A 32-voice bulk dump (4,104 bytes). Fewer than 32 voices are padded with init voices;
    /// more than 32 are refused.
    public static func bulkDump(_ voices: [DX7VoiceData], channel: Int = 0) throws -> [UInt8] {
        guard voices.count <= 32 else { throw DX7FormatError(file: "", problem: "a bulk dump holds 32 voices, got \(voices.count)") }
        var data: [UInt8] = []
        data.reserveCapacity(4096)
        for k in 0..<32 { data += (k < voices.count ? voices[k] : DX7VoiceData()).packed }
        return [0xF0, 0x43, UInt8(channel & 0x0F), 0x09, 0x20, 0x00] + data + [checksum(data), 0xF7]
    }

    /// A single-voice dump (163 bytes, unpacked VCED layout).
    public static func singleVoiceDump(_ voice: DX7VoiceData, channel: Int = 0) -> [UInt8] {
        let data = voice.unpacked
        return [0xF0, 0x43, UInt8(channel & 0x0F), 0x00, 0x01, 0x1B] + data + [checksum(data), 0xF7]
    }
}
