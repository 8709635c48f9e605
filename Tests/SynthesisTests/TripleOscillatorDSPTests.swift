// The TripleOscillator engine measured: pitch by FFT peak, detune and coarse tuning, LMMS 1.2.2's naive
// wave shapes (harmonic levels and how far their aliasing goes), modulation modes, envelope times, filter
// response, chords, tempo-synced arpeggios, seeded noise and hostile parameter values.
import Foundation
import Testing
@testable import Synthesis

@Suite struct TripleOscillatorDSPTests {
    typealias T = TripleOscillatorTestSupport

    @Test func sineSitsOnTheNoteAndItsTuning() throws {
        let a4 = try T.render()
        #expect(abs(T.cents(T.peakHz(a4.channels[0], from: 4410, to: 39690), 440)) < 0.5)
        // Coarse +7 semitones, fine +25 cents on the right channel only.
        let tuned = try T.render(["tripleoscillator.coarse0": 7, "tripleoscillator.finer0": 25])
        let expectedLeft = 440 * pow(2, 7.0 / 12), expectedRight = 440 * pow(2, (700 + 25) / 1200.0)
        #expect(abs(T.cents(T.peakHz(tuned.channels[0], from: 4410, to: 39690), expectedLeft)) < 0.5)
        #expect(abs(T.cents(T.peakHz(tuned.channels[1], from: 4410, to: 39690), expectedRight)) < 0.5)
        // Base note 45 puts MIDI 69 an octave up (LMMS: 440 Hz at the base note).
        let octave = try T.render(["track.basenote": 45])
        #expect(abs(T.cents(T.peakHz(octave.channels[0], from: 4410, to: 39690), 880)) < 0.5)
        // Other notes follow equal temperament.
        let low = try T.engine.render(T.patch(), settings: RenderSettings(note: 45, holdSeconds: 1, tailSeconds: 0.2))
        #expect(abs(T.cents(T.peakHz(low.channels[0], from: 4410, to: 39690), 110)) < 0.5)
    }

    @Test func sawHarmonicsFallAsOneOverN() throws {
        // LMMS 1.2.2 draws a naive saw: harmonic n at -20 log10(n) dB, with aliases (no band-limiting).
        let saw = try T.render(["tripleoscillator.wavetype0": 2], settings: RenderSettings(holdSeconds: 1.5, tailSeconds: 0))
        // 2^15 samples zero-padded 4x, so a peak between bins loses < 0.1 dB (Hann scalloping).
        let size = 1 << 17, count = 1 << 15
        var frame = [Float](repeating: 0, count: size)
        for i in 0..<count { frame[i] = saw.channels[0][4410 + i] * Float(0.5 - 0.5 * cos(2 * Double.pi * Double(i) / Double(count - 1))) }
        let m = T.magnitudes(frame)
        for n in 2...8 {
            let level = T.levelNear(m, hz: 440 * Double(n), size: size)
            #expect(abs(level + 20 * log10(Double(n))) < 0.5, "harmonic \(n): \(level) dB")
        }
        // Aliasing of the naive saw: the strongest non-harmonic component stays below -30 dB at 440 Hz
        // (first alias near 44100 - 50*440 = 22100 -> folded to 22000 Hz, about -34 dB).
        var worstAlias: Float = 0
        for k in 40..<m.count {
            let hz = Double(k) * 44_100 / Double(size)
            let harmonic = (hz / 440).rounded()
            if abs(hz - harmonic * 440) > 30 { worstAlias = max(worstAlias, m[k]) }
        }
        #expect(20 * log10(Double(worstAlias) / Double(m.max()!)) < -30)
    }

    @Test func everyShapeHasItsCycleLength() throws {
        for shape in [1, 2, 3, 4, 5] {
            let b = try T.render(["tripleoscillator.wavetype0": Double(shape)])
            #expect(abs(T.cents(T.peakHz(b.channels[0], from: 4410, to: 39690), 440)) < 1, "shape \(shape)")
            #expect(b.peak <= 1.0001 && b.peak > 0.9, "shape \(shape) peak \(b.peak)")
        }
    }

    @Test func amplitudeModulationMakesSidebands() throws {
        // Osc 1 (440 Hz) times osc 2 (880 Hz): products at 440 and 1320 Hz, nothing at 880.
        let am = try T.render(["tripleoscillator.modalgo1": 1, "tripleoscillator.vol1": 100,
                               "tripleoscillator.coarse1": 12, "tripleoscillator.wavetype1": 0])
        let size = 1 << 15
        var frame = [Float](repeating: 0, count: size)
        for i in 0..<size { frame[i] = am.channels[0][4410 + i] * Float(0.5 - 0.5 * cos(2 * Double.pi * Double(i) / Double(size - 1))) }
        let m = T.magnitudes(frame)
        #expect(T.levelNear(m, hz: 440, size: size) > -1)
        #expect(T.levelNear(m, hz: 1320, size: size) > -1)
        #expect(T.levelNear(m, hz: 880, size: size) < -60)
    }

