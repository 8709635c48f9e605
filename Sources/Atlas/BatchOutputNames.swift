// Output names of a batch render: one stem per input file, unique even when inputs share a file name
// (`a/Bell.xpf` and `b/Bell.xpf`), so no render silently overwrites another.
import Foundation

enum BatchOutputNames {
    /// The stem each input's outputs are named after, in `files` order. A file keeps its own stem when no
    /// earlier file has it; a later file with the same stem gets `-2`, `-3`, ... (the first such number no
    /// input uses as its own stem). Stems compare case-insensitively, as macOS and Windows folders do.
    static func stems(for files: [URL]) -> [String] {
        let natural = files.map { $0.deletingPathExtension().lastPathComponent }
        var taken = Set(natural.map { $0.lowercased() })
        var seen = Set<String>()
        return natural.map { stem in
            guard seen.insert(stem.lowercased()).inserted else {
                var number = 2
                while taken.contains("\(stem)-\(number)".lowercased()) { number += 1 }
                let renamed = "\(stem)-\(number)"
                taken.insert(renamed.lowercased())
                return renamed
            }
            return stem
        }
    }

    /// The output name (without extension) of patch `number` of a file holding `count` patches: a bank's
    /// patches are numbered from 000.
    static func base(stem: String, number: Int, count: Int) -> String {
        count > 1 ? stem + String(format: "_%03d", number) : stem
    }
}
