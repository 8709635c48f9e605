// Tuning aid, not an assertion: with DX7_DUMP_DIR set, renders the reference voices (even ROM
// voices, reference settings) as WAV files for scripts/dx7-distance.py. Skipped otherwise.
import Foundation
import Formats
import Features
import Testing
@testable import Synthesis

@Suite struct DX7RenderDumpTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["DX7_DUMP_DIR"] != nil && DX7TestSupport.haveROMBank,
                   "set DX7_DUMP_DIR and run scripts/install-deps.sh to dump renders"))
    func dumpReferenceRenders() throws {
        let directory = URL(fileURLWithPath: ProcessInfo.processInfo.environment["DX7_DUMP_DIR"] ?? "/tmp")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let bank = try DX7SysEx.read(DX7TestSupport.romBank)
        let only = ProcessInfo.processInfo.environment["DX7_DUMP_ONLY"].flatMap(Int.init)
        for index in stride(from: 0, to: bank.voices.count, by: 2) where only == nil || only == index {
            let patch = bank.voices[index].patch(schema: DX7TestSupport.schema)
            let audio = try DX7TestSupport.model.render(patch, settings: DX7TestSupport.referenceSettings)
            let clip = AudioClip(sampleRateHz: audio.sampleRateHz, channels: audio.channels)
            try AudioFile.write(clip, to: directory.appendingPathComponent(String(format: "dx7_roms_%03d.wav", index)))
        }
    }
}
