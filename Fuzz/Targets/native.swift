// The native preset XML (Presets/*/*.xml), read against the TripleOscillator schema.
import Formats
import FuzzSupport

let schema = FuzzSupport.schema("tripleoscillator")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNativePreset(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = fuzzInput(start, count)
    _ = NativePreset.looksLikeNativePreset(data)
    _ = try? NativePreset.read(data, file: "fuzz.xml", schema: schema)
    _ = try? NativePreset.read(data, file: "fuzz.xml", schema: nil)
    return 0
}
