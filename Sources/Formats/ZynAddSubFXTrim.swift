// Cuts out of a ZynAddSubFX document the sections no parameter of the schema reads (the other seven
// ADDsynth voices, SUBsynth, PADsynth, harmonic and resonance tables, other kit items, effects)
// before the XML is parsed: those are two thirds of a typical instrument's bytes. Purely a speed-up:
// the reader falls back to the whole document when the trimmed one does not parse, and a test checks
// that trimmed and whole documents give the same patch for every factory instrument.
import Foundation
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

    /// `xml` without every occurrence of the given sections. O(bytes).
    static func trimmed(_ xml: Data, removing sections: [Section]) -> Data {
        var data = xml
        for section in sections {
            let start = Data(section.start.utf8), end = Data(section.end.utf8)
            var searchFrom = data.startIndex
            var result = Data()
            result.reserveCapacity(data.count)
            while let open = data[searchFrom...].firstRange(of: start),
                  let close = data[open.upperBound...].firstRange(of: end) {
                result.append(data[searchFrom..<open.lowerBound])
                searchFrom = section.keepEnd ? close.lowerBound : close.upperBound
            }
            result.append(data[searchFrom...])
            data = result
        }
        return data
    }
}
