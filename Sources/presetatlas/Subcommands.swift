// The list of subcommands, one file each beside this one.
import ArgumentParser

extension PresetAtlas {
    static let allSubcommands: [ParsableCommand.Type] = [
        Info.self,
        AtlasCommand.self,
        MergeCommand.self,
    ]
}
