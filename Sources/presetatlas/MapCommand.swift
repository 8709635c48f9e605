// `presetatlas map`: projects embeddings to 2-D (t-SNE or PCA) and reports trustworthiness and continuity.
import ArgumentParser
import Foundation
import SoundSpace

struct MapCommand: ParsableCommand {
    enum Method: String, ExpressibleByArgument { case tsne, pca }

    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "Project embeddings to a 2-D map and report its trustworthiness and continuity at k = 10.",
        discussion: """
        Reads a float .npy [N, D] (or CSV), writes the map as float32 .npy [N, 2]. t-SNE is Barnes-Hut,
        PCA-initialised, seeded: the same input, seed and options give the same map.

        Example:
          presetatlas map embeddings.npy --method tsne --perplexity 30 --seed 1 --out xy.npy
        """)

    @Argument(help: "Embeddings (.npy or CSV), one point per row.") var embeddings: String
    @Option(help: "Projection: tsne or pca.") var method: Method = .tsne
    @Option(help: "Where to write the [N, 2] float32 .npy map.") var out: String
    @Option(help: "t-SNE perplexity.") var perplexity: Double = 30
    @Option(help: "t-SNE iterations (250 of them with early exaggeration).") var iterations: Int = 750
    @Option(help: "Random seed (t-SNE with random initialisation).") var seed: UInt64 = 0
    @Option(help: "Neighbourhood size for trustworthiness and continuity.") var k: Int = 10
    @Flag(help: "Print one JSON object instead of lines.") var json = false

    func run() throws {
        let points = try MatrixFile.read(URL(fileURLWithPath: embeddings))
        let map: Matrix
        let quality: MapQuality
        do {
            switch method {
            case .pca:
                map = try PCA.fit(points, components: Swift.min(2, points.columns)).transform(points)
            case .tsne:
                var tsne = TSNE(perplexity: perplexity, iterations: iterations, seed: seed)
                tsne.earlyExaggerationIterations = Swift.min(250, iterations / 3)
                map = try tsne.embed(points)
            }
            quality = try MapQuality.measure(points: points, map: map, k: k)
        } catch {
            throw ValidationError("\(embeddings): \(error)")
        }
        try NumpyArray(map).write(to: URL(fileURLWithPath: out))
        if json {
            print("{\"method\":\"\(method.rawValue)\",\"points\":\(points.rows),\"k\":\(k),\"trustworthiness\":\(quality.trustworthiness),\"continuity\":\(quality.continuity)}")
        } else {
            print("trustworthiness\t\(quality.trustworthiness)\ncontinuity\t\(quality.continuity)")
        }
    }
}
