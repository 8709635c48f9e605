// `atlas`'s probe options and imported-embedding pair, as a user types them: a bad value is a usage
// error (exit 64) with one line saying what is allowed, before any work.
import Foundation
import Testing

@Suite struct AtlasProbeOptionTests {
    @Test(arguments: [
        (["--notes", "48,x,72"], "\"x\" is not one"),
        (["--notes", "48,128"], "\"128\" is not one"),
        (["--notes", "60"], "2 to 16 notes"),
        (["--notes", "48,60,48"], "lists a note twice"),
        (["--notes", "48,72", "--note", "60"], "--note or --notes"),
        (["--note", "128"], "--note must be a MIDI note"),
        (["--note", "-1"], "--note must be a MIDI note"),
        (["--velocity", "0"], "--velocity must be 1...127"),
        (["--hold", "700"], "--hold and --tail"),
        (["--hold", "0", "--tail", "0"], "not both 0"),
        (["--tail", "nan"], "--hold and --tail"),
        (["--embedding", "clap.npy"], "--embedding and --ids go together"),
        (["--ids", "clap.csv"], "--embedding and --ids go together"),
    ])
    func aBadProbeValueIsAUsageError(arguments: [String], says: String) throws {
        let result = try CommandLineBinary.execute(try CommandLineBinary.presetatlas(), ["atlas", "--out", "never"] + arguments,
                                                   in: FileManager.default.temporaryDirectory)
        #expect(result.status == 64, "\(result.stderr)")
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.first?.hasPrefix("Error: ") == true && lines.first?.contains(says) == true, "\(result.stderr)")
    }

    @Test func atlasAndRenderShareTheProbeDefaults() throws {
        let binary = try CommandLineBinary.presetatlas()
        let atlas = try CommandLineBinary.execute(binary, ["atlas", "--help"], in: FileManager.default.temporaryDirectory).stdout
        let render = try CommandLineBinary.execute(binary, ["render", "--help"], in: FileManager.default.temporaryDirectory).stdout
        // Middle C, velocity 100, 1 s held, 1 s tail: the atlas's probe since its first release.
        for (option, value) in [("--velocity", "100"), ("--hold", "1.0"), ("--tail", "1.0")] {
            #expect(Self.defaultValue(of: option, in: atlas) == value, "atlas \(option)")
            #expect(Self.defaultValue(of: option, in: render) == value, "render \(option)")
        }
        #expect(Self.defaultValue(of: "--note", in: render) == "60")
        #expect(Self.defaultValue(of: "--note", in: atlas) == "60, as `render`")
    }

    /// The `(default: X)` ArgumentParser prints in the help paragraph of an option.
    static func defaultValue(of option: String, in help: String) -> String? {
        guard let start = help.range(of: "  \(option) <") else { return nil }
        let rest = help[start.upperBound...]
        // The option's paragraph, its wrapped lines joined (ArgumentParser may break "(default: 60)").
        let paragraph = (String(rest).components(separatedBy: "\n  -").first ?? "")
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard let open = paragraph.range(of: "(default: "), let close = paragraph[open.upperBound...].firstIndex(of: ")") else { return nil }
        return String(paragraph[open.upperBound..<close])
    }
}
