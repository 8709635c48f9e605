// One Yamaha DX7 voice decoded once into named, range-checked fields, with the packed (128-byte,
// bulk dump) and unpacked (155-byte, single-voice VCED) layouts. Layout facts: the DX7 MIDI data
// sheet as summarised in ../shared/corpora/dx7/FORMAT.md §2-3. Stored data lists OP6 first; here
// `operators[0]` is OP1, as on the front panel.

/// One operator of a DX7 voice, values as stored (masked to their bits, not clamped).
public struct DX7OperatorData: Sendable, Equatable {
    /// EG rates 1-4, 0-99 (99 fastest).
    public var egRates: [UInt8] = [99, 99, 99, 99]
    /// EG levels 1-4, 0-99.
    public var egLevels: [UInt8] = [99, 99, 99, 0]
    /// Keyboard level scaling break point 0-99 (MIDI note = value + 21).
    public var breakPoint: UInt8 = 0
    public var leftDepth: UInt8 = 0
    public var rightDepth: UInt8 = 0
    /// 0 = -LIN, 1 = -EXP, 2 = +EXP, 3 = +LIN.
    public var leftCurve: UInt8 = 0
    public var rightCurve: UInt8 = 0
    /// Keyboard rate scaling 0-7.
    public var rateScaling: UInt8 = 0
    /// Amplitude modulation sensitivity 0-3.
    public var ampModSensitivity: UInt8 = 0
    /// Key velocity sensitivity 0-7.
    public var velocitySensitivity: UInt8 = 0
    /// Output level 0-99.
    public var outputLevel: UInt8 = 0
    /// 0 = ratio, 1 = fixed frequency.
    public var oscillatorMode: UInt8 = 0
    /// Frequency coarse 0-31.
    public var coarse: UInt8 = 1
    /// Frequency fine 0-99.
    public var fine: UInt8 = 0
    /// Detune 0-14, 7 = none.
    public var detune: UInt8 = 7

    public init() {}
}

/// A whole DX7 voice (the 155 VCED parameters), values as stored.
public struct DX7VoiceData: Sendable, Equatable {
    /// OP1 ... OP6 (front-panel order; the reverse of the stored order).
    public var operators: [DX7OperatorData]
    public var pitchEGRates: [UInt8] = [99, 99, 99, 99]
    /// Pitch EG levels, 50 = no shift.
    public var pitchEGLevels: [UInt8] = [50, 50, 50, 50]
    /// Algorithm as stored, 0-31 (the panel shows 1-32).
    public var algorithm: UInt8 = 0
    public var feedback: UInt8 = 0
    public var oscillatorKeySync: UInt8 = 1
    public var lfoSpeed: UInt8 = 35
    public var lfoDelay: UInt8 = 0
    public var lfoPitchModDepth: UInt8 = 0
    public var lfoAmpModDepth: UInt8 = 0
    public var lfoKeySync: UInt8 = 1
    /// 0 triangle, 1 saw down, 2 saw up, 3 square, 4 sine, 5 sample and hold.
    public var lfoWave: UInt8 = 0
    public var pitchModSensitivity: UInt8 = 3
    /// 0-48, 24 = no transpose.
    public var transpose: UInt8 = 24
    /// The 10 name bytes as stored (may hold control or 8-bit bytes; see `name`).
    public var nameBytes: [UInt8] = Array("INIT VOICE".utf8)
    /// Bits a packed voice had outside every field (128 bytes), or empty for a clean voice. They
    /// never reach the sound; they are kept only so that writing the voice back reproduces the file.
    public var strayBits: [UInt8] = []

    /// The DX7's "voice initialize" voice (FORMAT.md §2): OP1 at level 99, others silent.
    public init() {
        var op1 = DX7OperatorData()
        op1.outputLevel = 99
        operators = [op1] + Array(repeating: DX7OperatorData(), count: 5)
    }

    /// The name as printable ASCII: the DX7 LCD shows 0x5C as a yen sign and 0x7E/0x7F as arrows;
    /// anything outside 0x20...0x7F becomes a space (as hexter's loader does); trailing spaces trimmed.
    public var name: String {
        let characters = nameBytes.map { byte -> Character in
            switch byte {
            case 0x5C: return "Y"
            case 0x7E: return ">"
            case 0x7F: return "<"
            case 0x20..<0x7F: return Character(Unicode.Scalar(byte))
            default: return " "
            }
        }
        let text = String(characters)
        var end = text.endIndex
        while end > text.startIndex, text[text.index(before: end)] == " " { end = text.index(before: end) }
        return String(text[..<end])
    }
}

// MARK: - Packed layout (32-voice bulk dump, hexter's .dx7 banks)

extension DX7VoiceData {
    public static let packedSize = 128
    public static let unpackedSize = 155

