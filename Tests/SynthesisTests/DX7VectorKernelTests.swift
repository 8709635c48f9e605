// The AVX2 loops (DX7VectorKernels) give the integers the scalar loops give: each loop on random
// inputs, span lengths and lane counts, and whole renders of every hexter bank voice at three notes by
// block and lanes, scalar and AVX2, against the naive kernel, and the same for uniform random settings
// over whole notes (the LFO delay's hold, ramp and full depth). On a processor without AVX2 the vector
// cases do not run, and say so; the scalar renders are still compared.
import Foundation
import Formats
import Testing
import TestSupport
@testable import Synthesis

@Suite struct DX7VectorKernelTests {
    typealias S = DX7TestSupport
    static let avx2 = DX7VectorKernels.available
    static let noAVX2 = "this processor has no AVX2: the scalar loops run and the vector ones are not tested"

    /// Any Int32, edges included, from a seeded generator.
    static func anyInt32(_ random: inout TestRandom) -> Int32 {
        switch random.next() % 8 {
        case 0: return [Int32.min, Int32.max, 0, -1, 1, 1 << 24, -(1 << 24)][Int(random.next() % 7)]
        default: return Int32(truncatingIfNeeded: random.next())
        }
    }

    @Test(.enabled(if: avx2, "\(noAVX2)"))
    func operatorBlockEqualsTheScalarLoop() {
        var random = TestRandom(seed: 17)
        let table = DX7OperatorKernel.cosineTable
        let gains = UnsafeMutablePointer<Int32>.allocate(capacity: 64), input = UnsafeMutablePointer<Int32>.allocate(capacity: 64)
        let scalar = UnsafeMutablePointer<Int32>.allocate(capacity: 64), vector = UnsafeMutablePointer<Int32>.allocate(capacity: 64)
        defer { gains.deallocate(); input.deallocate(); scalar.deallocate(); vector.deallocate() }
        var compared = 0, differing = 0
        table.withUnsafeBufferPointer { cosine in
            for trial in 0..<2_000 {
                let count = 1 + trial % 64  // every span length, so every tail of the 8-sample loop
                for s in 0..<64 { gains[s] = Self.anyInt32(&random); input[s] = Self.anyInt32(&random) }
                let phase = Self.anyInt32(&random), increment = Self.anyInt32(&random)
                let modulated: UnsafePointer<Int32>? = trial % 3 == 0 ? nil : UnsafePointer(input)
                DX7OperatorKernel.operatorBlock(phase: phase, increment: increment, gains: gains, input: modulated,
                                                output: scalar, count: count, table: cosine.baseAddress!)
                DX7VectorKernels.operatorBlock(phase: phase, increment: increment, gains: gains, input: modulated,
                                               output: vector, count: count, table: cosine.baseAddress!)
                compared += count
                for s in 0..<count where scalar[s] != vector[s] { differing += 1 }
            }
        }
        #expect(compared == 64_616)  // 31 times 1+...+64, then 1+...+16
        #expect(differing == 0, "\(differing) of \(compared) samples differ")
    }

