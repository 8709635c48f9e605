// `presetatlas dev`: tools for developing PresetAtlas itself (fidelity against the real tools' renders,
// engine benchmarks), kept out of the user's command list.
import ArgumentParser

struct Dev: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Developer tools: fidelity against reference renders, engine benchmarks.",
        discussion: """
        Example:
          presetatlas dev fidelity-dx7 --references ../shared/fixtures/dx7-reference \\
              --bank .cache/factory/usr/share/hexter/dx7_roms.dx7
        """,
        subcommands: [Fidelity.self, FidelityDX7.self, FidelityAmsynth.self, BenchDX7.self, BenchAmsynth.self])
}