    @Test func syncFollowsTheSubOscillatorsPeriod() throws {
        // Osc 1 at +7 semitones restarted by osc 2 at the note: the output repeats at 440 Hz.
        let sync = try T.render(["tripleoscillator.modalgo1": 3, "tripleoscillator.wavetype0": 2, "tripleoscillator.coarse0": 7,
                                 "tripleoscillator.coarse1": 0, "tripleoscillator.vol1": 100])
        let x = Array(sync.channels[0][4410..<8820])
        var best = 0, bestCorrelation = -Double.infinity
        for lag in 80...120 {  // 100.2 frames per cycle at 440 Hz
            var c = 0.0
            for i in 0..<(x.count - lag) { c += Double(x[i]) * Double(x[i + lag]) }
            if c > bestCorrelation { bestCorrelation = c; best = lag }
        }
        #expect(abs(best - 100) <= 1)
    }

    @Test func frequencyAndPhaseModulationAddPartials() throws {
        for mode in [0.0, 4.0] {
            let plain = try T.render()
            let modulated = try T.render(["tripleoscillator.modalgo1": mode, "tripleoscillator.vol1": 100, "tripleoscillator.coarse1": 0])
            let size = 1 << 15
            func spread(_ b: AudioBuffer) -> Int {
                var frame = [Float](repeating: 0, count: size)
                for i in 0..<size { frame[i] = b.channels[0][4410 + i] * Float(0.5 - 0.5 * cos(2 * Double.pi * Double(i) / Double(size - 1))) }
                let m = T.magnitudes(frame), top = m.max()!
                return (1...10).filter { T.levelNear(m, hz: 440 * Double($0), size: size) > -40 || top == 0 }.count
            }
            #expect(spread(plain) == 1)
            #expect(spread(modulated) >= 3, "mode \(mode)")
        }
    }

    @Test func volumeEnvelopeTimesFollowLMMSKnobs() throws {
        // Attack knob 0.4 -> 5 s * 0.4^2 = 0.8 s; level is squared (InstrumentSoundShaping), so at half the
        // attack the amplitude is 0.25 of the peak.
        let env = try T.render(["elvol.amt": 1, "elvol.att": 0.4, "elvol.hold": 0.2, "elvol.dec": 0, "elvol.sustain": 1,
                                "elvol.rel": 0.3], settings: RenderSettings(holdSeconds: 1.2, tailSeconds: 1))
        let x = env.channels[0]
        func level(_ t: Double) -> Double { T.rms(x[Int(t * 44_100) - 441..<Int(t * 44_100) + 441]) * 2.squareRoot() }
        #expect(abs(level(0.4) - 0.25) < 0.02)
        #expect(abs(level(0.95) - 1) < 0.02)
        // Release knob 0.3 -> 0.45 s linear ramp from note-off at 1.2 s (then squared): gone by 1.65 s.
        #expect(abs(level(1.2 + 0.225) - 0.25) < 0.03)
        #expect(T.rms(x[Int(1.66 * 44_100)...]) == 0)
    }