    @Test(.enabled(if: avx2, "\(noAVX2)"))
    func modulationIndexEqualsTheScalarLoop() {
        var random = TestRandom(seed: 41)
        let levels = UnsafeMutablePointer<Int32>.allocate(capacity: 64)
        let scalar = UnsafeMutablePointer<Int32>.allocate(capacity: 64), vector = UnsafeMutablePointer<Int32>.allocate(capacity: 64)
        let computed = UnsafeMutablePointer<Int32>.allocate(capacity: 64)
        defer { levels.deallocate(); scalar.deallocate(); vector.deallocate(); computed.deallocate() }
        var compared = 0, differing = 0, kinds = Set<String>(), wrongFlags = 0, silentSpans = 0
        DX7OperatorKernel.levelToIndex.withUnsafeBufferPointer { table in
            let zero = table.baseAddress! + 128
            for trial in 0..<3_000 {
                let count = 1 + trial % 64
                let straight = trial % 2 == 0
                var runSaysAudible = false
                if straight {
                    // An envelope run: EG levels 0...99, never wrapping; sometimes held (slope 0),
                    // sometimes within one whole level, sometimes across several.
                    let start = Int32.random(in: 0...(99 << 24), using: &random)
                    let reach = [0, 1 << 18, 1 << 24, 40 << 24][trial / 2 % 4]
                    let end = Swift.min(Swift.max(Int64(start) + Int64.random(in: -Int64(reach)...Int64(reach), using: &random), 0), 99 << 24)
                    let slope = count > 1 ? Int32((end - Int64(start)) / Int64(count - 1)) : 0
                    for s in 0..<count { levels[s] = start &+ Int32(s) &* slope }
                    // The run's levels computed in the loop rather than read from the buffer.
                    runSaysAudible = DX7VectorKernels.modulationIndex(ofRunFrom: start, slope: slope, into: computed, count: count,
                                                                      table: zero)
                    kinds.insert(levels[0] >> 24 == levels[count - 1] >> 24 ? "straight, one level" : "straight, across levels")
                } else {
                    // Levels with amplitude modulation: anywhere, clamped to -128...127 whole levels.
                    // One in four well below level 0, where every gain is 0 (an operator turned down).
                    let centre = trial % 8 == 1 ? Int32.random(in: Int32.min...(-10 << 24), using: &random)
                                                : Int32.random(in: Int32.min...(120 << 24), using: &random)
                    let spread = trial % 8 == 1 ? Int32(1 << 24) : [0, 1 << 16, 1 << 26, Int32.max / 2][trial / 2 % 4]
                    for s in 0..<count {
                        levels[s] = Int32(clamping: Int64(centre) + Int64.random(in: -Int64(spread)...Int64(spread), using: &random))
                    }
                    kinds.insert("modulated")
                }
                DX7OperatorKernel.modulationIndex(levels: levels, into: scalar, count: count, table: zero, straight: straight)
                let saysAudible = DX7VectorKernels.modulationIndex(levels: levels, into: vector, count: count, table: zero,
                                                                   straight: straight)
                // The flag that lets the operator loop skip a silent operator without a scan.
                let audible = (0..<count).contains { scalar[$0] != 0 }
                if saysAudible != audible || (straight && runSaysAudible != audible) { wrongFlags += 1 }
                if !audible { silentSpans += 1 }
                compared += count
                for s in 0..<count where scalar[s] != vector[s] || (straight && scalar[s] != computed[s]) { differing += 1 }
            }
        }
        #expect(kinds.count == 3, "\(kinds)")
        #expect(silentSpans > 50, "all-zero spans tried: \(silentSpans)")
        #expect(wrongFlags == 0)
        #expect(compared == 97_276)  // 46 times 1+...+64, then 1+...+56
        #expect(differing == 0, "\(differing) of \(compared) gains differ")
    }

    @Test(.enabled(if: avx2, "\(noAVX2)"))
    func ampModLoopsEqualTheScalarFormulas() {
        var random = TestRandom(seed: 53)
        let lfo = UnsafeMutablePointer<Int32>.allocate(capacity: 64), ampMod = UnsafeMutablePointer<Int32>.allocate(capacity: 64)
        let levels = UnsafeMutablePointer<Int32>.allocate(capacity: 64)
        let scalarGains = UnsafeMutablePointer<Int32>.allocate(capacity: 64), vectorGains = UnsafeMutablePointer<Int32>.allocate(capacity: 64)
        let reduction = UnsafeMutablePointer<Int32>.allocate(capacity: 64)
        defer { lfo.deallocate(); ampMod.deallocate(); levels.deallocate(); scalarGains.deallocate(); vectorGains.deallocate(); reduction.deallocate() }
        var compared = 0, differing = 0
        DX7OperatorKernel.levelToIndex.withUnsafeBufferPointer { table in
            let zero = table.baseAddress! + 128
            for trial in 0..<2_000 {
                let count = 1 + trial % 64
                for s in 0..<64 { lfo[s] = Self.anyInt32(&random); levels[s] = Self.anyInt32(&random) }
                // Delay runs as the engine makes them (held at 0, ramping, settled at full depth) and arbitrary ones.
                let (value, increment): (Int32, Int32) = switch trial % 4 {
                case 0: (0, 0)
                case 1: (Int32.random(in: 0...(1 << 24), using: &random), Int32.random(in: 1...(1 << 20), using: &random))
                case 2: (1 << 24, 0)
                default: (Self.anyInt32(&random), Self.anyInt32(&random))
                }
                let depth = trial % 5 == 0 ? Self.anyInt32(&random) : Int32.random(in: 0...(127 << 24), using: &random)
                DX7VectorKernels.ampMod(depth: depth, value: value, increment: increment, lfo: lfo, into: ampMod, count: count)
                let sensitivity = trial % 3 == 0 ? Self.anyInt32(&random) : [0, 1 << 22, 1 << 23, 1 << 24][trial % 4]
                // An envelope run (EG levels 0...99, rising, falling or held) and, now and then, any integers.
                let start = trial % 9 == 0 ? Self.anyInt32(&random) : Int32.random(in: 0...(99 << 24), using: &random)
                let slope = trial % 9 == 0 ? Self.anyInt32(&random) : [0, 1 << 14, -(1 << 16)][trial % 3]
                DX7VectorKernels.scale(ampMod: ampMod, by: sensitivity, into: reduction, count: count)
                let saysAudible = DX7VectorKernels.modulationIndex(ofRunFrom: start, slope: slope, less: reduction,
                                                                   levels: levels, into: vectorGains, count: count, table: zero)
                DX7OperatorKernel.modulationIndex(levels: levels, into: scalarGains, count: count, table: zero)
                if saysAudible != (0..<count).contains(where: { scalarGains[$0] != 0 }) { differing += 1 }
                for s in 0..<count where vectorGains[s] != scalarGains[s] { differing += 1 }
                for s in 0..<count {
                    // The formulas written out: 64-bit products, shifted, truncated; the delay value and the run wrapping.
                    let delay = Int64(value &+ Int32(s) &* increment)
                    let expected = Int32(truncatingIfNeeded: (Int64(Int32(truncatingIfNeeded: (Int64(depth) * delay) >> 24)) * Int64(lfo[s])) >> 24)
                    let level = (start &+ Int32(s) &* slope) &- Int32(truncatingIfNeeded: (Int64(expected) * Int64(sensitivity)) >> 24)
                    compared += 1
                    let scaled = Int32(truncatingIfNeeded: (Int64(expected) * Int64(sensitivity)) >> 24)
                    if ampMod[s] != expected || reduction[s] != scaled || levels[s] != level { differing += 1 }
                }
            }
        }
        #expect(compared == 64_616)
        #expect(differing == 0, "\(differing) of \(compared) samples differ")
    }

