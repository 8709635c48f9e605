// The `presetatlas` command: argument parsing and output only; the work happens in the library modules.
import ArgumentParser

@main
struct PresetAtlas: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "presetatlas",
        abstract: "Maps the sound space of synthesizers: render presets, embed, measure coverage and default bias.",
        discussion: """
        Example:
          presetatlas render .cache/factory/usr/share/lmms/presets/TripleOscillator/Bell.xpf --out bell.wav
        """,
        subcommands: PresetAtlas.allSubcommands)

    static func main() {
        AllocatorTuning.keepLargeBlocksInTheHeap()
        main(nil)
    }
}