    @Test func lowPassIsThreeDecibelsDownAtCutoff() {
        for type in [LMMSFilterType.lowPass, .hiPass] {
            let cutoff: Float = 2000
            func gain(_ hz: Double) -> Double {
                var f = LMMSFilter(type: type, sampleRateHz: 44_100)
                f.setCoefficients(cutoffHz: cutoff, q: 1 / Float(2).squareRoot())
                var peak = 0.0
                for i in 0..<44_100 {
                    let y = f.process(Float(sin(2 * Double.pi * hz * Double(i) / 44_100)), channel: 0)
                    if i > 22_050 { peak = max(peak, Double(Swift.abs(y))) }
                }
                return 20 * log10(peak)
            }
            #expect(abs(gain(2000) + 3) < 0.5, "\(type) at cutoff")
            if type == .lowPass { #expect(gain(8000) < -20); #expect(abs(gain(200)) < 0.5) }
            else { #expect(gain(500) < -20); #expect(abs(gain(15000)) < 0.5) }
        }
    }

    @Test func everyFilterTypeStaysFinite() {
        for type in LMMSFilterType.allCases {
            var f = LMMSFilter(type: type, sampleRateHz: 44_100)
            var ok = true
            for i in 0..<20_000 {
                if i % 256 == 0 { f.setCoefficients(cutoffHz: Float(50 + (i / 256) * 250), q: 10) }
                let y = f.process(i % 100 < 50 ? 1 : -1, channel: i & 1)
                ok = ok && y.isFinite
            }
            #expect(ok, "\(type)")
        }
    }

    @Test func majorChordPlaysItsThreeNotes() throws {
        let chord = try T.render(["chordcreator.chord-enabled": 1, "chordcreator.chord": 1])
        let size = 1 << 15
        var frame = [Float](repeating: 0, count: size)
        for i in 0..<size { frame[i] = chord.channels[0][4410 + i] * Float(0.5 - 0.5 * cos(2 * Double.pi * Double(i) / Double(size - 1))) }
        let m = T.magnitudes(frame)
        for semitones in [0.0, 4, 7] { #expect(T.levelNear(m, hz: 440 * pow(2, semitones / 12), size: size) > -1) }
        // Chord notes start one LMMS period (256 frames) after note-on, as LMMS adds them next period.
        #expect(chord.channels[0][0..<256].allSatisfy { $0 == 0 })
        #expect(chord.channels[0][256..<512].contains { $0 != 0 })
    }

    @Test func arpeggioStepsWithTheTempo() throws {
        // Major arpeggio, quarter-note sync: at 120 BPM each step is 0.5 s, at 60 BPM 1 s.
        let changes: [String: Double] = ["arpeggiator.arp-enabled": 1, "arpeggiator.arp": 1, "arpeggiator.arptime_syncmode": 4]
        for (tempo, step) in [(120.0, 0.5), (60.0, 1.0)] {
            let b = try T.engine.render(T.patch(changes), settings: RenderSettings(holdSeconds: 3 * step, tailSeconds: 0, tempoBPM: tempo))
            for (i, semitones) in [0.0, 4, 7].enumerated() {
                let from = Int((Double(i) * step + 0.1) * 44_100), to = Int((Double(i + 1) * step - 0.05) * 44_100)
                #expect(abs(T.cents(T.peakHz(b.channels[0], from: from, to: to), 440 * pow(2, semitones / 12))) < 2,
                        "tempo \(tempo) step \(i)")
            }
        }
    }

    @Test func arpeggioStepsOutOfRangeAreSkippedAndSyncModeSilencesTheBase() throws {
        // Base note 0 puts MIDI 69 at LMMS key 57 far above the base: octave arpeggio over 9 octaves from key 57
        // leaves the key range (108) after 4 steps. In free mode the held note sounds when no step is taken;
        // in sort/sync mode LMMS marks it an arpeggio base every period, so it stays silent.
        let base: [String: Double] = ["arpeggiator.arp-enabled": 1, "arpeggiator.arp": 0, "arpeggiator.arprange": 9,
                                      "arpeggiator.arpdir": 1, "arpeggiator.arptime": 2000]
        let settings = RenderSettings(holdSeconds: 1, tailSeconds: 0)
        let free = try T.engine.render(T.patch(base), settings: settings)
        var syncChanges = base; syncChanges["arpeggiator.arpmode"] = 2
        let sync = try T.engine.render(T.patch(syncChanges), settings: settings)
        // Direction down starts at the top octave (key 57 + 96): out of range, so no step in the first 2 s.
        #expect(T.rms(free.channels[0][4410..<40000]) > 0.5)
        #expect(T.rms(sync.channels[0][4410..<40000]) == 0)
    }

    @Test func noiseIsSeededAndDeterministic() throws {
        let noise: [String: Double] = ["tripleoscillator.wavetype0": 6]
        let a = try T.engine.render(T.patch(noise), settings: RenderSettings(holdSeconds: 0.2, tailSeconds: 0, seed: 7))
        let b = try T.engine.render(T.patch(noise), settings: RenderSettings(holdSeconds: 0.2, tailSeconds: 0, seed: 7))
        let c = try T.engine.render(T.patch(noise), settings: RenderSettings(holdSeconds: 0.2, tailSeconds: 0, seed: 8))
        #expect(a == b)
        #expect(a != c)
        #expect(abs(T.rms(a.channels[0][0..<8000]) - 1 / 3.squareRoot()) < 0.03)  // uniform in -1...1
    }

    @Test func hostileValuesRenderFiniteAudioOrOneLineErrors() throws {
        var p = T.patch()
        for spec in T.schema.parameters { p.values[spec.id] = [Double.nan, .infinity, -.infinity, 1e300][spec.id.count % 4] }
        let b = try T.engine.render(p, settings: RenderSettings(holdSeconds: 0.3, tailSeconds: 0.3))
        #expect(b.isFinite)
        #expect(throws: RenderError.self) { try T.engine.render(T.patch(), settings: RenderSettings(holdSeconds: .nan)) }
        #expect(throws: RenderError.self) { try T.engine.render(T.patch(), settings: RenderSettings(sampleRateHz: 0)) }
        #expect(throws: RenderError.self) { try T.engine.render(T.patch(), settings: RenderSettings(note: 500)) }
        var wrong = T.patch(); wrong.synthID = "dx7"
        #expect(throws: RenderError.self) { try T.engine.render(wrong, settings: RenderSettings()) }
    }

    @Test func randomPatchesAcrossTheSchemaStayFinite() throws {
        var state: UInt64 = 12345
        func next() -> Double { state = state &* 6364136223846793005 &+ 1442695040888963407; return Double(state >> 11) / Double(1 << 53) }
        for i in 0..<8 {
            var p = T.schema.initPatch()
            for spec in T.schema.parameters { p.values[spec.id] = spec.value(atNormalised: next()) }
            let settings = RenderSettings(note: 40 + i * 4, holdSeconds: 0.3, tailSeconds: 0.3, tempoBPM: 80 + Double(i) * 10, seed: UInt64(i))
            let b = try T.engine.render(p, settings: settings)
            #expect(b.isFinite, "random patch \(i)")
            #expect(b.frameCount == settings.totalFrames)
        }
    }
}
