// Where the tests' data is: this package, the shared fixtures beside it (`../shared`), the factory data
// fetched by `make deps` (`.cache/factory`). Found from this file's path, never from the current folder.
import Foundation

public enum TestPaths {
    /// The package root (holds Package.swift); this file is `Tests/TestSupport/TestPaths.swift`.
    public static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared` beside the package: reference renders, corpora, fixtures (absent on a fresh clone).
    public static let shared = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")

    /// A file or folder of the package (`Synths/dx7.xml`, `Tests/Fixtures/...`).
    public static func package(_ relative: String) -> URL { packageRoot.appendingPathComponent(relative) }

    /// A file or folder under `../shared`.
    public static func shared(_ relative: String) -> URL { shared.appendingPathComponent(relative) }

    /// A file or folder of the factory data (`usr/share/hexter/dx7_roms.dx7`).
    public static func factory(_ relative: String) -> URL {
        packageRoot.appendingPathComponent(".cache/factory").appendingPathComponent(relative)
    }

    /// Whether `url` exists: tests that need it are enabled only then (and say why when skipped).
    public static func exists(_ url: URL) -> Bool { FileManager.default.fileExists(atPath: url.path) }
}
