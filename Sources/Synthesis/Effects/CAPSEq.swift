// CAPS 0.4.5 "Eq" (mono, LMMS runs one per channel) and "Eq2x2" (stereo), as bundled with LMMS 1.2.2
// (plugins/LadspaEffect/caps/Eq.cc, dsp/Eq.h): ten octave band-passes from 31.25 Hz, Q 1.414, summed with
// per-band gains (-48...24 dB, slightly adjusted to keep 0 dB flat). Eq ports: 0 in, 1...10 bands, 11 out;
// Eq2x2 ports: 0/1 in, 2...11 bands, 12/13 out.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// DSP::Eq<N>: a bank of band-passes summed with per-band gains, float state and coefficients. The Eq plugins
/// use ten octave bands; AmpIV's tone controls four bands of their own.
struct CAPSBandPassBank {
    private var a: [Float], b: [Float], c: [Float]
    private var y: [[Float]]
    var gain: [Float]
    private var x: (Float, Float) = (0, 0)
    private var h = 0
    var normal: Float = 0.00000000000005

    /// Eq.cc's `adjust_gain` factors (float constants).
    private static let adjust: [Float] = [
        0.69238604707174034, 0.67282771124180096, 0.67215187672467813, 0.65768648447259315, 0.65988083755898952,
        0.66359580101701909, 0.66485139160960427, 0.65890297086039662, 0.6493229390740376, 0.82305724539749325]

    /// `Eq<10>::init(fs, 1.414)`: octave bands from 31.25 Hz below Nyquist (the others stay zero).
    init(sampleRateHz fs: Double) {
        var bands: [(theta: Double, q: Double)] = []
        var f = 31.25
        while bands.count < 10 && f < fs / 2 {
            bands.append((2 * f * Double.pi / fs, 1.414))
            f *= 2
        }
        self.init(bandCount: 10, bands: bands)
    }

    /// `init_band(i, theta, Q)` for each given band; any further bands up to `bandCount` stay zero.
    init(bandCount: Int, bands: [(theta: Double, q: Double)]) {
        a = [Float](repeating: 0, count: bandCount)
        b = a
        c = a
        gain = [Float](repeating: 1, count: bandCount)
        y = [a, a]
        for (i, band) in bands.enumerated() {
            b[i] = Float((band.q - band.theta * 0.5) / (2 * band.q + band.theta))
            a[i] = Float((0.5 - Double(b[i])) / 2)
            c[i] = Float((0.5 + Double(b[i])) * cos(band.theta))
        }
    }

    /// `adjust_gain(i, db2lin(dB))`, stored as float.
    static func bandGain(_ band: Int, decibels: Float) -> Float {
        Float(pow(10, Double(decibels) * 0.05) * Double(adjust[band]))
    }

    @inline(__always) mutating func process(_ s: Float) -> Float {
        let z1 = h, z2 = h ^ 1
        let xx2 = s - (z2 == 0 ? x.0 : x.1)
        var r: Float = 0
        for i in 0..<gain.count {
            let next = normal + 2 * (a[i] * xx2 + c[i] * y[z1][i] - b[i] * y[z2][i])
            y[z2][i] = next
            r += gain[i] * next
        }
        if z2 == 0 { x.0 = s } else { x.1 = s }
        h = z2
        return r
    }

    /// `flush_0`: zeroes denormal (and zero) outputs in the first history row.
    mutating func flushDenormals() {
        for i in 0..<gain.count where y[0][i].isSubnormal { y[0][i] = 0 }
    }
}

/// CAPS Eq: mono; LMMS runs one instance per channel with that processor's saved band gains.
final class CAPSEqMono: LMMSEffectProcessor {
    let processorCount = 2
    private var eqs: [CAPSBandPassBank]
    /// The plugin's own renormal sign; the bank takes its negation after every run.
    private var pluginNormal: [Float] = [0.00000000000005, 0.00000000000005]

    init(_ settings: LMMSEffectSettings, sampleRateHz fs: Double) {
        eqs = (0..<2).map { processor in
            var eq = CAPSBandPassBank(sampleRateHz: fs)
            for band in 0..<10 {
                let decibels = min(max(settings.port(1 + band, processor: processor) ?? 0, -48), 24)
                eq.gain[band] = CAPSBandPassBank.bandGain(band, decibels: decibels)
            }
            return eq
        }
    }

    func run(inLeft: UnsafePointer<Float>, inRight: UnsafePointer<Float>,
             outLeft: UnsafeMutablePointer<Float>, outRight: UnsafeMutablePointer<Float>, frames: Int) {
        for f in 0..<frames { outLeft[f] = eqs[0].process(inLeft[f]) }
        for f in 0..<frames { outRight[f] = eqs[1].process(inRight[f]) }
        for p in 0..<2 {
            eqs[p].normal = -pluginNormal[p]
            eqs[p].flushDenormals()
            pluginNormal[p] = -pluginNormal[p]
        }
    }
}

/// CAPS Eq2x2: one set of band gains for both channels.
final class CAPSEq2x2: LMMSEffectProcessor {
    let processorCount = 1
    private var eqs: [CAPSBandPassBank]
    private var pluginNormal: Float = 0.00000000000005

    init(_ settings: LMMSEffectSettings, sampleRateHz fs: Double) {
        var eq = CAPSBandPassBank(sampleRateHz: fs)
        for band in 0..<10 {
            let decibels = min(max(settings.port(2 + band) ?? 0, -48), 24)
            eq.gain[band] = CAPSBandPassBank.bandGain(band, decibels: decibels)
        }
        eqs = [eq, eq]
    }

    func run(inLeft: UnsafePointer<Float>, inRight: UnsafePointer<Float>,
             outLeft: UnsafeMutablePointer<Float>, outRight: UnsafeMutablePointer<Float>, frames: Int) {
        for f in 0..<frames { outLeft[f] = eqs[0].process(inLeft[f]) }
        for f in 0..<frames { outRight[f] = eqs[1].process(inRight[f]) }
        for c in 0..<2 {
            eqs[c].normal = pluginNormal
            eqs[c].flushDenormals()
        }
        pluginNormal = -pluginNormal
    }
}
