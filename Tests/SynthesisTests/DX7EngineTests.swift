// The DX7 engine measured: partials of sine carriers, Bessel sidebands of a 1:1 modulator, pitch,
// envelope segment times and LFO depth/rate against the documented DX7 figures (FORMAT.md), every
// algorithm's loudness normalisation, and bad settings.
import Foundation
import Formats
import Testing
@testable import Synthesis

@Suite struct DX7EngineTests {
    typealias S = DX7TestSupport

    static func decibels(_ ratio: Double) -> Double { 20 * log10(ratio) }

    /// Patch with only the given operators audible (level 99 unless stated), all at ratio 1.
    static func operators(_ levels: [Int: Double], algorithm: Int, extra: [String: Double] = [:]) -> Patch {
        var changes: [String: Double] = ["algorithm": Double(algorithm), "feedback": 0]
        for op in 1...6 { changes["op\(op).level"] = levels[op] ?? 0 }
        for (key, value) in extra { changes[key] = value }
        return S.patch(changes)
    }

    @Test func algorithm32SineCarriersGiveExactlyTheirPartials() throws {
        // Six carriers at ratios 1...6 of A2 (110 Hz): partials 110...660 Hz, equal, nothing between.
        var extra: [String: Double] = [:]
        for op in 1...6 { extra["op\(op).coarse"] = Double(op) }
        let patch = Self.operators([1: 99, 2: 99, 3: 99, 4: 99, 5: 99, 6: 99], algorithm: 32, extra: extra)
        let audio = try S.render(patch, note: 45, hold: 0.8, tail: 0.05)
        let window = audio[8820..<(8820 + 16384)]
        let partials = (1...6).map { S.magnitude(window, frequencyHz: 110 * Double($0)) }
        let loudest = partials.max() ?? 0
        for m in partials { #expect(abs(Self.decibels(m / loudest)) < 0.2, "partials equal within 0.2 dB") }
        for k in 1...6 {
            let between = S.magnitude(window, frequencyHz: 110 * (Double(k) + 0.5))
            #expect(Self.decibels(between / loudest) < -60, "nothing between partials")
        }
        #expect(Self.decibels(S.magnitude(window, frequencyHz: 770) / loudest) < -60, "no 7th partial")
    }

    /// Bessel function of the first kind by its power series (independent of the engine).
    static func besselJ(_ n: Int, _ x: Double) -> Double {
        var sum = 0.0, term = pow(x / 2, Double(n)) / Double((1...max(n, 1)).reduce(1, *))
        if n == 0 { term = 1 }
        for m in 0..<40 {
            sum += term
            term *= -(x / 2) * (x / 2) / (Double(m + 1) * Double(m + 1 + n))
        }
        return sum
    }

    @Test func oneToOneModulatorGivesBesselSidebands() throws {
        // Algorithm 1: OP2 modulates OP1, both at ratio 1. Documented (FORMAT.md §4.1): index =
        // 2^(33/16 - 1) cycles at total level 0, 0.75 dB (1/8 octave) per level, TL = 99 - OL.
        let modulatorLevel = 85
        let beta = 2 * Double.pi * pow(2, 33.0 / 16 - 1) * pow(2, -Double(99 - modulatorLevel) / 8)
        let patch = Self.operators([1: 99, 2: Double(modulatorLevel)], algorithm: 1)
        let audio = try S.render(patch, note: 45, hold: 0.8, tail: 0.05)
        let window = audio[8820..<(8820 + 16384)]
        // cos(θ + β cos θ): harmonic n has amplitude |J(n-1)(β) + (-1)^n J(n+1)(β)|.
        func predicted(_ n: Int) -> Double { abs(Self.besselJ(n - 1, beta) + (n % 2 == 0 ? 1 : -1) * Self.besselJ(n + 1, beta)) }
        let measured = (1...7).map { S.magnitude(window, frequencyHz: 110 * Double($0)) }
        let reference = (1...7).map(predicted)
        let measuredTotal = measured.max()!, referenceTotal = reference.max()!
        for n in 0..<7 where reference[n] / referenceTotal > 0.01 {
            let error = Self.decibels(measured[n] / measuredTotal) - Self.decibels(reference[n] / referenceTotal)
            #expect(abs(error) < 0.5, "harmonic \(n + 1): \(error) dB off the Bessel prediction (β = \(beta))")
        }
    }

    @Test(arguments: [36, 60, 69, 84, 96])
    func initVoiceIsInTune(note: Int) throws {
        let audio = try S.render(S.patch([:]), note: note, hold: 0.5, tail: 0.01)
        let expected = 440 * pow(2, Double(note - 69) / 12)
        let measured = S.peakFrequency(audio[4410..<(4410 + 16384)], lowHz: expected * 0.9, highHz: expected * 1.1)
        #expect(abs(1200 * log2(measured / expected)) < 5, "note \(note): \(measured) Hz, expected \(expected)")
    }

    @Test func otherSampleRatesKeepPitchAndTimes() throws {
        // At 48 kHz: still in tune, and the rate-50 decay still takes 0.376 s per 30 levels.
        let patch = S.patch(["op1.eg.rate2": 50, "op1.eg.level2": 0, "op1.eg.level3": 0])
        let settings = RenderSettings(note: 69, holdSeconds: 1.5, tailSeconds: 0.01, sampleRateHz: 48_000)
        let audio = try S.model.render(patch, settings: settings).channels[0]
        let hz = S.peakFrequency(audio[2400..<(2400 + 8192)], lowHz: 400, highHz: 480, sampleRateHz: 48_000)
        #expect(abs(1200 * log2(hz / 440)) < 5)
        let levels = stride(from: 0, to: audio.count - 240, by: 240).map {
            Self.decibels(max(S.rms(audio[$0..<($0 + 240)]), 1e-12) / S.rms(audio[100..<300]))
        }
        let from = try #require(levels.firstIndex { $0 <= -10 * 0.7526 })
        let to = try #require(levels.firstIndex { $0 <= -40 * 0.7526 })
        #expect(abs(Double((to - from) * 240) / 48_000 / 0.376 - 1) < 0.1)
    }

    @Test func ratioFixedAndTransposeSetThePitch() throws {
        func peak(_ patch: Patch, note: Int, around hz: Double) throws -> Double {
            let audio = try S.render(patch, note: note, hold: 0.5, tail: 0.01)
            return S.peakFrequency(audio[4410..<(4410 + 16384)], lowHz: hz * 0.9, highHz: hz * 1.1)
        }
        // Ratio coarse 3, fine 50: × 3 × 1.5 = 4.5 (FORMAT.md §4.6).
        let ratio = try peak(S.patch(["op1.coarse": 3, "op1.fine": 50]), note: 57, around: 990)
        #expect(abs(1200 * log2(ratio / 990)) < 5)
        // Fixed: 10^(2 + 0.5) Hz whatever the key.
        let fixed = S.patch(["op1.mode": 1, "op1.coarse": 2, "op1.fine": 50])
        for note in [40, 80] {
            let hz = try peak(fixed, note: note, around: 316.23)
            #expect(abs(1200 * log2(hz / 316.2278)) < 5)
        }
        // Transpose 36 = +12 semitones.
        let up = try peak(S.patch(["transpose": 36]), note: 57, around: 440)
        #expect(abs(1200 * log2(up / 440)) < 5)
        // Detune +7 adds 7/32 Hz before the ratio (hexter): at ratio 4 on A2, +0.875 Hz.
        let detuned = try peak(S.patch(["op1.coarse": 4, "op1.detune": 14]), note: 45, around: 440)
        #expect(abs(detuned - 440.875) < 0.1)
    }

    /// Short-window RMS in dB relative to `reference`, one value per `hop` samples.
    static func levelsDB(_ x: [Float], window: Int, reference: Double) -> [Double] {
        stride(from: 0, to: x.count - window, by: window).map {
            Self.decibels(max(DX7TestSupport.rms(x[$0..<($0 + window)]), 1e-12) / reference)
        }
    }

    /// First time (s) the level crosses `db` going in the given direction.
    static func crossing(_ levels: [Double], _ db: Double, falling: Bool, window: Int) -> Double? {
        guard let i = levels.indices.first(where: { falling ? levels[$0] <= db : levels[$0] >= db }) else { return nil }
        return Double(i * window) / 44_100
    }

    @Test func decayTimeMatchesTheDocumentedTX7Figure() throws {
        // Rate 50 decays 99 -> 0 in 1.24 s, moving linearly in level (FORMAT.md §4.2): 30 levels
        // (30 × 0.7526 dB) take 30/99 × 1.24 = 0.376 s anywhere inside the stage.
        let patch = S.patch(["op1.eg.rate2": 50, "op1.eg.level2": 0, "op1.eg.level3": 0])
        let audio = try S.render(patch, note: 69, hold: 1.5, tail: 0.01)
        let full = S.rms(audio[100..<300]) // level 99 is reached within 1 ms
        let levels = Self.levelsDB(audio, window: 220, reference: full)
        let from = try #require(Self.crossing(levels, -10 * 0.7526, falling: true, window: 220))
        let to = try #require(Self.crossing(levels, -40 * 0.7526, falling: true, window: 220))
        #expect(abs((to - from) / 0.376 - 1) < 0.1, "30 levels took \(to - from) s")
    }

    @Test func attackTimeMatchesTheDocumentedTX7Figure() throws {
        // Rate 40 rises 0 -> 99 in 0.496 s; the attack compensation jumps to level 31 at once and
        // the rest is linear in level (FORMAT.md §4.2): level 80 at 49/68 × 0.496 = 0.357 s,
        // level 95 at 64/68 × 0.496 = 0.467 s.
        let patch = S.patch(["op1.eg.rate1": 40])
        let audio = try S.render(patch, note: 69, hold: 1.0, tail: 0.01)
        let full = S.rms(audio[30_000..<40_000])
        let levels = Self.levelsDB(audio, window: 110, reference: full)
        let at80 = try #require(Self.crossing(levels, -19 * 0.7526, falling: false, window: 110))
        let at95 = try #require(Self.crossing(levels, -4 * 0.7526, falling: false, window: 110))
        #expect(abs(at80 / 0.357 - 1) < 0.1, "level 80 at \(at80) s")
        #expect(abs(at95 / 0.467 - 1) < 0.1, "level 95 at \(at95) s")
        // The first 31 levels (-51 dB to -51 + 23 dB) are crossed within a few milliseconds.
        let atJump = try #require(Self.crossing(levels, -68 * 0.7526, falling: false, window: 110))
        #expect(atJump < 0.01)
    }

    @Test func lfoAmplitudeModulationDepthAndRate() throws {
        // AMD 99 at AMS 3 lowers the level by up to 52.75 OL units = 39.7 dB; speed 35 = 5.57 Hz
        // (FORMAT.md §4.8). A triangle LFO, no delay, a 1 kHz carrier.
        let patch = S.patch(["lfo.amd": 99, "op1.ams": 3, "lfo.speed": 35, "lfo.wave": 0])
        let audio = try S.render(patch, note: 84, hold: 1.2, tail: 0.01)
        let window = 42  // one cycle of the 1,047 Hz carrier
        let peaks = stride(from: 4410, to: 4410 + 44_100 - window, by: window).map { start in
            audio[start..<(start + window)].reduce(Float(0)) { max($0, abs($1)) }
        }
        let swing = Self.decibels(Double(peaks.max()!) / Double(peaks.min()!))
        #expect(abs(swing - 52.75 * 0.7526) < 2, "swing \(swing) dB")
        // Count the LFO's troughs over one second.
        let midline = (Double(peaks.max()!) * Double(peaks.min()!)).squareRoot()
        var crossings = 0
        for i in 1..<peaks.count where Double(peaks[i - 1]) >= midline && Double(peaks[i]) < midline { crossings += 1 }
        #expect(abs(Double(crossings) - 5.57) <= 1, "\(crossings) LFO cycles in 1 s")
    }

    @Test func everyAlgorithmNormalisesItsCarriers() throws {
        // All six operators as plain sines at the same pitch, modulators silent: the carriers add in
        // phase and the output is divided by the carrier count, so every algorithm is equally loud.
        var levels: [Double] = []
        for algorithm in 1...32 {
            let carriers = DX7Algorithm.all[algorithm - 1].carriers
            var audible: [Int: Double] = [:]
            for op in carriers { audible[op] = 99 }
            let audio = try S.render(Self.operators(audible, algorithm: algorithm), note: 69, hold: 0.15, tail: 0.0)
            levels.append(S.rms(audio[2205..<6615]))
        }
        let reference = levels[31]
        for (i, level) in levels.enumerated() {
            #expect(abs(Self.decibels(level / reference)) < 0.1, "algorithm \(i + 1)")
        }
        // And a modulator changes the timbre: OP2 on OP1 in algorithm 1 adds a second harmonic.
        let modulated = try S.render(Self.operators([1: 99, 2: 80], algorithm: 1), note: 45, hold: 0.5, tail: 0)
        let window = modulated[4410..<(4410 + 8192)]
        #expect(S.magnitude(window, frequencyHz: 220) / S.magnitude(window, frequencyHz: 110) > 0.1)
    }

    @Test func feedbackAddsHarmonicsToASingleOperator() throws {
        // Algorithm 32: OP6 alone with feedback 0 is a sine; feedback 7 adds a second harmonic.
        let clean = try S.render(Self.operators([6: 99], algorithm: 32), note: 45, hold: 0.4, tail: 0)
        let fed = try S.render(Self.operators([6: 99], algorithm: 32, extra: ["feedback": 7]), note: 45, hold: 0.4, tail: 0)
        func second(_ x: [Float]) -> Double {
            let w = x[4410..<(4410 + 8192)]
            return S.magnitude(w, frequencyHz: 220) / S.magnitude(w, frequencyHz: 110)
        }
        #expect(second(clean) < 0.001)
        #expect(second(fed) > 0.05)
    }

    @Test(.enabled(if: DX7TestSupport.haveROMBank, "run scripts/install-deps.sh for hexter's ROM bank"))
    func blockKernelEqualsTheNaiveLoopBitForBit() throws {
        let bank = try DX7SysEx.read(S.romBank)
        let naive = DX7(schema: S.schema, kernel: .naive)
        let settings = RenderSettings(note: 64, velocity: 90, holdSeconds: 0.3, tailSeconds: 0.2)
        // Voices covering plain, self-feedback and the 3- and 2-operator loops of algorithms 4 and 6.
        let picks = bank.voices.indices.filter { [0, 3, 5, 31].contains(Int(bank.voices[$0].algorithm)) }.prefix(8)
        #expect(picks.count >= 4)
        for index in picks {
            let patch = bank.voices[index].patch(schema: S.schema)
            #expect(try S.model.render(patch, settings: settings) == naive.render(patch, settings: settings), "voice \(index)")
        }
    }

    @Test func sampleAndHoldDrawsFromTheCLibrarySequence() {
        // glibc's rand() after srand(1) (or none) starts 1804289383, 846930886, 1681692777.
        var random = DX7Random(seed: 1)
        #expect([random.next(), random.next(), random.next()] == [1_804_289_383, 846_930_886, 1_681_692_777])
    }

    @Test func badValuesAndSettingsNeverCrash() throws {
        var wild: [String: Double] = [:]
        for spec in S.schema.parameters { wild[spec.id] = [Double.nan, .infinity, -.infinity, 1e300, -5][spec.id.count % 5] }
        let audio = try S.render(S.patch(wild), hold: 0.2, tail: 0.1)
        #expect(audio.allSatisfy { $0.isFinite })
        let bad: [RenderSettings] = [
            RenderSettings(note: 60, sampleRateHz: 0), RenderSettings(note: 60, holdSeconds: .nan),
            RenderSettings(note: 200), RenderSettings(note: 60, holdSeconds: 1e9),
        ]
        for settings in bad {
            #expect(throws: RenderError.self) { _ = try S.model.render(S.patch([:]), settings: settings) }
        }
        // Extreme but legal: velocity outside 0...127 is clamped, very short notes render.
        _ = try S.model.render(S.patch([:]), settings: RenderSettings(note: 0, velocity: 500, holdSeconds: 0, tailSeconds: 0.001))
    }
}
