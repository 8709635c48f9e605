// Notes rendered side by side in lanes (DX7Lanes) give the samples each note gives alone, over every
// voice of hexter's banks at three notes: lanes may change the speed, never a sample.
import Foundation
import Formats
import Testing
import TestSupport
@testable import Synthesis

@Suite struct DX7LanesTests {
    typealias S = DX7TestSupport
    static let banks = ["dx7_roms.dx7", "tx7_roms.dx7", "fb01_roms_converted_12.dx7", "fb01_roms_converted_34.dx7",
                        "fb01_roms_converted_5.dx7"].map { TestPaths.factory("usr/share/hexter/" + $0) }

    @Test(.enabled(if: DX7TestSupport.haveROMBank, "run scripts/install-deps.sh for hexter's banks"))
    func lanesEqualOneNoteAtATimeOverEveryBankVoice() throws {
        let alone = S.model
        let lanes = DX7(schema: S.schema, kernel: .lanes)
        var compared = 0, differing: [String] = []
        for bank in Self.banks where TestPaths.exists(bank) {
            let patches = try DX7SysEx.read(bank).voices.map { $0.patch(schema: S.schema) }
            for note in [36, 60, 84] {
                // The key is released mid-block (13,230 is not a multiple of 64), as in most renders.
                let settings = RenderSettings(note: note, velocity: 100, holdSeconds: 0.3, tailSeconds: 0.2)
                // An odd count, so groups of 4, the last one partial, and 2- and 1-lane loops all run.
                let sideBySide = try lanes.renderSideBySide(patches, settings: settings)
                #expect(sideBySide.count == patches.count)
                for (index, patch) in patches.enumerated() {
                    compared += 1
                    if try alone.render(patch, settings: settings) != sideBySide[index] {
                        differing.append("\(bank.lastPathComponent) #\(index) note \(note)")
                    }
                }
            }
        }
        #expect(compared >= 128 * 3, "compared \(compared) renders")
        #expect(differing.isEmpty, "\(differing.count) renders differ: \(differing.prefix(5))")
    }

    @Test func aGroupMixesFeedbackLoopsAndPlainVoicesAndOddCounts() throws {
        // Self-feedback with and without modulators (algorithms 1, 32), the 3-operator loop of
        // algorithm 4 (not a lane), no feedback, and a note that dies early: 5 notes, so a group of 4 and 1.
        let patches = [
            S.patch(["algorithm": 1, "feedback": 7]),
            S.patch(["algorithm": 32, "feedback": 5, "op2.level": 99, "op6.level": 99]),
            S.patch(["algorithm": 4, "feedback": 6, "op4.level": 90, "op5.level": 80, "op6.level": 70]),
            S.patch(["algorithm": 16, "feedback": 0]),
            S.patch(["algorithm": 2, "feedback": 3, "op1.eg.rate1": 99, "op1.eg.level2": 0, "op1.eg.level3": 0]),
        ]
        let settings = RenderSettings(note: 57, velocity: 77, holdSeconds: 0.2, tailSeconds: 0.3)
        let sideBySide = try DX7(schema: S.schema, kernel: .lanes).renderSideBySide(patches, settings: settings)
        for (index, patch) in patches.enumerated() {
            let alone = try S.model.render(patch, settings: settings)
            #expect(alone == sideBySide[index], "patch \(index)")
            #expect((alone.channels[0].map(abs).max() ?? 0) > 1e-4, "patch \(index) is audible, so the check means something")
        }
        // One note through the lanes kernel alone is the same too.
        #expect(try DX7(schema: S.schema, kernel: .lanes).render(patches[0], settings: settings) == S.model.render(patches[0], settings: settings))
    }

    @Test func aBadPatchOrSettingFailsTheBatchWithOneLine() {
        let lanes = DX7(schema: S.schema, kernel: .lanes)
        var settings = RenderSettings(note: 60, velocity: 100, holdSeconds: 0.1, tailSeconds: 0.1)
        settings.note = 200
        #expect(throws: RenderError.self) { try lanes.renderSideBySide([S.patch([:])], settings: settings) }
    }

    @Test func aNoteThatDiesLeavesExactZerosWhateverTheBufferHeld() throws {
        // Notes write their samples into buffers nobody zeroed (DX7Voice.render): once a note has died
        // away the rest must be zeros, alone and beside a note that keeps sounding. Buffers of NaN are
        // freed first, so memory that was not written would likely show them.
        let dies = S.patch(["op1.eg.rate2": 99, "op1.eg.level2": 0, "op1.eg.level3": 0])
        let sounds = S.patch([:])
        let settings = RenderSettings(note: 60, velocity: 100, holdSeconds: 1.0, tailSeconds: 1.0)
        let frames = settings.totalFrames
        func dirty() { for _ in 0..<4 { let garbage = [Float](repeating: .nan, count: frames); _ = garbage.withUnsafeBufferPointer { $0.count } } }
        var renders: [(String, [Float])] = []
        for kernel in [DX7.Kernel.naive, .block, .lanes] {
            for avx2 in DX7VectorKernels.available && kernel != .naive ? [false, true] : [false] {
                var model = DX7(schema: S.schema, kernel: kernel)
                model.usesAVX2 = avx2
                dirty()
                let alone = try model.render(dies, settings: settings).channels[0]
                dirty()
                let beside = try model.renderSideBySide([sounds, dies, sounds], settings: settings)[1].channels[0]
                renders += [("\(kernel.rawValue) \(avx2 ? "avx2" : "scalar") alone", alone), ("\(kernel.rawValue) \(avx2 ? "avx2" : "scalar") beside", beside)]
            }
        }
        for (name, samples) in renders {
            #expect(samples.count == frames)
            #expect(samples[0..<441].contains { $0 != 0 }, "\(name): silent from the start")
            let lastSound = samples.lastIndex { $0 != 0 } ?? 0
            #expect(lastSound < frames / 4, "\(name): sound until sample \(lastSound) of \(frames)")
            #expect(samples.allSatisfy { $0.isFinite }, "\(name): samples that are not finite")
            #expect(samples == renders[0].1, "\(name) differs from the naive kernel")
        }
    }
}
