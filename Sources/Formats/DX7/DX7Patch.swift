// Converts DX7 voices to and from `Patch` (synth id `dx7`), keyed by the parameter ids of
// Synths/dx7.xml. Values are the hardware's numbers (algorithm 1-32, detune 0-14 with 7 = none).
import Synthesis

extension DX7VoiceData {
    /// The synth id of every DX7 patch.
    public static let synthID = "dx7"

    /// The voice as a patch; `source` (file name) and `index` (0-based) go into the attributes.
    public func patch(source: String? = nil, index: Int? = nil) -> Patch {
        var values: [String: Double] = [:]
        for (i, op) in operators.enumerated() {
            let p = "op\(i + 1)."
            for s in 0..<4 {
                values[p + "eg.rate\(s + 1)"] = Double(op.egRates[s])
                values[p + "eg.level\(s + 1)"] = Double(op.egLevels[s])
            }
            values[p + "kls.breakpoint"] = Double(op.breakPoint)
            values[p + "kls.leftdepth"] = Double(op.leftDepth)
            values[p + "kls.rightdepth"] = Double(op.rightDepth)
            values[p + "kls.leftcurve"] = Double(op.leftCurve)
            values[p + "kls.rightcurve"] = Double(op.rightCurve)
            values[p + "krs"] = Double(op.rateScaling)
            values[p + "ams"] = Double(op.ampModSensitivity)
            values[p + "kvs"] = Double(op.velocitySensitivity)
            values[p + "level"] = Double(op.outputLevel)
            values[p + "mode"] = Double(op.oscillatorMode)
            values[p + "coarse"] = Double(op.coarse)
            values[p + "fine"] = Double(op.fine)
            values[p + "detune"] = Double(op.detune)
        }
        for s in 0..<4 {
            values["pitcheg.rate\(s + 1)"] = Double(pitchEGRates[s])
            values["pitcheg.level\(s + 1)"] = Double(pitchEGLevels[s])
        }
        values["algorithm"] = Double(algorithm) + 1
        values["feedback"] = Double(feedback)
        values["oscsync"] = Double(oscillatorKeySync)
        values["lfo.speed"] = Double(lfoSpeed)
        values["lfo.delay"] = Double(lfoDelay)
        values["lfo.pmd"] = Double(lfoPitchModDepth)
        values["lfo.amd"] = Double(lfoAmpModDepth)
        values["lfo.sync"] = Double(lfoKeySync)
        values["lfo.wave"] = Double(lfoWave)
        values["pms"] = Double(pitchModSensitivity)
        values["transpose"] = Double(transpose)
        var attributes: [String: String] = [:]
        if let source { attributes["source"] = source }
        if let index { attributes["index"] = String(index) }
        return Patch(synthID: Self.synthID, name: name, values: values, attributes: attributes)
    }

    /// The voice a patch describes. Missing values take the init voice's; values are rounded and
    /// clamped into each field's range (NaN -> the init value), so any patch gives a valid voice.
    public init(patch: Patch) {
        self.init()
        let initVoice = DX7VoiceData()
        func field(_ id: String, _ fallback: UInt8, _ maximum: UInt8, offset: Double = 0) -> UInt8 {
            guard let raw = patch.values[id], raw.isFinite else { return fallback }
            let v = (raw - offset).rounded()
            return UInt8(Swift.min(Swift.max(v, 0), Double(maximum)))
        }
        for i in 0..<6 {
            let p = "op\(i + 1)."
            let d = initVoice.operators[i]
            var op = DX7OperatorData()
            op.egRates = (0..<4).map { field(p + "eg.rate\($0 + 1)", d.egRates[$0], 99) }
            op.egLevels = (0..<4).map { field(p + "eg.level\($0 + 1)", d.egLevels[$0], 99) }
            op.breakPoint = field(p + "kls.breakpoint", d.breakPoint, 99)
            op.leftDepth = field(p + "kls.leftdepth", d.leftDepth, 99)
            op.rightDepth = field(p + "kls.rightdepth", d.rightDepth, 99)
            op.leftCurve = field(p + "kls.leftcurve", d.leftCurve, 3)
            op.rightCurve = field(p + "kls.rightcurve", d.rightCurve, 3)
            op.rateScaling = field(p + "krs", d.rateScaling, 7)
            op.ampModSensitivity = field(p + "ams", d.ampModSensitivity, 3)
            op.velocitySensitivity = field(p + "kvs", d.velocitySensitivity, 7)
            op.outputLevel = field(p + "level", d.outputLevel, 99)
            op.oscillatorMode = field(p + "mode", d.oscillatorMode, 1)
            op.coarse = field(p + "coarse", d.coarse, 31)
            op.fine = field(p + "fine", d.fine, 99)
            op.detune = field(p + "detune", d.detune, 14)
            operators[i] = op
        }
        pitchEGRates = (0..<4).map { field("pitcheg.rate\($0 + 1)", 99, 99) }
        pitchEGLevels = (0..<4).map { field("pitcheg.level\($0 + 1)", 50, 99) }
        algorithm = field("algorithm", 0, 31, offset: 1)
        feedback = field("feedback", 0, 7)
        oscillatorKeySync = field("oscsync", 1, 1)
        lfoSpeed = field("lfo.speed", 35, 99)
        lfoDelay = field("lfo.delay", 0, 99)
        lfoPitchModDepth = field("lfo.pmd", 0, 99)
        lfoAmpModDepth = field("lfo.amd", 0, 99)
        lfoKeySync = field("lfo.sync", 1, 1)
        lfoWave = field("lfo.wave", 0, 5)
        pitchModSensitivity = field("pms", 3, 7)
        transpose = field("transpose", 24, 48)
        let nameASCII = patch.name.unicodeScalars.prefix(10).map { $0.isASCII && $0.value >= 0x20 ? UInt8($0.value) : 0x20 }
        nameBytes = nameASCII + [UInt8](repeating: 0x20, count: 10 - nameASCII.count)
    }
}
