// Song and project tempo readers. FUZZ_TEMPO_FORMAT picks one format's reader (so each is fuzzed on its
// own seeds); unset, the bytes go through TempoReader's sniffing, as `bias` reads them.
import Foundation
@testable import Formats
import FuzzSupport

let format = ProcessInfo.processInfo.environment["FUZZ_TEMPO_FORMAT"] ?? "any"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTempo(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = fuzzInput(start, count)
    let bytes = ByteReader([UInt8](data))
    switch format {
    case "midi": _ = try? MIDIFileTempo.read(bytes)
    case "protracker": _ = try? ProTrackerModuleTempo.read(bytes)
    case "fasttracker": _ = try? FastTrackerModuleTempo.read(bytes)
    case "screamtracker": _ = try? ScreamTrackerModuleTempo.read(bytes)
    case "impulsetracker": _ = try? ImpulseTrackerModuleTempo.read(bytes)
    case "lmms": _ = try? LMMSProjectTempo.read(xml: data, isTemplate: false)
    case "hydrogen": _ = try? HydrogenSongTempo.read(xml: data, isTemplate: false)
    case "musescore": _ = try? MuseScoreTempo.read(xml: data, isTemplate: false)
    case "musescore-zip": _ = try? MuseScoreTempo.read(zip: data, isTemplate: false)
    case "rosegarden": _ = try? RosegardenTempo.read(xml: data, isTemplate: false)
    case "ardour": _ = try? ArdourSessionTempo.read(xml: data, isTemplate: false)
    default: _ = try? TempoReader.read(data)
    }
    return 0
}
