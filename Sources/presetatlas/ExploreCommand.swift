// `presetatlas explore`: patches from the regions a bank never reaches, as files the real synth loads.
import ArgumentParser
import Atlas
import Foundation

extension ExploreSource: ExpressibleByArgument {}

struct ExploreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explore",
        abstract: "Pick playable patches far from every preset and write them as a bank the synth loads.",
        discussion: """
        Examples:
          presetatlas explore Reports/factory --synth dx7 --count 32 --out unexplored.syx
          presetatlas explore Reports/factory --synth dx7 --source beyond --preset "E.PIANO 1" --out beyond.syx
          presetatlas explore Reports/factory --synth tripleoscillator --source search --out Unexplored/
        Candidates (--source): the atlas's random settings (random), new settings rendered now with a short
        local search (search), or mutations of one preset (beyond, with --preset). Kept: playable ones (RMS
        at least -40 dBFS, no clipping, a stable pitch, not a copy of the init patch) far from every preset,
        spread out by farthest-point choice. Distances are in bank spacings: the median distance from a
        preset to its nearest other preset. Names say where a patch came from (EMPTY 07, FOUND 07, E.PIANO+07).
        DX7 patches are written as 32-voice bulk dumps (.syx), TripleOscillator ones as LMMS 1.2.2 presets (.xpf),
        amsynth ones as a bank (.bank), other synths' as a folder of native preset files. The written patches are
        then added to the atlas as its own layer (origin "explored": rendered, with previews, on the map) and the
        report is written again; --no-layer skips that.
        """)

    @Argument(help: "The atlas's report folder (holding atlas.sqlite), analysed by `presetatlas atlas`.")
    var atlas: String

    @Option(help: "The synth whose bank to leave (dx7, tripleoscillator, ...).")
    var synth: String

    @Option(help: "How many patches to export (a .syx holds 32).")
    var count: Int = 32

    @Option(help: "Where candidates come from: random, search or beyond.")
    var source: ExploreSource = .random

    @Option(help: "The preset that --source beyond starts from (its name in the atlas).")
    var preset: String?

    @Option(help: "New settings rendered by --source search.")
    var search: Int = 2000

    @Option(help: "Seed of the search, the mutations and the subsamples.")
    var seed: UInt64 = 1

    @Flag(help: "Also offer unpitched sounds (noise, percussion).")
    var allowUnpitched = false

    @Option(help: "A .syx file (DX7), a .bank file (amsynth) or a folder.")
    var out: String

    @Flag(inversion: .prefixedNo, help: "Add the written patches to the atlas as the \"explored\" layer and rewrite its report.")
    var layer = true

    @Option(help: "Also write the rows and bandwidth behind the Vendi scores here (for scripts/vendi_crosscheck.py).")
    var vendiSets: String?

    func validate() throws {
        guard count >= 1, count <= 32_768 else { throw ValidationError("--count must be 1...32768") }
        guard search >= 1, search <= 1_000_000 else { throw ValidationError("--search must be 1...1000000") }
        if source == .beyond, preset == nil { throw ValidationError("--source beyond needs --preset NAME") }
        if out.lowercased().hasSuffix(".syx"), count > 32 {
            throw ValidationError("a .syx bulk dump holds 32 voices: give --count 32 or less, or a folder for --out")
        }
    }

    func run() throws {
        let folder = URL(fileURLWithPath: atlas)
        let storeURL = folder.pathExtension == "sqlite" ? folder : folder.appendingPathComponent(AtlasStore.fileName)
        guard let type = try? FileManager.default.attributesOfItem(atPath: storeURL.path)[.type] as? FileAttributeType else {
            throw commandFailure("\(storeURL.path): no atlas store here")
        }
        guard type == .typeRegular else { throw commandFailure("\(storeURL.path): not a regular file") }
        do {
            let store = try AtlasStore(url: storeURL)
            let components = try BuiltInComponents.make()
            let request = ExploreRequest(synth: synth, count: count, source: source, seed: seed, searchSize: search,
                                         presetName: preset, tonal: !allowUnpitched)
            let result = try ExploreRun.run(store: store, request: request, components: components) { line in
                FileHandle.standardError.write(Data("explore: \(line)\n".utf8))
            }
            let files = try ExploredBankWriter.write(result.patches, synth: synth, schema: components.models[synth]?.schema,
                                                     to: URL(fileURLWithPath: out))
            print(ExploreSummary.text(result, synth: synth, source: source))
            for file in files { print("wrote \(file.path)") }
            if let vendiSets {
                let written = try ExploreVendiDump.write(result, to: URL(fileURLWithPath: vendiSets))
                print("wrote the Vendi sets: \(written.map(\.lastPathComponent).joined(separator: ", ")) in \(vendiSets)")
            }
            if layer {
                let reports = try ExploredLayer.add(result.patches, writtenTo: files, store: store,
                                                    reportFolder: storeURL.deletingLastPathComponent(), components: components) { step in
                    if case .stage(let name) = step { FileHandle.standardError.write(Data("explore: \(name)\n".utf8)) }
                }
                print("added \(result.patches.count) patches to the atlas as the explored layer; report: "
                      + (reports.first { $0.lastPathComponent == "index.html" }?.path ?? "not written"))
            }
        } catch {
            throw commandFailure("\(error)")
        }
    }
}
