// Where PresetAtlas's own data folders (`Synths/`, `Presets/`) are. Never looked up from the current
// directory: a run must not change meaning with the folder it is started in.
import Foundation

public enum PackageData {
    /// Why a data folder could not be found (one line).
    public struct NotFound: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// The package this code was compiled from (this file is `Sources/Formats/PackageData.swift`), as
    /// SwiftPM's own resource bundles fall back to their build location.
    static let buildTree = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The folder of the running executable (symlinks resolved).
    static var executableFolder: URL? {
        Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent()
    }

    /// Where `name` is looked for, in order: `$variable` if set; beside the executable; an installed
    /// `../share/presetatlas/`; the package the binary was built from.
    static func candidates(_ name: String, variable: String) -> [URL] {
        if let override = ProcessInfo.processInfo.environment[variable], !override.isEmpty {
            return [URL(fileURLWithPath: override, isDirectory: true)]
        }
        var places: [URL] = []
        if let bin = executableFolder {
            places.append(bin.appendingPathComponent(name, isDirectory: true))
            places.append(bin.deletingLastPathComponent().appendingPathComponent("share/presetatlas/\(name)", isDirectory: true))
        }
        places.append(buildTree.appendingPathComponent(name, isDirectory: true))
        return places
    }

    /// The first candidate folder `name` that holds `marker` (a file or folder inside it).
    public static func folder(_ name: String, holding marker: String, variable: String) throws -> URL {
        let places = candidates(name, variable: variable)
        if let found = places.first(where: { FileManager.default.fileExists(atPath: $0.appendingPathComponent(marker).path) }) {
            return found
        }
        throw NotFound(description: "cannot find \(name)/\(marker) (looked in \(places.map(\.path).joined(separator: ", "))); set \(variable)")
    }

    /// `Synths/`: one XML definition per built-in synth. `$PRESETATLAS_SYNTHS` overrides.
    public static func synthsFolder() throws -> URL {
        try folder("Synths", holding: "dx7.xml", variable: "PRESETATLAS_SYNTHS")
    }

    /// `Presets/`: our own banks and the tool-defaults data. `$PRESETATLAS_PRESETS` overrides.
    public static func presetsFolder() throws -> URL {
        try folder("Presets", holding: "default-tempos.csv", variable: "PRESETATLAS_PRESETS")
    }
}
