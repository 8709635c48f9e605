// The list of subcommands, one file each beside this one.
import ArgumentParser

extension PresetAtlas {
    static let allSubcommands: [ParsableCommand.Type] = [
        Info.self,
        Render.self,
        Fidelity.self,
        FeaturesCommand.self,
        EmbedCommand.self,
        CoverageCommand.self,
        MapCommand.self,
        Bias.self,
        AtlasCommand.self,
        MergeCommand.self,
        ExportCommand.self,
        ExploreCommand.self,
        BenchDX7.self,
        FidelityDX7.self,
    ]
}
