// LMMS 1.2.2's own "Waveshaper" effect (plugins/waveshaper): a 200-point drawn curve maps each sample's magnitude
// (after the input gain, optionally clipped to -1...1) to a new one, sign kept; then the output gain. Controls
// inputGain and outputGain 0...5 (default 1), clipInput, and the curve, saved as base64 floats (`waveShape`; the
// reader passes its points as the controls waveShape.0 ... waveShape.199; absent: the default ramp i / 200).

final class LMMSWaveShaper: LMMSEffectProcessor {
    let processorCount = 1
    /// The curve's points, each for a magnitude of (index + 1) / 200.
    static let points = 200
    private let curve: [Float]
    private let inputGain: Float, outputGain: Float
    private let clipsInput: Bool

    init(_ settings: LMMSEffectSettings) {
        func gain(_ name: String) -> Float { min(max(settings.controls[name] ?? 1, 0), 5) }
        inputGain = gain("inputGain")
        outputGain = gain("outputGain")
        clipsInput = (settings.controls["clipInput"] ?? 0) != 0
        // waveShaperControls::setDefaultShape: i / 200 (the identity, one point late).
        curve = (0..<Self.points).map { settings.controls["waveShape.\($0)"] ?? Float($0) / Float(Self.points) }
    }

    func run(inLeft: UnsafePointer<Float>, inRight: UnsafePointer<Float>,
             outLeft: UnsafeMutablePointer<Float>, outRight: UnsafeMutablePointer<Float>, frames: Int) {
        for f in 0..<frames {
            outLeft[f] = shaped(inLeft[f] * inputGain) * outputGain
            outRight[f] = shaped(inRight[f] * inputGain) * outputGain
        }
    }

    /// processAudioBuffer's lookup: below the first point a ramp to it, then linear interpolation between points
    /// lookup - 1 and lookup, and past the last point the sample times the last point.
    private func shaped(_ input: Float) -> Float {
        var s = input
        if clipsInput { s = max(-1, min(s, 1)) }
        let scaled = abs(s) * Float(Self.points)
        let lookup = Int(scaled)
        let fraction = scaled - Float(lookup)
        let sign: Float = s < 0 ? -1 : 1
        if lookup < 1 { return fraction * curve[0] * sign }
        if lookup < Self.points { return (fraction * (curve[lookup] - curve[lookup - 1]) + curve[lookup - 1]) * sign }
        return s * curve[Self.points - 1]
    }
}
