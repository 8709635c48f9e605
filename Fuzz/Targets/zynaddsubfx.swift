// ZynAddSubFX instruments (.xiz: gzip'd XML, or plain XML).
import Formats
import FuzzSupport

let schema = FuzzSupport.schema("zynaddsubfx")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzZynAddSubFX(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = fuzzInput(start, count)
    _ = ZynAddSubFXInstrument.looksLike(data)
    _ = try? ZynAddSubFXInstrument.read(data, schema: schema, fallbackName: "fuzz")
    return 0
}
