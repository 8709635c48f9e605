// A DX7 patch read once into plain integers, each rounded and clamped to the hardware range the way
// hexter 1.1.1 clamps voice data before playing it (FORMAT.md §3.1). NaN or missing -> the default.

/// The parameters of one operator (front-panel numbering is the index + 1 in `DX7VoiceParameters`).
struct DX7OperatorParameters: Sendable {
    var egRates = [99, 99, 99, 99]
    var egLevels = [99, 99, 99, 0]
    var breakPoint = 0, leftDepth = 0, rightDepth = 0, leftCurve = 0, rightCurve = 0
    var rateScaling = 0, ampModSensitivity = 0, velocitySensitivity = 0
    var outputLevel = 0
    var fixedFrequency = false
    var coarse = 1, fine = 0, detune = 7
}

struct DX7VoiceParameters: Sendable {
    /// OP1 ... OP6.
    var operators: [DX7OperatorParameters] = Array(repeating: DX7OperatorParameters(), count: 6)
    var pitchEGRates = [99, 99, 99, 99]
    var pitchEGLevels = [50, 50, 50, 50]
    /// 1-32.
    var algorithm = 1
    var feedback = 0
    var oscillatorKeySync = true
    var lfoSpeed = 35, lfoDelay = 0, lfoPitchModDepth = 0, lfoAmpModDepth = 0
    var lfoKeySync = true
    var lfoWave = 0
    var pitchModSensitivity = 3
    /// 0-48, 24 = none.
    var transpose = 24

    init(patch: Patch, schema: SynthSchema) {
        func value(_ id: String, _ range: ClosedRange<Int>, _ fallback: Int) -> Int {
            let raw = patch.values[id] ?? schema.parameter(id)?.defaultValue ?? Double(fallback)
            guard raw.isFinite else {
                if raw == .infinity { return range.upperBound }
                if raw == -.infinity { return range.lowerBound }
                return fallback
            }
            return Int(Swift.min(Swift.max(raw.rounded(), Double(range.lowerBound)), Double(range.upperBound)))
        }
        for i in 0..<6 {
            let p = "op\(i + 1)."
            var op = DX7OperatorParameters()
            op.egRates = (0..<4).map { value(p + "eg.rate\($0 + 1)", 0...99, 99) }
            op.egLevels = (0..<4).map { value(p + "eg.level\($0 + 1)", 0...99, $0 == 3 ? 0 : 99) }
            op.breakPoint = value(p + "kls.breakpoint", 0...99, 0)
            op.leftDepth = value(p + "kls.leftdepth", 0...99, 0)
            op.rightDepth = value(p + "kls.rightdepth", 0...99, 0)
            op.leftCurve = value(p + "kls.leftcurve", 0...3, 0)
            op.rightCurve = value(p + "kls.rightcurve", 0...3, 0)
            op.rateScaling = value(p + "krs", 0...7, 0)
            op.ampModSensitivity = value(p + "ams", 0...3, 0)
            op.velocitySensitivity = value(p + "kvs", 0...7, 0)
            op.outputLevel = value(p + "level", 0...99, i == 0 ? 99 : 0)
            op.fixedFrequency = value(p + "mode", 0...1, 0) == 1
            op.coarse = value(p + "coarse", 0...31, 1)
            op.fine = value(p + "fine", 0...99, 0)
            op.detune = value(p + "detune", 0...14, 7)
            operators[i] = op
        }
        pitchEGRates = (0..<4).map { value("pitcheg.rate\($0 + 1)", 0...99, 99) }
        pitchEGLevels = (0..<4).map { value("pitcheg.level\($0 + 1)", 0...99, 50) }
        algorithm = value("algorithm", 1...32, 1)
        feedback = value("feedback", 0...7, 0)
        oscillatorKeySync = value("oscsync", 0...1, 1) == 1
        lfoSpeed = value("lfo.speed", 0...99, 35)
        lfoDelay = value("lfo.delay", 0...99, 0)
        lfoPitchModDepth = value("lfo.pmd", 0...99, 0)
        lfoAmpModDepth = value("lfo.amd", 0...99, 0)
        lfoKeySync = value("lfo.sync", 0...1, 1) == 1
        lfoWave = value("lfo.wave", 0...5, 0)
        pitchModSensitivity = value("pms", 0...7, 3)
        transpose = value("transpose", 0...48, 24)
    }
}
