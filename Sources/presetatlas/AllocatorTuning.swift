// Keeps the C allocator from handing large blocks back to the kernel after each clip. A 4 s render is
// 700 KB of samples, above glibc's default mmap threshold, so every clip's buffers were mapped, zeroed
// by page faults and unmapped again: a sixth of `presetatlas embed`'s CPU time was in the kernel.
#if canImport(Glibc)
import Glibc
#endif

enum AllocatorTuning {
    /// Blocks up to 32 MB (glibc's largest mmap threshold) come from the heap, and up to 256 MB of free
    /// heap top is kept for the next clip instead of being trimmed.
    static func keepLargeBlocksInTheHeap() {
        #if canImport(Glibc)
        // Swift's Glibc module does not export <malloc.h>: mallopt is looked up by name. Option numbers
        // from malloc.h: M_TRIM_THRESHOLD -1, M_MMAP_THRESHOLD -3.
        typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: MallOpt.self)
        _ = mallopt(-3, 32 << 20)
        _ = mallopt(-1, 256 << 20)
        #endif
    }
}
