// `presetatlas map`: projects embeddings to 2-D (t-SNE, UMAP or PCA) and reports trustworthiness and continuity.
import ArgumentParser
import Foundation
import SoundSpace

struct MapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "Project embeddings to a 2-D map and report its trustworthiness and continuity at k = 10.",
        discussion: """
        Reads a float .npy [N, D] (or CSV), writes the map as float32 .npy [N, 2]. t-SNE is Barnes-Hut below \
        \(TSNE.interpolationFrom) points and FFT-interpolated (as FIt-SNE and openTSNE) from there up, \
        PCA-initialised (or seeded random with --random-init): the same input and options give the same map, \
        bit for bit. UMAP follows umap-learn's defaults (15 neighbours, min_dist 0.1, 500 epochs up to 10,000 \
        points, 200 above) from a PCA start, on exact neighbours up to \(UMAP.exactLimit) points and NN-descent \
        above; the same input, seed and options give the same map, bit for bit, on any number of cores. \
        With --measure, an existing map (from any tool) is measured instead of computing one.

        Examples:
          presetatlas map embeddings.npy --method tsne --perplexity 30 --out xy.npy
          presetatlas map embeddings.npy --method tsne --random-init --seed 7 --out xy-seed7.npy
          presetatlas map embeddings.npy --method umap --neighbours 15 --min-dist 0.1 --seed 7 --out xy-umap.npy
          presetatlas map embeddings.npy --measure other-tool-xy.npy --json
        """)

    @Argument(help: "Embeddings (.npy or CSV), one point per row.") var embeddings: String
    @Option(help: "Projection: tsne, umap or pca.") var method: MapRun.Method = .tsne
    @Option(help: "Where to write the [N, 2] float32 .npy map.") var out: String?
    @Option(help: "Measure this existing map (.npy or CSV, same rows) instead of computing one.") var measure: String?
    @Option(help: "t-SNE perplexity.") var perplexity: Double = 30
    @Option(help: "t-SNE iterations (the first 250 with early exaggeration).") var iterations: Int = 750
    @Option(help: "Seed of t-SNE's random initialisation (with --random-init) and of UMAP's sampling.") var seed: UInt64 = 0
    @Option(help: "UMAP neighbourhood size, the point itself counted (umap-learn's n_neighbors).") var neighbours: Int = 15
    @Option(help: "UMAP min_dist: how tightly points may pack in the map.") var minDist: Double = 0.1
    @Option(help: "UMAP epochs (default 500 up to 10,000 points, 200 above).") var epochs: Int?
    @Flag(help: "Start t-SNE from seeded Gaussian noise instead of PCA.") var randomInit = false
    @Option(help: "t-SNE repulsion: barnesHut or interpolation (FFT; the default from \(TSNE.interpolationFrom) points).")
    var gradient: TSNE.Gradient?
    @Option(help: "Neighbourhood size for trustworthiness and continuity.") var k: Int = 10
    @Flag(inversion: .prefixedNo, help: "Measure trustworthiness and continuity (O(N²) time, bounded memory).") var quality = true
    @Flag(help: "Print one JSON object instead of lines.") var json = false
    @Flag(help: "Print the seconds each phase took to standard error.") var timing = false

    func validate() throws {
        if out == nil && measure == nil { throw ValidationError("give --out for the map to write, or --measure MAP") }
        // Checked before any work: --k 0 used to fail only after the whole t-SNE had run.
        if k < 1 { throw ValidationError("--k must be at least 1") }
        if !(1...100_000).contains(iterations) { throw ValidationError("--iterations must be 1...100000") }
        if !(perplexity > 0 && perplexity <= 10_000) { throw ValidationError("--perplexity must be above 0 and at most 10000") }
        if !(2...1_000).contains(neighbours) { throw ValidationError("--neighbours must be 2...1000") }
        if !(minDist >= 0 && minDist <= 100) { throw ValidationError("--min-dist must be 0...100") }
        if let epochs, !(1...100_000).contains(epochs) { throw ValidationError("--epochs must be 1...100000") }
    }

    func run() throws {
        var mapping = MapRun()
        mapping.method = method
        mapping.perplexity = perplexity
        mapping.iterations = iterations
        mapping.seed = seed
        mapping.randomInitialisation = randomInit
        mapping.umapNeighbours = neighbours
        mapping.minDistance = minDist
        mapping.epochs = epochs
        mapping.neighbours = k
        mapping.measuresQuality = quality
        mapping.gradient = gradient
        let outcome: MapRun.Outcome
        do {
            outcome = try mapping.run(embeddings: URL(fileURLWithPath: embeddings), existingMap: measure.map { URL(fileURLWithPath: $0) },
                                      out: out.map { URL(fileURLWithPath: $0) })
        } catch let error as SoundSpaceError {
            throw ValidationError("\(embeddings): \(error)")
        }
        if timing {
            for (phase, seconds) in outcome.phaseSeconds { FileHandle.standardError.write(Data("\(phase) seconds \(seconds)\n".utf8)) }
        }
        var fields = ["\"points\":\(outcome.points)"]
        if let method = outcome.method { fields.insert("\"method\":\"\(method.rawValue)\"", at: 0) }
        if let measured = outcome.quality {
            fields += ["\"k\":\(k)", "\"trustworthiness\":\(measured.trustworthiness)", "\"continuity\":\(measured.continuity)"]
            if !json { print("trustworthiness\t\(measured.trustworthiness)\ncontinuity\t\(measured.continuity)") }
        }
        if json { print("{" + fields.joined(separator: ",") + "}") }
    }
}

/// `--method tsne|umap|pca`.
extension MapRun.Method: ExpressibleByArgument {}
extension TSNE.Gradient: ExpressibleByArgument {}
