// Where the report page's scripts and style (Sources/Atlas/Report/Resources) are found, however the binary
// is installed. SwiftPM's generated `Bundle.module` stops the program (fatalError) when its bundle is
// neither beside the executable nor at the build path it was compiled at, so a copied binary died while
// writing a report; this lookup tries every place in turn and fails with one line naming them.
import Foundation

enum PageAssets {
    /// The folder that is tried alone when set.
    static let overrideVariable = "PRESETATLAS_PAGE"

    /// The source folder of the assets (this file is `Sources/Atlas/Report/PageAssets.swift`).
    static let sourceFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Resources", isDirectory: true)

    /// Where the assets are looked for, in order: `$PRESETATLAS_PAGE`; SwiftPM's resource bundle beside the
    /// executable (`swift build` output, or a copy made with it); an installed `../share/presetatlas/page/`;
    /// the source tree the binary was built from.
    static func candidates(executable: URL? = Bundle.main.executableURL,
                           environment: [String: String] = ProcessInfo.processInfo.environment) -> [URL] {
        if let folder = environment[overrideVariable], !folder.isEmpty { return [URL(fileURLWithPath: folder, isDirectory: true)] }
        var places: [URL] = []
        if let bin = executable?.resolvingSymlinksInPath().deletingLastPathComponent() {
            places.append(bin.appendingPathComponent("PresetAtlas_Atlas.resources/Resources", isDirectory: true))
            places.append(bin.deletingLastPathComponent().appendingPathComponent("share/presetatlas/page", isDirectory: true))
        }
        places.append(sourceFolder)
        return places
    }

    /// The bytes of the asset `name` from the first candidate folder holding every one of `names`
    /// (a half-copied folder is passed over, so the page never mixes two versions).
    static func read(_ name: String, names: [String], candidates: [URL] = candidates()) throws -> Data {
        let fm = FileManager.default
        guard let folder = candidates.first(where: { folder in names.allSatisfy { fm.fileExists(atPath: folder.appendingPathComponent($0).path) } }) else {
            throw PageAssetsMissing(description: "cannot find the report page's \(names.joined(separator: ", ")) (looked in "
                                    + candidates.map(\.path).joined(separator: ", ") + "); set \(overrideVariable)")
        }
        return try Data(contentsOf: folder.appendingPathComponent(name))
    }
}

/// The page's scripts or style are nowhere to be found (one line).
struct PageAssetsMissing: Error, CustomStringConvertible {
    var description: String
}