    /// Decodes 128 packed bytes (FORMAT.md §3). Every field is masked to its bits; `strayBits`
    /// reports set bits outside any field (bit 7, or the documented unused bits).
    public init(packed bytes: ArraySlice<UInt8>) {
        // Short input is zero-padded so a caller's mistake can never read out of bounds.
        let b = Array(bytes.prefix(Self.packedSize)) + [UInt8](repeating: 0, count: Swift.max(0, Self.packedSize - bytes.count))
        self.init()
        for stored in 0..<6 {
            let o = stored * 17
            var op = DX7OperatorData()
            op.egRates = (0..<4).map { b[o + $0] & 0x7F }
            op.egLevels = (0..<4).map { b[o + 4 + $0] & 0x7F }
            op.breakPoint = b[o + 8] & 0x7F
            op.leftDepth = b[o + 9] & 0x7F
            op.rightDepth = b[o + 10] & 0x7F
            op.leftCurve = b[o + 11] & 0x03
            op.rightCurve = (b[o + 11] >> 2) & 0x03
            op.rateScaling = b[o + 12] & 0x07
            op.detune = (b[o + 12] >> 3) & 0x0F
            op.ampModSensitivity = b[o + 13] & 0x03
            op.velocitySensitivity = (b[o + 13] >> 2) & 0x07
            op.outputLevel = b[o + 14] & 0x7F
            op.oscillatorMode = b[o + 15] & 0x01
            op.coarse = (b[o + 15] >> 1) & 0x1F
            op.fine = b[o + 16] & 0x7F
            operators[5 - stored] = op
        }
        pitchEGRates = (0..<4).map { b[102 + $0] & 0x7F }
        pitchEGLevels = (0..<4).map { b[106 + $0] & 0x7F }
        algorithm = b[110] & 0x1F
        feedback = b[111] & 0x07
        oscillatorKeySync = (b[111] >> 3) & 0x01
        lfoSpeed = b[112] & 0x7F
        lfoDelay = b[113] & 0x7F
        lfoPitchModDepth = b[114] & 0x7F
        lfoAmpModDepth = b[115] & 0x7F
        lfoKeySync = b[116] & 0x01
        lfoWave = (b[116] >> 1) & 0x07
        pitchModSensitivity = (b[116] >> 4) & 0x07
        transpose = b[117] & 0x7F
        nameBytes = Array(b[118..<128])
        let stray = zip(b, Self.packedFieldMask).map { $0 & ~$1 }
        strayBits = stray.allSatisfy { $0 == 0 } ? [] : stray
    }

    /// For each packed byte, the bits that belong to a field (FORMAT.md §3); the name keeps all 8.
    static let packedFieldMask: [UInt8] = {
        var mask = [UInt8](repeating: 0x7F, count: packedSize)
        for stored in 0..<6 {
            let o = stored * 17
            mask[o + 11] = 0x0F  // curves
            mask[o + 13] = 0x1F  // AMS, velocity sensitivity
            mask[o + 15] = 0x3F  // mode, coarse
        }
        mask[110] = 0x1F         // algorithm
        mask[111] = 0x0F         // feedback, key sync
        for i in 118..<128 { mask[i] = 0xFF }
        return mask
    }()

    /// Bits set in packed bytes outside every field: bit 7 anywhere but the name, and the unused
    /// high bits of the bit-field bytes. Non-zero means the voice came from a dirty file.
    public static func strayBitCount(packed bytes: ArraySlice<UInt8>) -> Int {
        zip(bytes, packedFieldMask).reduce(0) { $0 + ($1.0 & ~$1.1).nonzeroBitCount }
    }

    /// The 128 packed bytes; the inverse of `init(packed:)` for any voice without stray bits.
    public var packed: [UInt8] {
        var b = [UInt8](repeating: 0, count: Self.packedSize)
        for stored in 0..<6 {
            let o = stored * 17
            let op = operators[5 - stored]
            for i in 0..<4 { b[o + i] = op.egRates[i] & 0x7F; b[o + 4 + i] = op.egLevels[i] & 0x7F }
            b[o + 8] = op.breakPoint & 0x7F
            b[o + 9] = op.leftDepth & 0x7F
            b[o + 10] = op.rightDepth & 0x7F
            b[o + 11] = (op.leftCurve & 0x03) | (op.rightCurve & 0x03) << 2
            b[o + 12] = (op.rateScaling & 0x07) | (op.detune & 0x0F) << 3
            b[o + 13] = (op.ampModSensitivity & 0x03) | (op.velocitySensitivity & 0x07) << 2
            b[o + 14] = op.outputLevel & 0x7F
            b[o + 15] = (op.oscillatorMode & 0x01) | (op.coarse & 0x1F) << 1
            b[o + 16] = op.fine & 0x7F
        }
        for i in 0..<4 { b[102 + i] = pitchEGRates[i] & 0x7F; b[106 + i] = pitchEGLevels[i] & 0x7F }
        b[110] = algorithm & 0x1F
        b[111] = (feedback & 0x07) | (oscillatorKeySync & 0x01) << 3
        b[112] = lfoSpeed & 0x7F
        b[113] = lfoDelay & 0x7F
        b[114] = lfoPitchModDepth & 0x7F
        b[115] = lfoAmpModDepth & 0x7F
        b[116] = (lfoKeySync & 0x01) | (lfoWave & 0x07) << 1 | (pitchModSensitivity & 0x07) << 4
        b[117] = transpose & 0x7F
        for i in 0..<10 { b[118 + i] = i < nameBytes.count ? nameBytes[i] : 0x20 }
        // Put back what a dirty file had outside the fields, so a read-write round trip is exact.
        if strayBits.count == Self.packedSize { for i in 0..<Self.packedSize { b[i] |= strayBits[i] } }
        return b
    }
}

