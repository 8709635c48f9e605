// DX7 voice files: SysEx bulk and single-voice dumps, headerless packed banks.
import Formats
import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDX7(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = fuzzInput(start, count)
    _ = DX7SysEx.looksLikeDX7(data)
    _ = try? DX7SysEx.decode([UInt8](data), fileName: "fuzz.syx")
    return 0
}
