// LMMS 1.2.2 BitInvader's settings (plugins/bit_invader/bit_invader.cpp `loadSettings`): a hand-drawn wave of
// `sampleLength` points (saved as base64 of little-endian float32), played with or without linear
// interpolation, optionally normalised to a peak of 1.

import Foundation

public struct BitInvaderSettings: Sendable, Equatable {
    /// The knob's range (4...200 points).
    public static let lengthRange = 4...200
    public var wave: [Float]
    public var interpolation: Bool
    public var normalize: Bool

    public init(wave: [Float], interpolation: Bool = false, normalize: Bool = false) {
        self.wave = wave
        self.interpolation = interpolation
        self.normalize = normalize
    }

    /// The `<bitinvader>` element's attributes as saved. LMMS copies `sampleLength` floats from the decoded
    /// data whatever its size (reading past a short one); points missing here are 0 instead.
    public init(saved a: [String: String]) throws {
        guard let lengthText = a["sampleLength"], let savedLength = Double(lengthText), savedLength.isFinite else {
            throw BitInvaderSettingsError.missingLength
        }
        self.init(length: savedLength, sampleShape: a["sampleShape"] ?? "",
                  interpolation: (Double(a["interpolation"] ?? "0") ?? 0) >= 0.5,
                  normalize: (Double(a["normalize"] ?? "0") ?? 0) >= 0.5)
    }

    /// A wave of `length` points (clamped to the knob's range) from the saved base64 text; nil text: the sine
    /// LMMS's constructor draws over 128 points. Either is cut or padded with 0 to the length, as LMMS's graph is
    /// when the knob moves.
    public init(length: Double, sampleShape: String?, interpolation: Bool, normalize: Bool) {
        let length = Int(min(max(length.isNaN ? 128 : length, Double(Self.lengthRange.lowerBound)),
                             Double(Self.lengthRange.upperBound)))
        let points = sampleShape.map(Self.decode) ?? Self.constructorSine
        wave = (0..<length).map { $0 < points.count ? points[$0] : 0 }
        self.interpolation = interpolation
        self.normalize = normalize
    }

    /// The saved wave's points (`LMMSBase64Floats`).
    public static func decode(_ text: String) -> [Float] { LMMSBase64Floats.decode(text) }

    /// The base64 text LMMS saves for `points`.
    public static func encode(_ points: [Float]) -> String { LMMSBase64Floats.encode(points) }

    /// graphModel::setWaveToSine over the constructor's 128 points: sinf(i / 128 * 2 pi), in float.
    static let constructorSine: [Float] = (0..<128).map { sinf(Float($0) / 128 * (2 * Float.pi)) }

    /// bitInvader::normalize: 1 / the largest magnitude (in double, stored as a float), used when normalising.
    /// A silent wave stays silent (LMMS would multiply its zeros by infinity).
    var gain: Float {
        let peak = wave.reduce(Float(0)) { max($0, abs($1)) }
        guard normalize, peak > 0 else { return 1 }
        return Float(1.0 / Double(peak))
    }
}

public enum BitInvaderSettingsError: Error, CustomStringConvertible {
    case missingLength
    public var description: String { "bitinvader: no readable sampleLength" }
}
