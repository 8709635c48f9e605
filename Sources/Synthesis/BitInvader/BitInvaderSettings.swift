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
        let length = Int(min(max(savedLength, Double(Self.lengthRange.lowerBound)), Double(Self.lengthRange.upperBound)))
        // Qt's fromBase64, which LMMS uses, skips characters outside the alphabet.
        let bytes = [UInt8](Data(base64Encoded: a["sampleShape"] ?? "", options: .ignoreUnknownCharacters) ?? Data())
        wave = (0..<length).map { i in
            guard 4 * i + 3 < bytes.count else { return 0 }
            let bits = UInt32(bytes[4 * i]) | UInt32(bytes[4 * i + 1]) << 8 | UInt32(bytes[4 * i + 2]) << 16
                | UInt32(bytes[4 * i + 3]) << 24
            return Float(bitPattern: bits)
        }
        interpolation = (Double(a["interpolation"] ?? "0") ?? 0) >= 0.5
        normalize = (Double(a["normalize"] ?? "0") ?? 0) >= 0.5
    }

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
