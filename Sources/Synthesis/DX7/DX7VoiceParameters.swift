// A DX7 patch read once into plain integers, each rounded and clamped to its range in Synths/dx7.xml
// (the hardware's, as hexter 1.1.1 clamps voice data before playing it, FORMAT.md §3.1). NaN or
// missing -> the default.

/// The parameters of one operator (front-panel numbering is the index + 1 in `DX7VoiceParameters`).
/// Every field is set from the patch; ranges and defaults are Synths/dx7.xml's.
struct DX7OperatorParameters: Sendable {
    var egRates = [0, 0, 0, 0]
    var egLevels = [0, 0, 0, 0]
    var breakPoint = 0, leftDepth = 0, rightDepth = 0, leftCurve = 0, rightCurve = 0
    var rateScaling = 0, ampModSensitivity = 0, velocitySensitivity = 0
    var outputLevel = 0
    var fixedFrequency = false
    var coarse = 0, fine = 0, detune = 0
}

struct DX7VoiceParameters: Sendable {
    /// OP1 ... OP6.
    var operators: [DX7OperatorParameters] = Array(repeating: DX7OperatorParameters(), count: 6)
    var pitchEGRates = [0, 0, 0, 0]
    /// 50 = no pitch shift.
    var pitchEGLevels = [0, 0, 0, 0]
    /// 1-32.
    var algorithm = 1
    var feedback = 0
    var oscillatorKeySync = false
    var lfoSpeed = 0, lfoDelay = 0, lfoPitchModDepth = 0, lfoAmpModDepth = 0
    var lfoKeySync = false
    var lfoWave = 0
    var pitchModSensitivity = 0
    /// 0-48, 24 = none.
    var transpose = 0

    /// Number of numeric VCED parameters (the 155 of a single-voice dump minus the 10 name bytes).
    static let vcedParameterCount = 145

    /// Reads the patch through Synths/dx7.xml: each parameter's `source="vced[N]"` says which VCED
    /// parameter it is, and the schema's range clamps it (ids and ranges live only in the XML).
    /// Throws when the schema leaves a VCED parameter without an id.
    init(patch: Patch, schema: SynthSchema) throws {
        var vced = [Int?](repeating: nil, count: Self.vcedParameterCount)
        for spec in schema.parameters {
            guard let (index, _) = spec.storedIndex(in: "vced"), index < vced.count else { continue }
            vced[index] = Int(patch.value(spec).rounded())
        }
        let missing = vced.indices.filter { vced[$0] == nil }
        guard missing.isEmpty else {
            throw RenderError("dx7: Synths/dx7.xml has no parameter for vced[\(missing.map(String.init).joined(separator: "], vced["))], which the engine reads")
        }
        self.init(vced: vced.map { $0 ?? 0 })
    }

    /// From the 145 VCED parameters in their stored order (FORMAT.md §2: OP6 first, 21 per operator,
    /// then the voice's), values already clamped into their ranges; the algorithm is 1-32.
    init(vced v: [Int]) {
        for stored in 0..<6 {
            let o = stored * 21
            var op = DX7OperatorParameters()
            op.egRates = Array(v[o..<(o + 4)])
            op.egLevels = Array(v[(o + 4)..<(o + 8)])
            op.breakPoint = v[o + 8]
            op.leftDepth = v[o + 9]
            op.rightDepth = v[o + 10]
            op.leftCurve = v[o + 11]
            op.rightCurve = v[o + 12]
            op.rateScaling = v[o + 13]
            op.ampModSensitivity = v[o + 14]
            op.velocitySensitivity = v[o + 15]
            op.outputLevel = v[o + 16]
            op.fixedFrequency = v[o + 17] == 1
            op.coarse = v[o + 18]
            op.fine = v[o + 19]
            op.detune = v[o + 20]
            operators[5 - stored] = op
        }
        pitchEGRates = Array(v[126..<130])
        pitchEGLevels = Array(v[130..<134])
        algorithm = v[134]
        feedback = v[135]
        oscillatorKeySync = v[136] == 1
        lfoSpeed = v[137]
        lfoDelay = v[138]
        lfoPitchModDepth = v[139]
        lfoAmpModDepth = v[140]
        lfoKeySync = v[141] == 1
        lfoWave = v[142]
        pitchModSensitivity = v[143]
        transpose = v[144]
    }
}
