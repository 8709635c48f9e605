// Cuts out of a ZynAddSubFX document the sections no parameter of the schema reads (the other seven
// ADDsynth voices, SUBsynth, PADsynth, harmonic and resonance tables, other kit items, effects)
// before the XML is parsed: those are two thirds of a typical instrument's bytes. Purely a speed-up:
// the reader falls back to the whole document when the trimmed one does not parse, and a test checks
// that trimmed and whole documents give the same patch for every factory instrument.
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Synthesis

enum ZynAddSubFXTrim {
    /// A section: its start tag text, the text that ends it, and whether that end text is kept
    /// (it closes the parent, not the section), plus the path fragment a parameter would carry if
    /// it read something inside.
    struct Section {
        let start: String
        let end: String
        let keepEnd: Bool
        let readBy: String
    }

    static let sections: [Section] = [
        // VOICE 1…7 sit after VOICE 0 and run to the end of the ADDsynth section.
        Section(start: "<VOICE id=\"1\">", end: "</ADD_SYNTH_PARAMETERS>", keepEnd: true, readBy: "VOICE[1]"),
        Section(start: "<SUB_SYNTH_PARAMETERS>", end: "</SUB_SYNTH_PARAMETERS>", keepEnd: false, readBy: "SUB_SYNTH_PARAMETERS"),
        Section(start: "<PAD_SYNTH_PARAMETERS>", end: "</PAD_SYNTH_PARAMETERS>", keepEnd: false, readBy: "PAD_SYNTH_PARAMETERS"),
        Section(start: "<HARMONICS>", end: "</HARMONICS>", keepEnd: false, readBy: "HARMONICS"),
        Section(start: "<RESONANCE>", end: "</RESONANCE>", keepEnd: false, readBy: "RESONANCE"),
        Section(start: "<INSTRUMENT_KIT_ITEM id=\"1\">", end: "</INSTRUMENT_KIT>", keepEnd: true, readBy: "INSTRUMENT_KIT_ITEM[1]"),
        Section(start: "<INSTRUMENT_EFFECTS>", end: "</INSTRUMENT_EFFECTS>", keepEnd: false, readBy: "INSTRUMENT_EFFECTS"),
    ]

    /// The sections `schema` never reads (a schema reading voice 2 keeps every voice, and so on).
    static func unread(by schema: SynthSchema) -> [Section] {
        sections.filter { section in
            !schema.parameters.contains { spec in
                spec.source.contains(section.readBy)
                    || (section.readBy == "VOICE[1]" && spec.source.range(of: #"VOICE\[[1-7]\]"#, options: .regularExpression) != nil)
                    || (section.readBy == "INSTRUMENT_KIT_ITEM[1]"
                        && spec.source.range(of: #"INSTRUMENT_KIT_ITEM\[([1-9]|1[0-5])\]"#, options: .regularExpression) != nil)
            }
        }
    }

    /// `xml` without every occurrence of the given sections. O(bytes × sections): one forward scan
    /// per section with memchr/memcmp (a generic `Data.firstRange` was 6× slower than parsing everything).
    static func trimmed(_ xml: Data, removing sections: [Section]) -> Data {
        var bytes = [UInt8](xml)
        for section in sections {
            let start = Array(section.start.utf8), end = Array(section.end.utf8)
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count)
            bytes.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return }
                // memchr for the first byte, memcmp for the rest (memmem is a GNU extension Swift cannot see).
                func find(_ needle: [UInt8], from offset: Int) -> Int? {
                    var position = offset
                    let last = buffer.count - needle.count
                    return needle.withUnsafeBufferPointer { n -> Int? in
                        guard let first = n.first, let needleBase = n.baseAddress else { return nil }
                        while position <= last {
                            guard let hit = memchr(base + position, Int32(first), last - position + 1) else { return nil }
                            let index = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
                            if memcmp(base + index, needleBase, n.count) == 0 { return index }
                            position = index + 1
                        }
                        return nil
                    }
                }
                var from = 0
                while let open = find(start, from: from), let close = find(end, from: open + start.count) {
                    result.append(contentsOf: buffer[from..<open])
                    from = section.keepEnd ? close : close + end.count
                }
                result.append(contentsOf: buffer[from...])
            }
            bytes = result
        }
        return Data(bytes)
    }
}
