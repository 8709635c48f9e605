// A Watsyn oscillator's wave as LMMS 1.2.2 plays it (plugins/watsyn/Watsyn.h): the GRAPHLEN drawn points, each
// change oversampled 32 times by `srccpy` (libsamplerate's SRC_SINC_FASTEST over the points followed by their
// first 64 again, so the end wraps into the start; the start is filtered against the silence libsamplerate
// assumes before its input, which keeps a seam there, as LMMS has). Notes read the result with linear
// interpolation.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public enum WatsynWave {
    /// Watsyn.h GRAPHLEN: points drawn per wave.
    public static let drawnLength = 220
    /// WAVERATIO: the oversampling factor.
    static let ratio = 32
    /// WAVELEN: points of the oversampled wave a note reads.
    static let length = drawnLength * ratio
    /// srccpy's margin: drawn points repeated after the last one.
    static let margin = 64

    /// graphModel::setWaveToSine over GRAPHLEN points (what the constructor draws): sinf(i / 220 * 2 pi) in float.
    public static let constructorSine: [Float] = (0..<drawnLength).map { sinf(Float($0) / Float(drawnLength) * (2 * Float.pi)) }

    /// The drawn points of a saved wave (base64 text); graphModel::setSamples copies GRAPHLEN floats, so a short
    /// text is padded with 0 (LMMS would read past it). nil: the constructor's sine.
    static func drawn(_ saved: String?) -> [Float] {
        guard let saved else { return constructorSine }
        let points = LMMSBase64Floats.decode(saved)
        return (0..<drawnLength).map { $0 < points.count ? points[$0] : 0 }
    }

    /// srccpy: `drawn` (GRAPHLEN points) oversampled to WAVELEN points. Output i sits i / 32 input points in; each
    /// input point k weighs `WatsynSincTaps.taps[|i - 32 k|]`, summed in double as libsamplerate does (the points at
    /// or before i first, from the farthest, then those after it from the farthest) and rounded to float once.
    /// O(WAVELEN x 39).
    static func oversampled(_ drawn: [Float]) -> [Float] {
        precondition(drawn.count == drawnLength)
        let input = drawn + drawn[0..<margin]
        let taps = WatsynSincTaps.taps
        let farthest = taps.count - 1  // in 1/32 input points
        var out = [Float](repeating: 0, count: length)
        for i in 0..<length {
            let centre = i / ratio, phase = i % ratio
            var before = 0.0
            for k in (centre - (farthest - phase) / ratio)...centre where k >= 0 {
                before += Double(taps[i - ratio * k]) * Double(input[k])
            }
            var after = 0.0
            for k in stride(from: centre + (farthest + phase) / ratio, through: centre + 1, by: -1) {
                after += Double(taps[ratio * k - i]) * Double(input[k])
            }
            out[i] = Float(before + after)
        }
        return out
    }
}
