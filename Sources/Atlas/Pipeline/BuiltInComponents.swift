// The real parts of an atlas run: the built-in synth engines, the preset readers, the Features
// embedding and the SoundSpace algorithms, plus where the default sources are.
import Foundation
import Formats
import Synthesis

public enum BuiltInComponents {
    /// The package root: the folder holding `Synths/`.
    public static func packageRoot() throws -> URL {
        try SynthDefinition.directory().deletingLastPathComponent()
    }

    /// The factory banks fetched by `scripts/install-deps.sh` and this project's own `Presets/`.
    public static func defaultSources(root: URL) -> [URL] {
        ["/.cache/factory/usr/share/lmms/presets/TripleOscillator", "/.cache/factory/usr/share/hexter", "/Presets"]
            .map { URL(fileURLWithPath: root.path + $0) }
            .filter { FileManager.default.fileExists(atPath: $0.path) }
    }

    public static func make() throws -> AtlasComponents {
        throw AtlasStoreError("the built-in synth engines, embedding and sound-space modules are not wired in yet")
    }
}
