// .npy arrays as embeddings are imported (NumpyArray.decode).
import NumpyFormat
import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNumpy(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    _ = try? NumpyArray.decode(fuzzInput(start, count))
    return 0
}
