// Every command of the built `presetatlas`, as a user meets it: --help with an example, usage errors
// (exit 64) for unknown options and values outside fixed choices, one error line naming a missing input
// (exit 1), and the developer tools kept under `dev`.
import Foundation
import Testing

@Suite struct CommandLineTests {
    static let userCommands = ["info", "render", "features", "embed", "coverage", "map", "bias", "atlas", "merge", "export", "explore", "dev"]
    static let devCommands = ["fidelity", "fidelity-dx7", "fidelity-amsynth", "bench-dx7", "bench-amsynth"]
    static let everyCommand: [[String]] = userCommands.map { [$0] } + devCommands.map { ["dev", $0] }

    static func execute(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        try CommandLineBinary.execute(try CommandLineBinary.presetatlas(), arguments,
                                      in: FileManager.default.temporaryDirectory)
    }

    /// The subcommand names listed under SUBCOMMANDS in a help text.
    static func listedSubcommands(_ help: String) -> [String] {
        guard let section = help.components(separatedBy: "SUBCOMMANDS:").last, help.contains("SUBCOMMANDS:") else { return [] }
        return section.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("  "), !line.hasPrefix("   ") else { return nil }
            return line.split(separator: " ").first.map(String.init)
        }.filter { $0 != "See" }
    }

    @Test func theUsersCommandListHoldsNoDeveloperTools() throws {
        let root = try Self.execute(["--help"])
        #expect(root.status == 0)
        #expect(Self.listedSubcommands(root.stdout) == Self.userCommands)
        let dev = try Self.execute(["dev", "--help"])
        #expect(Self.listedSubcommands(dev.stdout) == Self.devCommands)
    }

    @Test(arguments: everyCommand)
    func helpExplainsWithAnExample(command: [String]) throws {
        let result = try Self.execute(command + ["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Example"), "\(command) --help has no example")
        #expect(result.stdout.contains("presetatlas \(command.joined(separator: " "))"), "\(command)'s example does not call it")
    }

    @Test(arguments: everyCommand)
    func anUnknownOptionIsAUsageError(command: [String]) throws {
        let result = try Self.execute(command + ["--no-such-option"])
        #expect(result.status == 64)
        // The first problem found (a missing argument, else the unknown option) on one "Error:" line.
        #expect(result.stderr.split(separator: "\n").first?.hasPrefix("Error: ") == true, "\(result.stderr)")
    }

    @Test(arguments: [
        (["atlas", "--out", "x", "--sampler", "halton"], ["uniform", "sobol"]),
        (["export", "x", "--format", "parquet"], ["npy", "csv"]),
        (["embed", "x.wav", "--out", "x.npy", "--kind", "openl3"], ["descriptors"]),
        (["render", "x.xpf", "--out-dir", "x", "--format", "mp3"], ["wav", "flac"]),
        (["dev", "bench-dx7", "x.syx", "--kernel", "simd"], ["naive", "block"]),
        (["dev", "bench-dx7", "x.syx", "--loops", "sse4"], ["scalar", "avx2"]),
    ])
    func aValueOutsideFixedChoicesIsRefusedListingThem(arguments: [String], choices: [String]) throws {
        let result = try Self.execute(arguments)
        #expect(result.status == 64)
        #expect(choices.allSatisfy { result.stderr.contains("'\($0)'") }, "\(result.stderr)")
    }

    @Test(arguments: [["dev", "bench-dx7"], ["dev", "bench-dx7", "x.syx", "--random", "4"], ["dev", "bench-dx7", "--random", "0"],
                      ["dev", "bench-dx7", "--random", "100000001"]])
    func benchDX7TakesEitherABankOrRandomSettings(arguments: [String]) throws {
        // A huge --random is refused before any setting is drawn (they are all held in memory).
        let result = try Self.execute(arguments)
        #expect(result.status == 64)
        #expect(result.stderr.contains("--random"), "\(result.stderr)")
    }

    @Test(arguments: [["--hold", "nan"], ["--tail", "inf"], ["--hold", "-1"], ["--hold", "500", "--tail", "500"]])
    func benchDX7RefusesNoteLengthsItCannotRender(arguments: [String]) throws {
        let result = try Self.execute(["dev", "bench-dx7", "--random", "2"] + arguments)
        #expect(result.status == 64)
        #expect(result.stderr.contains("--hold") && result.stdout.isEmpty, "\(result.stderr)")
    }

    @Test func benchDX7RendersRandomSettingsWithoutABank() throws {
        let result = try Self.execute(["dev", "bench-dx7", "--random", "3", "--seed", "7", "--hold", "0.05", "--tail", "0.05",
                                       "--jobs", "1", "--rounds", "1", "--kernel", "block", "--loops", "scalar"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("3 uniform random settings (seed 7)"), "\(result.stdout)")
        // One measurement: the header, the column names and one row for block, scalar, 1 thread.
        let rows = result.stdout.split(separator: "\n").filter { $0.hasPrefix("block") }
        #expect(rows.count == 1 && rows[0].contains("scalar"), "\(result.stdout)")
    }

    @Test(arguments: [
        (["render", "/missing/x.xpf", "--out", "/tmp/never.wav"], "x.xpf"),
        (["features", "/missing/a.wav", "--out", "/tmp/never-features"], "/missing/a.wav"),
        (["embed", "/missing/a.wav", "--out", "/tmp/never.npy"], "/missing/a.wav"),
        (["coverage", "/missing/r.npy", "/missing/c.npy"], "/missing/r.npy"),
        (["map", "/missing/e.npy", "--out", "/tmp/never-xy.npy"], "/missing/e.npy"),
        (["merge", "/missing/shard", "--out", "/tmp/never-merged"], "/missing/shard"),
        (["export", "/missing/report"], "/missing/report"),
        (["dev", "fidelity", "--references", "/missing/refs", "--presets", "/missing/p"], "/missing/refs"),
        (["dev", "fidelity-dx7", "--references", "/missing/refs", "--bank", "/missing/b.dx7"], "b.dx7"),
        (["dev", "bench-dx7", "/missing/b.dx7"], "b.dx7"),
    ])
    func aMissingInputIsOneErrorLineNamingIt(arguments: [String], named: String) throws {
        let result = try Self.execute(arguments)
        #expect(result.status == 1)
        let first = result.stderr.split(separator: "\n").first.map(String.init) ?? ""
        #expect(first.lowercased().hasPrefix("error: ") && first.contains(named), "\(result.stderr)")
        #expect(!result.stderr.contains("NSCocoaErrorDomain") && !result.stderr.contains("UserInfo="), "\(result.stderr)")
    }
}