    @Test(.enabled(if: avx2, "\(noAVX2)"))
    func carrierMixEqualsTheSwiftLoop() {
        var random = TestRandom(seed: 61)
        let carriers = UnsafeMutablePointer<Int32>.allocate(capacity: 6 * 64)
        let pointers = UnsafeMutablePointer<UnsafePointer<Int32>?>.allocate(capacity: 6)
        let swift = UnsafeMutablePointer<Float>.allocate(capacity: 64), vector = UnsafeMutablePointer<Float>.allocate(capacity: 64)
        defer { carriers.deallocate(); pointers.deallocate(); swift.deallocate(); vector.deallocate() }
        for k in 0..<6 { pointers[k] = UnsafePointer(carriers + k * 64) }
        var compared = 0, differing = 0
        for trial in 0..<1_200 {
            let count = 1 + trial % 64, n = 1 + trial % 6
            // Operator outputs (about ±2^24), and any integers now and then, so sums wrap.
            for i in 0..<(6 * 64) { carriers[i] = trial % 7 == 0 ? Self.anyInt32(&random) : Int32.random(in: -(1 << 24)...(1 << 24), using: &random) }
            // Whatever the output held is overwritten; past `count` it is left alone.
            for s in 0..<64 { swift[s] = Float.random(in: -0.5...0.5, using: &random); vector[s] = swift[s] }
            let scale = Float.random(in: 1e-10...1e-7, using: &random)
            for s in 0..<count {
                var sum: Int32 = 0
                for k in 0..<n { sum &+= carriers[k * 64 + s] }
                swift[s] = Float(sum) * scale
            }
            DX7VectorKernels.mix(pointers, count: n, scale: scale, into: vector, frames: count)
            for s in 0..<64 {
                compared += 1
                if swift[s].bitPattern != vector[s].bitPattern { differing += 1 }
            }
        }
        #expect(compared == 76_800)
        #expect(differing == 0, "\(differing) of \(compared) samples differ")
    }

    @Test(.enabled(if: avx2, "\(noAVX2)"))
    func feedbackLanesEqualTheScalarLanes() {
        var random = TestRandom(seed: 29)
        let table = DX7OperatorKernel.cosineTable
        // 1-8, 9-16 and 17-32 lanes fill one, two or four registers; 33 and 70 take more than one pass.
        for laneCount in [1, 3, 8, 9, 16, 17, 31, 32, 33, 70] {
            let count = 1 + Int(random.next() % 64)
            let buffers = UnsafeMutablePointer<Int32>.allocate(capacity: laneCount * 5 * 64)
            defer { buffers.deallocate() }
            for i in 0..<(laneCount * 5 * 64) { buffers[i] = Self.anyInt32(&random) }
            func lanes(outputs: Int) -> [DX7FeedbackLane] {
                (0..<laneCount).map { k in
                    let base = buffers + k * 5 * 64
                    // Levels as the engine makes them (> -2^31; the kernel's documented range).
                    for s in 0..<64 { base[64 + s] = Swift.max(base[64 + s], Int32.min + 1) }
                    return DX7FeedbackLane(phase: Int32(truncatingIfNeeded: k &* 0x0135_7911) &<< 8,
                                           increment: Int32(truncatingIfNeeded: k &* 0x0024_6801 &+ 977) &<< 8,
                                           feedback: Int32(truncatingIfNeeded: k &* 0x11_1111) &<< 8,
                                           scale: Int32(k % 8) * 4_000, gains: base, levels: base + 64,
                                           external: base + 128, output: base + (3 + outputs) * 64)
                }
            }
            var scalar = lanes(outputs: 0), vector = lanes(outputs: 1)
            table.withUnsafeBufferPointer { cosine in
                scalar.withUnsafeMutableBufferPointer {
                    DX7FeedbackLane.run($0.baseAddress!, laneCount: laneCount, count: count, cosine: cosine.baseAddress!)
                }
                vector.withUnsafeMutableBufferPointer {
                    DX7FeedbackGroup().run($0.baseAddress!, laneCount: laneCount, count: count, cosine: cosine.baseAddress!)
                }
            }
            var differing = 0
            for k in 0..<laneCount {
                if scalar[k].feedback != vector[k].feedback { differing += 1 }
                for s in 0..<count where scalar[k].output[s] != vector[k].output[s] { differing += 1 }
            }
            #expect(differing == 0, "\(laneCount) lanes over \(count) samples: \(differing) values differ")
        }
    }

