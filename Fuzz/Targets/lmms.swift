// LMMS .xpf presets (plain or qCompress'd XML) through the sniffer and the reader.
import Formats
import Synthesis
import FuzzSupport

let schema = FuzzSupport.schema("tripleoscillator")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLMMS(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = fuzzInput(start, count)
    _ = LMMSPreset.sniff(data)
    if let patch = try? LMMSPreset.parse(data, fileName: "fuzz.xpf", directory: nil, schema: schema) {
        for spec in schema.parameters { _ = patch.value(spec) }
    }
    return 0
}
