// DX7 headerless banks are sniffed as hexter loads them.
import Foundation
import Synthesis
import Testing
@testable import Formats

/// Sniffing headerless banks as hexter loads them: a voice with stray bits or an EG value over 99 is
/// still a voice (decode masks and reports it); bytes that are no voice are not.
@Suite struct DX7HeaderlessSniffTests {
    @Test func oneVoiceWithStrayBitsIsSniffedAsDX7() throws {
        var packed = DX7VoiceData().packed
        packed[0] = 120     // OP6 rate 1 above 99
        packed[110] = 0x7F  // algorithm with stray bits 5-6
        packed[3] = 0x85    // bit 7 set
        #expect(DX7SysEx.looksLikeDX7(Data(packed)))
        let bank = try DX7SysEx.decode(packed, fileName: "one.dx7")
        #expect(bank.voices.count == 1)
        #expect(bank.warnings.contains { $0.contains("stray") })
    }

    @Test func textAndNoiseOf128BytesAreNotDX7() {
        let text = Data(String(repeating: "not a voice, just text. ", count: 6).utf8.prefix(128))
        #expect(text.count == 128)
        #expect(!DX7SysEx.looksLikeDX7(text))
        var generator = SplitMix64(seed: 10)
        var falsePositives = 0
        for _ in 0..<200 {
            let noise = Data((0..<128).map { _ in UInt8.random(in: 0...255, using: &generator) })
            if DX7SysEx.looksLikeDX7(noise) { falsePositives += 1 }
        }
        #expect(falsePositives == 0)
    }
}
