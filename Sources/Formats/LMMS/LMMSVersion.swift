// LMMS's `creatorversion` as a comparable value, for the file upgrades LMMS applies on load
// (src/core/DataFile.cpp `DataFile::upgrade`, src/core/ProjectVersion.cpp).

/// major.minor.release plus an optional pre-release tag ("1.2.0-rc2.42"): a tagged version sorts before
/// the same version without a tag, as in LMMS.
struct LMMSVersion: Comparable {
    var numbers: [Int]
    /// Numeric parts of the tag (`rc2.42` -> [2, 42]); nil for a release.
    var tag: [Int]?

    init(_ text: String) {
        let cleaned = text.replacingOccurrences(of: "svn", with: "")
        let parts = cleaned.split(separator: "-", maxSplits: 1)
        let head = parts.first.map(String.init) ?? ""
        numbers = head.split(separator: ".").map { Int($0.filter(\.isNumber)) ?? 0 }
        while numbers.count < 3 { numbers.append(0) }
        if parts.count > 1 {
            tag = parts[1].split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        }
    }

    static func < (a: LMMSVersion, b: LMMSVersion) -> Bool {
        for i in 0..<3 where a.numbers[i] != b.numbers[i] { return a.numbers[i] < b.numbers[i] }
        switch (a.tag, b.tag) {
        case (nil, nil), (nil, _?): return false
        case (_?, nil): return true
        case let (x?, y?): return x.lexicographicallyPrecedes(y)
        }
    }
}