    @Test(.enabled(if: DX7TestSupport.haveROMBank, "no hexter banks (run scripts/install-deps.sh)"))
    func everyBankVoiceRendersAsTheNaiveKernelDoes() throws {
        // The naive kernel never uses the vector loops. Block and lanes, with the scalar loops (what a
        // processor without AVX2 runs) and with the AVX2 ones where this processor has them, must give
        // its samples exactly.
        let naive = DX7(schema: S.schema, kernel: .naive)
        var kernels: [(String, DX7)] = []
        for kernel in [DX7.Kernel.block, .lanes] {
            for avx2 in Self.avx2 ? [false, true] : [false] {
                var model = DX7(schema: S.schema, kernel: kernel)
                model.usesAVX2 = avx2
                kernels.append(("\(kernel.rawValue) \(avx2 ? "avx2" : "scalar")", model))
            }
        }
        var compared = 0, differing: [String] = []
        for bank in DX7LanesTests.banks where TestPaths.exists(bank) {
            let patches = try DX7SysEx.read(bank).voices.map { $0.patch(schema: S.schema) }
            for note in [36, 60, 84] {
                let settings = RenderSettings(note: note, velocity: 100, holdSeconds: 0.2, tailSeconds: 0.1)
                let references = try patches.map { try naive.render($0, settings: settings) }
                for (name, model) in kernels {
                    let renders = model.kernel == .lanes ? try model.renderSideBySide(patches, settings: settings)
                                                         : try patches.map { try model.render($0, settings: settings) }
                    for index in patches.indices {
                        compared += 1
                        if renders[index] != references[index] { differing.append("\(name): \(bank.lastPathComponent) #\(index) note \(note)") }
                    }
                }
            }
        }
        #expect(compared >= 432 * 3 * kernels.count, "compared \(compared) renders")
        #expect(differing.isEmpty, "\(differing.count) renders differ: \(differing.prefix(5))")
    }

    @Test func randomSettingsRenderAsTheNaiveKernelDoes() throws {
        // The atlas's uniform random settings, over whole 3 s notes: amplitude modulation through the
        // LFO delay's hold, ramp and full depth, which the naive kernel steps sample by sample and the
        // others take a run at a time (and, while it holds, skip).
        let patches = try PatchSampler(schema: S.schema, method: .uniform, seed: 7).randomPatches(0..<40)
        let parameters = try patches.map { try DX7VoiceParameters(patch: $0, schema: S.schema) }
        let delayedAmpMod = parameters.filter { $0.lfoAmpModDepth > 0 && $0.lfoDelay > 0 && $0.lfoDelay < 80 }.count
        #expect(delayedAmpMod >= 15, "only \(delayedAmpMod) patches with amplitude modulation starting mid-note")
        let settings = RenderSettings(note: 60, velocity: 100, holdSeconds: 1.5, tailSeconds: 1.5)
        let references = try patches.map { try DX7(schema: S.schema, kernel: .naive).render($0, settings: settings) }
        var differing: [String] = []
        for kernel in [DX7.Kernel.block, .lanes] {
            for avx2 in Self.avx2 ? [false, true] : [false] {
                var model = DX7(schema: S.schema, kernel: kernel)
                model.usesAVX2 = avx2
                let renders = kernel == .lanes ? try model.renderSideBySide(patches, settings: settings)
                                               : try patches.map { try model.render($0, settings: settings) }
                for index in patches.indices where renders[index] != references[index] {
                    differing.append("\(kernel.rawValue) \(avx2 ? "avx2" : "scalar") #\(index)")
                }
            }
        }
        #expect(differing.isEmpty, "\(differing.count) renders differ: \(differing.prefix(5))")
    }
}