// MARK: - Unpacked layout (VCED, single-voice dump)

extension DX7VoiceData {
    /// Decodes the 155 unpacked parameters (FORMAT.md §2), masking each to its field's bits.
    public init(unpacked bytes: ArraySlice<UInt8>) {
        let b = Array(bytes.prefix(Self.unpackedSize)) + [UInt8](repeating: 0, count: Swift.max(0, Self.unpackedSize - bytes.count))
        self.init()
        for stored in 0..<6 {
            let o = stored * 21
            var op = DX7OperatorData()
            op.egRates = (0..<4).map { b[o + $0] & 0x7F }
            op.egLevels = (0..<4).map { b[o + 4 + $0] & 0x7F }
            op.breakPoint = b[o + 8] & 0x7F
            op.leftDepth = b[o + 9] & 0x7F
            op.rightDepth = b[o + 10] & 0x7F
            op.leftCurve = b[o + 11] & 0x03
            op.rightCurve = b[o + 12] & 0x03
            op.rateScaling = b[o + 13] & 0x07
            op.ampModSensitivity = b[o + 14] & 0x03
            op.velocitySensitivity = b[o + 15] & 0x07
            op.outputLevel = b[o + 16] & 0x7F
            op.oscillatorMode = b[o + 17] & 0x01
            op.coarse = b[o + 18] & 0x1F
            op.fine = b[o + 19] & 0x7F
            op.detune = b[o + 20] & 0x0F
            operators[5 - stored] = op
        }
        pitchEGRates = (0..<4).map { b[126 + $0] & 0x7F }
        pitchEGLevels = (0..<4).map { b[130 + $0] & 0x7F }
        algorithm = b[134] & 0x1F
        feedback = b[135] & 0x07
        oscillatorKeySync = b[136] & 0x01
        lfoSpeed = b[137] & 0x7F
        lfoDelay = b[138] & 0x7F
        lfoPitchModDepth = b[139] & 0x7F
        lfoAmpModDepth = b[140] & 0x7F
        lfoKeySync = b[141] & 0x01
        lfoWave = b[142] & 0x07
        pitchModSensitivity = b[143] & 0x07
        transpose = b[144] & 0x7F
        nameBytes = Array(b[145..<155])
    }

    /// The 155 unpacked parameters; the inverse of `init(unpacked:)` for masked values.
    public var unpacked: [UInt8] {
        var b = [UInt8](repeating: 0, count: Self.unpackedSize)
        for stored in 0..<6 {
            let o = stored * 21
            let op = operators[5 - stored]
            for i in 0..<4 { b[o + i] = op.egRates[i] & 0x7F; b[o + 4 + i] = op.egLevels[i] & 0x7F }
            b[o + 8] = op.breakPoint & 0x7F
            b[o + 9] = op.leftDepth & 0x7F
            b[o + 10] = op.rightDepth & 0x7F
            b[o + 11] = op.leftCurve & 0x03
            b[o + 12] = op.rightCurve & 0x03
            b[o + 13] = op.rateScaling & 0x07
            b[o + 14] = op.ampModSensitivity & 0x03
            b[o + 15] = op.velocitySensitivity & 0x07
            b[o + 16] = op.outputLevel & 0x7F
            b[o + 17] = op.oscillatorMode & 0x01
            b[o + 18] = op.coarse & 0x1F
            b[o + 19] = op.fine & 0x7F
            b[o + 20] = op.detune & 0x0F
        }
        for i in 0..<4 { b[126 + i] = pitchEGRates[i] & 0x7F; b[130 + i] = pitchEGLevels[i] & 0x7F }
        b[134] = algorithm & 0x1F
        b[135] = feedback & 0x07
        b[136] = oscillatorKeySync & 0x01
        b[137] = lfoSpeed & 0x7F
        b[138] = lfoDelay & 0x7F
        b[139] = lfoPitchModDepth & 0x7F
        b[140] = lfoAmpModDepth & 0x7F
        b[141] = lfoKeySync & 0x01
        b[142] = lfoWave & 0x07
        b[143] = pitchModSensitivity & 0x07
        b[144] = transpose & 0x7F
        for i in 0..<10 { b[145 + i] = (i < nameBytes.count ? nameBytes[i] : 0x20) & 0x7F }
        return b
    }
}
