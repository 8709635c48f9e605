// How `bias` groups songs for the per-repository share (`--group-by`): so that one prolific author
// cannot make a spike, each group's share at the default counts once.
import Foundation

public enum BiasGroupBy: String, CaseIterable, Sendable {
    /// The song's parent folder (one folder per repository or author in most collections).
    case parent
    /// The file name up to its second `__`: the corpus convention `owner__repo__path.ext` of
    /// ../shared/corpora/projects, whose files from many repositories share one folder per format.
    /// Names without two `__` fall back to the parent folder.
    case namePrefix = "name-prefix"
    /// Every file its own group (the per-file share again).
    case file

    public func group(of path: String) -> String {
        let url = URL(fileURLWithPath: path)
        switch self {
        case .parent:
            return url.deletingLastPathComponent().path
        case .namePrefix:
            let parts = url.lastPathComponent.components(separatedBy: "__")
            return parts.count >= 3 ? parts[0] + "/" + parts[1] : url.deletingLastPathComponent().path
        case .file:
            return path
        }
    }
}
