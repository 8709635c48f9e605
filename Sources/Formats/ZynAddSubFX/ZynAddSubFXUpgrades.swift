// ZynAddSubFX 3.x stores several knobs in physical units (seconds, dB, Hz) under the same or new
// element names; this file maps them back onto the 1.x–2.x integer scale `Synths/zynaddsubfx.xml`
// uses, with the inverse of the formula Zyn's own loader applies when it upgrades an old file:
// - envelope times: seconds = (2^(12 v/127) − 1) / 100 (FORMAT.md);
// - ADDsynth global volume: dB = 12.0412 − 60 (1 − v/96); files 3.0.3–3.0.4 store dB − 12.0412
//   (ADnoteGlobalParam::getfromXML, upgrade_3_0_3 / upgrade_3_0_5);
// - voice volume: dB = −60 (1 − v/127) (ADnoteVoiceParam::getfromXML);
// - filter: basefreq Hz = 2^((v/64 − 1)·5 + 9.96578428), baseq = e^((v/127)²·ln 1000) − 0.9,
//   gain dB = (v/64 − 1)·30, freq_tracking = 100 (v − 64)/64 (FilterParams::getfromXML, upgrade_3_0_2);
// - LFO: Hz = (2^(10 f) − 1)/12 from 3.0.4 on, f the old 0–1 fraction; delay seconds = 4 v/127
//   (LFOParams::getfromXML).
import Foundation
import Synthesis

/// The writer's version from the root element, compared as a tuple.
struct ZynVersion: Comparable {
    var major: Int, minor: Int, revision: Int

    init(_ major: Int, _ minor: Int, _ revision: Int) {
        self.major = major
        self.minor = minor
        self.revision = revision
    }

    init(root: XMLElement) {
        func number(_ key: String) -> Int { Int(root.attributes[key] ?? "") ?? 0 }
        self.init(number("version-major"), number("version-minor"), number("version-revision"))
    }

    static func < (a: ZynVersion, b: ZynVersion) -> Bool {
        (a.major, a.minor, a.revision) < (b.major, b.minor, b.revision)
    }
}

enum ZynUpgrades {
    /// 3.x element names that replace an old integer element of the same knob (filter section).
    static let renamedLeaves: [String: String] = ["freq": "basefreq", "q": "baseq", "freq_track": "freq_tracking"]

    /// The old integer value of a `par_real` element found at `spec.source` (or its 3.x name), or nil
    /// when no inverse is known. `leaf` is the element name actually found.
    static func integerValue(real v: Double, leaf: String, spec: ParameterSpec, version: ZynVersion) -> Double? {
        let path = spec.source
        let inFilter = path.contains("/FILTER/")
        let inLFO = path.contains("_LFO/")
        switch leaf {
        case "A_dt", "D_dt", "R_dt":
            return 127 * Foundation.log2(Swift.max(0, v) * 100 + 1) / 12
        case "volume" where path.contains("/VOICE["):
            return 127 * (1 + v / 60)
        case "volume" where path.hasSuffix("ADD_SYNTH_PARAMETERS/AMPLITUDE_PARAMETERS/volume"):
            let decibels = version < ZynVersion(3, 0, 5) ? v + 12.0412 : v
            return 96 * (1 - (12.0412 - decibels) / 60)
        case "basefreq" where inFilter:
            guard v > 0 else { return nil }
            return 64 * ((Foundation.log2(v) - 9.96578428) / 5 + 1)
        case "baseq" where inFilter:
            guard v + 0.9 >= 1 else { return 0 }
            return 127 * (Foundation.log(v + 0.9) / Foundation.log(1000)).squareRoot()
        case "freq_tracking" where inFilter:
            return 64 + v * 64 / 100
        case "gain" where inFilter:
            return 64 * (v / 30 + 1)
        case "freq" where inLFO:
            // Already the 0–1 fraction before 3.0.4.
            return version < ZynVersion(3, 0, 4) ? v : Foundation.log2(12 * Swift.max(0, v) + 1) / 10
        case "delay" where inLFO:
            return v * 127 / 4
        default:
            return nil
        }
    }
}
