// Points as text (CSV, semicolons, whitespace) or .npy, through MatrixFile as `coverage` and `map` read them.
import SoundSpace
import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMatrixFile(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let url = FuzzSupport.scratchFile(fuzzInput(start, count), extension: "csv")
    _ = try? MatrixFile.read(url)
    return 0
}
