// Audio headers and bodies (WAV, FLAC, Ogg, AIFF, ... whatever libsndfile sniffs) through AudioFile.read.
import Features
import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAudioFile(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let url = FuzzSupport.scratchFile(fuzzInput(start, count), extension: "wav")
    _ = try? AudioFile.read(url)
    return 0
}
