// Locates ../shared beside the package root; tests that need it skip (with a message) when it is absent.
import Foundation
import TestSupport

enum SharedFixtures {
    /// `../shared` relative to the package root, found from this file's path.
    static let root: URL = TestPaths.shared

    static var isPresent: Bool { FileManager.default.fileExists(atPath: root.appendingPathComponent("fixtures").path) }

    static func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }
}
